import SQLKit

/// Organising a vote: staff accounts, drafts and notices, documents, delivery records,
/// paper ballots entered twice, conflicts between channels, and the result's life.
@Sendable func createOrganiserTables(_ db: any SQLDatabase) async throws {
    // Staff (工作人员): committee, property company, clerk, street office, housing bureau,
    // administrator. `division_id` is what the account covers (an estate, a street, a
    // district or city); none for an administrator. Passwords as bcrypt hashes.
    try await db.create(table: "staff")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("username", type: .text, .notNull)
        .column("display_name", type: .text, .notNull)
        .column("password_hash", type: .text, .notNull)
        .column("role", type: .text, .notNull)
        .column("division_id", type: .bigint)
        .column("created_at", type: .bigint, .notNull)
        .column("failed_logins", type: .int, .notNull, .default(0))
        .column("locked_until", type: .bigint, .notNull, .default(0))
        .run()
    try await db.create(index: "staff_username").unique().on("staff").column("username").run()
    try await db.create(table: "staff_sessions")
        .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
        .column("staff_id", type: .text, .notNull)
        .column("csrf", type: .text, .notNull)
        .column("created_at", type: .bigint, .notNull)
        .column("expires_at", type: .bigint, .notNull)
        .column("revoked", type: .int, .notNull, .default(0))
        .run()

    // A vote is a draft until its notice is published; then its matters are frozen.
    try await db.raw("ALTER TABLE votes ADD COLUMN status TEXT NOT NULL DEFAULT 'noticed'").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN noticed_at BIGINT").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN objection_days INT NOT NULL DEFAULT 7").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN created_by TEXT NOT NULL DEFAULT 'system'").run()
    // Whether the opening and the closing are in the audit log yet (0 or 1).
    try await db.raw("ALTER TABLE votes ADD COLUMN opened_logged INT NOT NULL DEFAULT 0").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN closed_logged INT NOT NULL DEFAULT 0").run()
    // The count at the close: tally.json as `quorum tally` prints it on the export.
    try await db.raw("ALTER TABLE votes ADD COLUMN tally_json TEXT").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN preliminary_at BIGINT").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN final_at BIGINT").run()

    // Documents attached to a vote (PDF or image), kept with their SHA-256, base64 encoded
    // so that one column type serves both databases.
    try await db.create(table: "vote_documents")
        .column("vote_id", type: .text, .notNull)
        .column("number", type: .int, .notNull)
        .column("name", type: .text, .notNull)
        .column("media_type", type: .text, .notNull)
        .column("size", type: .bigint, .notNull)
        .column("sha256", type: .text, .notNull)
        .column("content", type: .text, .notNull)
        .column("uploaded_at", type: .bigint, .notNull)
        .column("uploaded_by", type: .text, .notNull)
        .primaryKey("vote_id", "number")
        .run()

    // How the consultation reached each voting person (指导规则 Art. 22): seen online,
    // handed over by a clerk, or covered by a public posting.
    try await db.create(table: "deliveries")
        .column("vote_id", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .column("method", type: .text, .notNull)
        .column("recorded_at", type: .bigint, .notNull)
        .column("recorded_by", type: .text, .notNull)
        .primaryKey("vote_id", "person", "method")
        .run()

    // The printed code of each person's paper ballot, made when the notice is published.
    try await db.create(table: "paper_codes")
        .column("code", type: .text, .primaryKey(autoIncrement: false))
        .column("vote_id", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .column("printed_at", type: .bigint)
        .run()
    try await db.create(index: "paper_codes_person").unique().on("paper_codes").column("vote_id").column("person").run()
    // Each clerk's entry of a paper ballot: the marks as canonical JSON, or spoiled (废票).
    // Two entries by two clerks that agree make the ballot effective.
    try await db.create(table: "paper_entries")
        .column("vote_id", type: .text, .notNull)
        .column("code", type: .text, .notNull)
        .column("clerk", type: .text, .notNull)
        .column("choices", type: .text, .notNull)
        .column("spoiled", type: .int, .notNull)
        .column("entered_at", type: .bigint, .notNull)
        .primaryKey("vote_id", "code", "clerk")
        .run()
    // Where a paper ballot stands: entered once, confirmed, mismatched (waiting for a
    // resolution), or a conflict with the person's online ballot.
    try await db.create(table: "paper_states")
        .column("vote_id", type: .text, .notNull)
        .column("code", type: .text, .notNull)
        .column("state", type: .text, .notNull)
        .column("updated_at", type: .bigint, .notNull)
        .column("resolved_by", type: .text)
        .primaryKey("vote_id", "code")
        .run()

    // The ballot a person sent second, in the other channel: kept, not counted (RULES.md §3).
    try await db.create(table: "ballot_conflicts")
        .column("vote_id", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .column("channel", type: .text, .notNull)
        .column("received_at", type: .bigint, .notNull)
        .column("choices", type: .text, .notNull)
        .column("cast_by", type: .text, .notNull)
        .column("salt", type: .text, .notNull)
        .column("log_index", type: .bigint, .notNull)
        .column("counted_log_index", type: .bigint, .notNull)
        .primaryKey("vote_id", "person", "channel")
        .run()
}

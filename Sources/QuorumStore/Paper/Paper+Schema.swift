import SQLKit

/// Paper ballots entered twice, and conflicts between channels (part of migration 005).
@Sendable func createPaperTables(_ db: any SQLDatabase) async throws {
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

/// Paper ballots take effect when collected (RULES.md §3; migration 011): each entry keeps
/// the collection record the clerk read off it; a vote keeps its counting period and when its
/// paper entry was declared complete; an online ballot a paper one collected before it sets
/// aside keeps its receipt and signature.
@Sendable func addPaperCollection(_ db: any SQLDatabase) async throws {
    try await db.raw("ALTER TABLE paper_entries ADD COLUMN collection_kind TEXT NOT NULL DEFAULT 'hand'").run()
    try await db.raw("ALTER TABLE paper_entries ADD COLUMN collected_by TEXT NOT NULL DEFAULT ''").run()
    try await db.raw("ALTER TABLE paper_entries ADD COLUMN collected_at BIGINT NOT NULL DEFAULT 0").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN counting_days INT NOT NULL DEFAULT 3").run()
    try await db.raw("ALTER TABLE votes ADD COLUMN paper_complete_at BIGINT").run()
    try await db.raw("ALTER TABLE ballot_conflicts ADD COLUMN receipt_code TEXT NOT NULL DEFAULT ''").run()
    try await db.raw("ALTER TABLE ballot_conflicts ADD COLUMN signature_kind TEXT NOT NULL DEFAULT ''").run()
    try await db.raw("ALTER TABLE ballot_conflicts ADD COLUMN signature TEXT NOT NULL DEFAULT ''").run()
}

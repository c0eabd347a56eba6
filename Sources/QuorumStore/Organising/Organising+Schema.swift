import SQLKit

/// Organising a vote: drafts and notices, documents, delivery records, and the result's
/// life (part of migration 005).
@Sendable func createOrganisingTables(_ db: any SQLDatabase) async throws {
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

    // Documents attached to a vote (PDF or image), kept with their SHA-256, base64 encoded;
    // migration 007 moves them into the one document store and drops this table.
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
}

/// Migration 013 (issue 13): the clerks (计票人) and scrutineers (监票人) the committee names for a
/// vote before its notice; a replacement after it adds a row naming whom it `replaces` and why,
/// and ends the replaced one's (`ended_at`). Its staff accounts can be disabled and can be made
/// to change their password.
@Sendable func addVoteStaff(_ db: any SQLDatabase) async throws {
    try await db.create(table: "vote_staff")
        .column("vote_id", type: .text, .notNull)
        .column("staff_id", type: .text, .notNull)
        .column("duty", type: .text, .notNull)
        .column("named_at", type: .bigint, .notNull)
        .column("named_by", type: .text, .notNull)
        .column("replaces", type: .text)
        .column("reason", type: .text)
        .column("ended_at", type: .bigint)
        .primaryKey("vote_id", "staff_id")
        .run()
    try await db.raw("ALTER TABLE staff ADD COLUMN disabled_at BIGINT").run()
    try await db.raw("ALTER TABLE staff ADD COLUMN must_change_password INT NOT NULL DEFAULT 0").run()
}

/// Migration 016 (issue 13, item 20): a delivery record keeps the local day the notice reached
/// the person (by hand, text, phone, post or posting), which may be before the day it is typed in.
@Sendable func addDeliveryDays(_ db: any SQLDatabase) async throws {
    try await db.raw("ALTER TABLE deliveries ADD COLUMN delivered_on TEXT").run()
}

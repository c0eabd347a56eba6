import SQLKit

/// Online voting: votes and the electorate each froze when it was created, and ballots (one
/// effective ballot per voting person, by primary key).
@Sendable func createVotingTables(_ db: any SQLDatabase) async throws {
    // The phone, sealed (AES-GCM), so that a one-time code can reach the phone on file.
    // Owners imported before this migration have none until their register is re-imported.
    try await db.raw("ALTER TABLE owners ADD COLUMN phone_sealed TEXT NOT NULL DEFAULT ''").run()

    try await db.create(table: "votes")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("estate_id", type: .bigint, .notNull)
        .column("title", type: .text, .notNull)
        // matters.json (FORMATS.md): the matters, scope and settings as noticed.
        .column("definition", type: .text, .notNull)
        .column("opens_at", type: .bigint, .notNull)
        .column("closes_at", type: .bigint, .notNull)
        .column("ballot_change", type: .int, .notNull, .default(0))
        // The register revision the electorate was formed from, and its totals.
        .column("register_revision", type: .bigint, .notNull)
        .column("total_area", type: .bigint, .notNull)
        .column("total_heads", type: .bigint, .notNull)
        .column("created_at", type: .bigint, .notNull)
        .run()
    try await db.create(index: "votes_estate").on("votes").column("estate_id").run()

    // The voting persons (RULES.md §2) of a vote, as they stood when it was created.
    try await db.create(table: "vote_persons")
        .column("vote_id", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .column("area", type: .bigint, .notNull)
        .column("is_developer", type: .int, .notNull)
        // The person's rooms, as owners recognise them: `7栋-2-1203`, joined by `、`.
        .column("rooms", type: .text, .notNull)
        .primaryKey("vote_id", "person")
        .run()
    // Who may cast a person's ballot: each owner (by keyed ID hash) of the person's units.
    try await db.create(table: "vote_members")
        .column("vote_id", type: .text, .notNull)
        .column("id_hash", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .primaryKey("vote_id", "id_hash", "person")
        .run()
    // The units of each person, so paper ballots and exports can name them.
    try await db.create(table: "vote_units")
        .column("vote_id", type: .text, .notNull)
        .column("unit_no", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .primaryKey("vote_id", "unit_no")
        .run()

    // The effective ballot of each person: the primary key makes a second one impossible,
    // whatever requests race. Choices as canonical JSON; the signature as drawn (a data URL
    // of the canvas) or typed (the full name).
    try await db.create(table: "ballots")
        .column("vote_id", type: .text, .notNull)
        .column("person", type: .int, .notNull)
        .column("channel", type: .text, .notNull)
        .column("received_at", type: .bigint, .notNull)
        .column("choices", type: .text, .notNull)
        .column("cast_by", type: .text, .notNull)
        .column("signature_kind", type: .text, .notNull)
        .column("signature", type: .text, .notNull)
        .column("receipt_code", type: .text, .notNull)
        .column("salt", type: .text, .notNull)
        .primaryKey("vote_id", "person")
        .run()
    try await db.create(index: "ballots_receipt").unique().on("ballots").column("receipt_code").run()
}

/// Each ballot's entry in the audit log, so its receipt can be rebuilt and an export of the
/// ballots matched to the log (-1: none, for ballots from before the log).
@Sendable func addBallotLogIndex(_ db: any SQLDatabase) async throws {
    try await db.raw("ALTER TABLE ballots ADD COLUMN log_index BIGINT NOT NULL DEFAULT -1").run()
}

/// How far the owners have been told of the ballots received in their name (issue 13, item
/// 22; migration 012): the next log index to look at. It starts at the log's size, so an
/// upgraded database texts nobody about ballots from before.
@Sendable func addBallotNotices(_ db: any SQLDatabase) async throws {
    try await db.create(table: "ballot_notices")
        .column("id", type: .int, .primaryKey(autoIncrement: false))
        .column("next_index", type: .bigint, .notNull)
        .run()
    try await db.raw("INSERT INTO ballot_notices (id, next_index) SELECT 1, size FROM audit_state WHERE id = 1").run()
}

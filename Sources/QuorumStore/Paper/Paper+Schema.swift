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

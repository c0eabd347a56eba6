import SQLKit

/// Tickets (`Ticket`: a request that needs an answer by a deadline), one row each: what it
/// is about, who asked, the text, the days each desk has, the answer once given. Where a
/// ticket stands is computed from these; `passed_logged` is how many of its passes up the
/// chain are in the audit log (the sweep writes each once).
@Sendable func createTicketTables(_ db: any SQLDatabase) async throws {
    try await db.create(table: "tickets")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("kind", type: .text, .notNull)
        .column("estate_id", type: .bigint, .notNull)
        .column("subject_kind", type: .text, .notNull)
        .column("subject_id", type: .text, .notNull)
        .column("item", type: .text, .notNull)
        // The asker: an owner (the keyed hash of their ID number) for a voting person
        // (`asker_person`, 0 when none), with the rooms as the desks see them.
        .column("asker_owner", type: .text, .notNull)
        .column("asker_person", type: .bigint, .notNull)
        .column("asker_label", type: .text, .notNull)
        .column("filed_at", type: .bigint, .notNull)
        .column("answer_days", type: .int, .notNull)
        .column("text", type: .text, .notNull)
        .column("passed_logged", type: .int, .notNull)
        .column("answer", type: .text)
        .column("answer_desk", type: .text)
        .column("answered_by", type: .text)
        .column("answered_at", type: .bigint)
        .run()
    try await db.create(index: "tickets_subject").on("tickets").column("estate_id").column("subject_kind").column("subject_id").run()
    try await db.create(index: "tickets_open").on("tickets").column("answered_at").column("estate_id").run()
}

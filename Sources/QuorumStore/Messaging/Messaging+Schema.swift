import SQLKit

/// The outbox (part of migration 002).
@Sendable func createOutboxTable(_ db: any SQLDatabase) async throws {
    // Messages the default sender keeps instead of sending (and the gateway sender records).
    try await db.create(table: "outbox")
        .column("id", type: .bigint, .primaryKey(autoIncrement: true))
        .column("created_at", type: .bigint, .notNull)
        .column("recipient_masked", type: .text, .notNull)
        .column("purpose", type: .text, .notNull)
        .column("body", type: .text, .notNull)
        .run()
}

import SQLKit

/// The estate's books (issue 14): its open accounts, its ledger entries (never deleted nor
/// edited once reviewed: a correction is a reversing entry), and the bank rows imported.
@Sendable func createBooksTables(_ db: any SQLDatabase) async throws {
    // One row per account opened; `revision` is bumped by every import, so two imports into
    // one account queue on its row.
    try await db.create(table: "book_accounts")
        .column("estate_id", type: .bigint, .notNull)
        .column("account", type: .text, .notNull)
        .column("opening_entry", type: .text, .notNull)
        .column("revision", type: .int, .notNull)
        .primaryKey("estate_id", "account")
        .run()
    try await db.create(table: "book_entries")
        .column("id", type: .text, .primaryKey(autoIncrement: false))
        .column("estate_id", type: .bigint, .notNull)
        .column("account", type: .text, .notNull)
        .column("kind", type: .text, .notNull)
        // Fen, > 0; `signed` is what it adds to the account (`LedgerEntry.signed`).
        .column("amount", type: .bigint, .notNull)
        .column("signed", type: .bigint, .notNull)
        .column("category", type: .text, .notNull)
        .column("counterparty", type: .text, .notNull)
        .column("entry_date", type: .text, .notNull)
        .column("description", type: .text, .notNull)
        .column("corrects", type: .text)
        .column("state", type: .text, .notNull)
        .column("recorded_by", type: .text, .notNull)
        .column("recorded_at", type: .bigint, .notNull)
        .column("reviewed_by", type: .text)
        .column("reviewed_at", type: .bigint)
        // The reason of a rejection, the question sent back, and the recorder's answer.
        .column("reason", type: .text, .notNull)
        .column("answer", type: .text, .notNull)
        .run()
    try await db.create(index: "book_entries_estate").on("book_entries").column("estate_id").column("state").column("entry_date").run()
    try await db.create(index: "book_entries_corrects").on("book_entries").column("corrects").run()
    try await db.create(table: "book_statement_rows")
        .column("estate_id", type: .bigint, .notNull)
        .column("account", type: .text, .notNull)
        .column("reference", type: .text, .notNull)
        // In the account's order: every import's rows after the last one's.
        .column("seq", type: .bigint, .notNull)
        .column("import_id", type: .text, .notNull)
        .column("line", type: .int, .notNull)
        .column("row_date", type: .text, .notNull)
        .column("row_time", type: .text, .notNull)
        .column("description", type: .text, .notNull)
        .column("amount", type: .bigint, .notNull)
        .column("balance", type: .bigint, .notNull)
        .column("counterparty", type: .text, .notNull)
        .column("matched_entry", type: .text)
        .primaryKey("estate_id", "account", "reference")
        .run()
    try await db.create(index: "book_rows_position").on("book_statement_rows").column("estate_id").column("account").column("seq").run()
}

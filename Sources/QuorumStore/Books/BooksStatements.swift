import Crypto
import QuorumCore
import SQLKit

/// What an import of a bank statement did.
public struct StatementImport: Sendable, Hashable {
    public var rows: Int
    /// Rows matched to recorded entries (by amount, direction, date and counterparty).
    public var matched: Int
    public var closing: Money
    public var fileSHA256: String
    public var rowsSHA256: String
}

/// An imported bank row, and the entry it is matched to, if any.
public struct StoredStatementRow: Sendable, Hashable {
    public var account: LedgerAccount
    public var row: StatementRow
    public var matchedEntry: String?
}

/// Bank statements (`statement.csv`, FORMATS.md): imported whole in one transaction with one
/// audit-log entry, or refused whole with every bad line named; then matched to entries.
extension BooksStore {
    /// Imports a statement into an open account whose opening balance is approved: its rows
    /// follow from the account's last imported row (or its opening balance), no reference
    /// twice. Throws `InputErrors` (nothing written) when any row is bad. `original`: the
    /// bytes as uploaded when `bytes` is the CSV of a workbook's sheet (the log keeps their SHA-256).
    public func importStatement(
        _ bytes: [UInt8], file: String, estate: Int64, account: AccountKind, original: [UInt8]? = nil, by actor: String
    ) async throws -> StatementImport {
        let code = account.rawValue
        return try await writing { db in
            // Claiming the account's row queues a second import of the same account behind this one.
            let claimed = try await db.raw(
                """
                UPDATE book_accounts SET revision = revision + 1 WHERE estate_id = \(bind: estate) AND account = \(bind: code)
                RETURNING opening_entry
                """
            ).first(decodingColumn: "opening_entry", as: String.self)
            guard let openingID = claimed else { throw BooksError.noSuchAccount }
            guard let opening = try await entry(openingID, estate: estate, on: db), opening.state == .approved else {
                throw BooksError.openingNotApproved
            }
            let last = try await db.raw(
                """
                SELECT balance, seq FROM book_statement_rows WHERE estate_id = \(bind: estate) AND account = \(bind: code)
                ORDER BY seq DESC LIMIT 1
                """
            ).first()
            let before = try last.map { Money(fen: try $0.decode(column: "balance", as: Int64.self)) } ?? opening.entry.amount
            var seq = try last.map { try $0.decode(column: "seq", as: Int64.self) } ?? 0
            let imported = try await db.raw(
                "SELECT reference FROM book_statement_rows WHERE estate_id = \(bind: estate) AND account = \(bind: code)"
            ).all(decodingColumn: "reference", as: String.self)
            let rows = try StatementReader.read(bytes, file: file, opening: before, imported: Set(imported)).get()
            guard let closing = rows.last?.balance else { throw InputErrors([InputError(file: file, problem: .emptyFile)]) }
            let importID = "S" + randomHex(bytes: 8).uppercased()
            for row in rows {
                seq += 1
                try await db.raw(
                    """
                    INSERT INTO book_statement_rows (estate_id, account, reference, seq, import_id, line, row_date, row_time, description,
                    amount, balance, counterparty) VALUES (\(bind: estate), \(bind: code), \(bind: row.reference), \(bind: seq),
                    \(bind: importID), \(bind: row.line), \(bind: row.date), \(bind: row.time), \(bind: row.description),
                    \(bind: row.amount.fen), \(bind: row.balance.fen), \(bind: row.counterparty))
                    """
                ).run()
            }
            var result = StatementImport(
                rows: rows.count, matched: 0, closing: closing, fileSHA256: hex(SHA256.hash(data: original ?? bytes)),
                rowsSHA256: StatementReader.rowsSHA256(rows))
            let event = BooksEvent.imported(
                account: code, fileSHA256: result.fileSHA256, rowsSHA256: result.rowsSHA256, rows: rows.count, actor: actor)
            _ = try await log.appendAndSign(
                [LogEntry(vote: "", time: clock(), event: .books(event))], subject: Subject(estate: estate, kind: "account", id: code), on: db)
            result.matched = try await reconcile(estate: estate, account: code, on: db)
            return result
        }
    }

    /// Matches the account's unmatched bank rows to its unmatched entries (`Reconciliation`),
    /// as after recording the entries a statement showed. Returns how many were matched.
    @discardableResult
    public func reconcile(estate: Int64, account: AccountKind) async throws -> Int {
        try await writing { try await reconcile(estate: estate, account: account.rawValue, on: $0) }
    }

    /// The imported rows matched to no entry, oldest first: shown publicly until reconciled.
    public func unmatchedRows(estate: Int64) async throws -> [StoredStatementRow] {
        try await withConnection { db in
            try await db.raw(
                "SELECT * FROM book_statement_rows WHERE estate_id = \(bind: estate) AND matched_entry IS NULL ORDER BY account, seq"
            ).all().map(Self.statementRow)
        }
    }

    /// The approved entries (not opening balances) that no bank row is matched to, up to the
    /// last day their account's statements cover; an entry and its reversal, both unmatched,
    /// cancel out (no money moved).
    public func unmatchedEntries(estate: Int64) async throws -> [StoredEntry] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT * FROM book_entries e WHERE e.estate_id = \(bind: estate) AND e.state = \(bind: EntryState.approved.rawValue)
                AND e.kind <> \(bind: EntryKind.opening.rawValue) AND NOT EXISTS (SELECT 1 FROM book_statement_rows r
                WHERE r.estate_id = e.estate_id AND r.matched_entry = e.id) AND e.entry_date <= (SELECT MAX(r.row_date)
                FROM book_statement_rows r WHERE r.estate_id = e.estate_id AND r.account = e.account) AND NOT EXISTS (SELECT 1 FROM book_entries x
                WHERE x.estate_id = e.estate_id AND x.state = e.state AND (x.corrects = e.id OR x.id = e.corrects) AND NOT EXISTS (SELECT 1
                FROM book_statement_rows r WHERE r.estate_id = x.estate_id AND r.matched_entry = x.id)) ORDER BY e.entry_date, e.id
                """
            ).all().map(Self.stored)
        }
    }

    private func reconcile(estate: Int64, account code: String, on db: any SQLDatabase) async throws -> Int {
        let rows = try await db.raw(
            """
            SELECT reference, row_date, amount, counterparty FROM book_statement_rows WHERE estate_id = \(bind: estate)
            AND account = \(bind: code) AND matched_entry IS NULL ORDER BY seq
            """
        ).all().map { row in
            MatchItem(
                id: try row.decode(column: "reference", as: String.self), date: try row.decode(column: "row_date", as: String.self),
                amount: Money(fen: try row.decode(column: "amount", as: Int64.self)),
                counterparty: try row.decode(column: "counterparty", as: String.self))
        }
        guard !rows.isEmpty else { return 0 }
        let entries = try await db.raw(
            """
            SELECT id, entry_date, signed, counterparty FROM book_entries e WHERE e.estate_id = \(bind: estate) AND e.account = \(bind: code)
            AND e.kind <> \(bind: EntryKind.opening.rawValue) AND e.state <> \(bind: EntryState.rejected.rawValue) AND NOT EXISTS (SELECT 1
            FROM book_statement_rows r WHERE r.estate_id = e.estate_id AND r.matched_entry = e.id) ORDER BY e.entry_date, e.recorded_at, e.id
            """
        ).all().map { row in
            MatchItem(
                id: try row.decode(column: "id", as: String.self), date: try row.decode(column: "entry_date", as: String.self),
                amount: Money(fen: try row.decode(column: "signed", as: Int64.self)),
                counterparty: try row.decode(column: "counterparty", as: String.self))
        }
        let pairs = Reconciliation.match(rows: rows, entries: entries)
        for pair in pairs {
            try await db.raw(
                """
                UPDATE book_statement_rows SET matched_entry = \(bind: pair.entry) WHERE estate_id = \(bind: estate) AND account = \(bind: code)
                AND reference = \(bind: pair.row)
                """
            ).run()
        }
        return pairs.count
    }

    static func statementRow(_ row: any SQLRow) throws -> StoredStatementRow {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        let statement = StatementRow(
            line: try row.decode(column: "line", as: Int.self), date: try text("row_date"), time: try text("row_time"),
            description: try text("description"), amount: Money(fen: try row.decode(column: "amount", as: Int64.self)),
            balance: Money(fen: try row.decode(column: "balance", as: Int64.self)), counterparty: try text("counterparty"),
            reference: try text("reference"))
        return StoredStatementRow(
            account: LedgerAccount(code: try text("account")) ?? LedgerAccount(.publicIncome), row: statement,
            matchedEntry: try row.decode(column: "matched_entry", as: String?.self))
    }
}

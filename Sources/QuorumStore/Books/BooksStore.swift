import QuorumCore
import SQLKit

/// A ledger entry as the store keeps it: the entry, where its review stands, who did what.
public struct StoredEntry: Sendable, Hashable {
    public var entry: LedgerEntry
    public var estate: Int64
    public var state: EntryState
    public var recordedBy: String
    public var recordedAt: Timestamp
    public var reviewedBy: String?
    /// The reason of a rejection or the question sent back; the recorder's answer.
    public var reason: String
    public var answer: String

    public var subject: Subject { Subject(estate: estate, kind: "entry", id: entry.id) }
}

/// The estate's books (issue 14): accounts opened with an opening balance, entries recorded by
/// one person and reviewed by another (`EntryReview`), reversals, documents. Every change is
/// an audit-log entry (`BooksEvent`) in its own transaction; balances count approved entries only.
extension BooksStore {
    /// Opens a money account (not a unit's sub-account) with its opening balance, recorded by
    /// `actor` and approved by another, as every entry. The property service fund is opened
    /// only under the remuneration or trust model.
    public func openAccount(
        _ account: LedgerAccount, estate: Int64, opening: Money, date: String, feeModel: FeeModel = .lumpSum, by actor: String
    ) async throws -> StoredEntry {
        guard account.unit == nil else { throw BooksError.noSuchAccount }
        guard account.kind != .propertyServiceFund || feeModel.hasServiceFund else { throw BooksError.noServiceFund }
        let entry = try LedgerEntry(id: Self.newID(), account: account, kind: .opening, amount: opening, date: date).checked()
        return try await writing { db in
            let exists = try await db.raw(
                "SELECT account FROM book_accounts WHERE estate_id = \(bind: estate) AND account = \(bind: account.description)"
            ).first()
            guard exists == nil else { throw BooksError.accountExists }
            try await db.raw(
                """
                INSERT INTO book_accounts (estate_id, account, opening_entry, revision) VALUES (\(bind: estate), \(bind: account.description),
                \(bind: entry.id), 0)
                """
            ).run()
            return try await insert(entry, estate: estate, by: actor, on: db)
        }
    }

    /// Records an income or an expense on an open account, for the committee to review.
    public func record(_ raw: LedgerEntry, estate: Int64, by actor: String) async throws -> StoredEntry {
        var entry = try raw.checked()
        guard entry.kind != .opening, entry.corrects == nil else { throw BooksError.cannotReverse }
        entry.id = Self.newID()
        return try await writing { db in
            guard entry.account.unit == nil, try await isOpen(entry.account.kind, estate: estate, on: db) else { throw BooksError.noSuchAccount }
            return try await insert(entry, estate: estate, by: actor, on: db)
        }
    }

    /// Records the entry that reverses an approved one (a correction is never an edit), to be
    /// reviewed as every entry.
    public func reverse(_ id: String, estate: Int64, date: String, description: String, by actor: String) async throws -> StoredEntry {
        try await writing { db in
            guard let original = try await entry(id, estate: estate, on: db) else { throw BooksError.noSuchEntry }
            let reversed = try await db.raw(
                "SELECT id FROM book_entries WHERE corrects = \(bind: id) AND estate_id = \(bind: estate) AND state <> \(bind: EntryState.rejected.rawValue)"
            ).first()
            try EntryReview.mayReverse(original.entry, state: original.state, reversed: reversed != nil)
            let reversal = try original.entry.reversal(id: Self.newID(), date: date, description: description).checked()
            return try await insert(reversal, estate: estate, by: actor, on: db)
        }
    }

    /// The committee's decision on a recorded entry: never by its recorder; a rejection or a
    /// question with its reason.
    public func review(_ id: String, estate: Int64, _ decision: EntryDecision, reason raw: String = "", by actor: String) async throws -> StoredEntry
    {
        let reason = try BookText.check(raw)
        return try await move(id, estate: estate, text: reason, by: actor) { stored in
            try EntryReview.decide(decision, state: stored.state, recorder: stored.recordedBy, reviewer: actor, reason: reason)
        }
    }

    /// The recorder's answer to the question that sent the entry back, which returns it for review.
    public func resubmit(_ id: String, estate: Int64, answer raw: String, by actor: String) async throws -> StoredEntry {
        let answer = try BookText.check(raw)
        return try await move(id, estate: estate, text: answer, by: actor) { stored in
            try EntryReview.resubmit(state: stored.state, recorder: stored.recordedBy, actor: actor)
        }
    }

    /// Attaches a document (invoice, receipt, contract; checked by its bytes) to an entry, logged.
    public func attach(_ file: DocumentFile, named name: String, to id: String, estate: Int64, by actor: String) async throws -> AttachedDocument {
        try await writing { db in
            guard let stored = try await entry(id, estate: estate, on: db) else { throw BooksError.noSuchEntry }
            let attached = try await documents.attach(file, named: name, to: stored.subject, by: actor, on: db)
            let event = BooksEvent.documented(entry: id, documents: [LogDocument(name: name, sha256: file.sha256)], actor: actor)
            _ = try await log.appendAndSign([LogEntry(vote: "", time: clock(), event: .books(event))], subject: stored.subject, on: db)
            return attached
        }
    }

    // MARK: - Reading

    /// One entry of the estate.
    public func entry(_ id: String, estate: Int64) async throws -> StoredEntry? {
        try await withConnection { try await entry(id, estate: estate, on: $0) }
    }

    /// The estate's entries, newest first (by date, then as recorded), of one state when given.
    public func entries(estate: Int64, state: EntryState? = nil, limit: Int = 50, offset: Int = 0) async throws -> [StoredEntry] {
        let only: SQLQueryString = state.map { "AND state = \(bind: $0.rawValue)" } ?? ""
        return try await withConnection { db in
            try await db.raw(
                """
                SELECT * FROM book_entries WHERE estate_id = \(bind: estate) \(only) ORDER BY entry_date DESC, recorded_at DESC, id DESC
                LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all().map(Self.stored)
        }
    }

    /// The balance of every open account of the estate, from its approved entries.
    public func balances(estate: Int64) async throws -> [(account: LedgerAccount, balance: Money)] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT a.account, CAST(COALESCE(SUM(CASE WHEN e.state = \(bind: EntryState.approved.rawValue) THEN e.signed ELSE 0 END), 0) AS BIGINT) AS balance
                FROM book_accounts a LEFT JOIN book_entries e ON e.estate_id = a.estate_id AND e.account = a.account
                WHERE a.estate_id = \(bind: estate) GROUP BY a.account ORDER BY a.account
                """
            ).all().compactMap { row in
                let balance = Money(fen: try row.decode(column: "balance", as: Int64.self))
                return LedgerAccount(code: try row.decode(column: "account", as: String.self)).map { ($0, balance) }
            }
        }
    }

    /// Approved expenses without a document: the public "missing receipt" list, oldest first.
    public func missingReceipts(estate: Int64) async throws -> [StoredEntry] {
        try await withConnection { db in
            try await db.raw(
                """
                SELECT * FROM book_entries e WHERE e.estate_id = \(bind: estate) AND e.kind = \(bind: EntryKind.expense.rawValue)
                AND e.corrects IS NULL AND e.state = \(bind: EntryState.approved.rawValue) AND NOT EXISTS (SELECT 1 FROM document_attachments d
                WHERE d.estate_id = e.estate_id AND d.subject_kind = 'entry' AND d.subject_id = e.id) ORDER BY e.entry_date, e.id
                """
            ).all().map(Self.stored)
        }
    }

    // MARK: - Inside

    func isOpen(_ kind: AccountKind, estate: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT account FROM book_accounts WHERE estate_id = \(bind: estate) AND account = \(bind: kind.rawValue)").first() != nil
    }

    private func insert(_ entry: LedgerEntry, estate: Int64, by actor: String, on db: any SQLDatabase) async throws -> StoredEntry {
        let now = clock()
        try await db.raw(
            """
            INSERT INTO book_entries (id, estate_id, account, kind, amount, signed, category, counterparty, entry_date, description, corrects,
            state, recorded_by, recorded_at, reason, answer) VALUES (\(bind: entry.id), \(bind: estate), \(bind: entry.account.description),
            \(bind: entry.kind.rawValue), \(bind: entry.amount.fen), \(bind: entry.signed.fen), \(bind: entry.category),
            \(bind: entry.counterparty), \(bind: entry.date), \(bind: entry.description), \(bind: entry.corrects),
            \(bind: EntryState.recorded.rawValue), \(bind: actor), \(bind: now.millisecondsSinceEpoch), '', '')
            """
        ).run()
        let stored = StoredEntry(entry: entry, estate: estate, state: .recorded, recordedBy: actor, recordedAt: now, reason: "", answer: "")
        let event = BooksEvent.recorded(
            entry: entry.id, account: entry.account.description, kind: entry.kind, amount: entry.amount.fen, corrects: entry.corrects ?? "",
            contentSHA256: entry.contentSHA256, actor: actor)
        _ = try await log.appendAndSign([LogEntry(vote: "", time: now, event: .books(event))], subject: stored.subject, on: db)
        return stored
    }

    /// Moves an entry to the state `rule` decides, claiming it in the state it was read in, and logs the move.
    private func move(
        _ id: String, estate: Int64, text: String, by actor: String, rule: (StoredEntry) throws -> EntryState
    ) async throws -> StoredEntry {
        try await writing { db in
            guard var stored = try await entry(id, estate: estate, on: db) else { throw BooksError.noSuchEntry }
            let state = try rule(stored)
            let now = clock().millisecondsSinceEpoch
            let set: SQLQueryString =
                state == .recorded ? "answer = \(bind: text)" : "reason = \(bind: text), reviewed_by = \(bind: actor), reviewed_at = \(bind: now)"
            let claimed = try await db.raw(
                """
                UPDATE book_entries SET state = \(bind: state.rawValue), \(set) WHERE id = \(bind: id) AND state = \(bind: stored.state.rawValue)
                RETURNING id
                """
            ).first()
            guard claimed != nil else { throw BooksError.notInState(stored.state) }
            let event = BooksEvent.reviewed(entry: id, state: state, textSHA256: sha256Hex(text), actor: actor)
            _ = try await log.appendAndSign([LogEntry(vote: "", time: clock(), event: .books(event))], subject: stored.subject, on: db)
            stored.state = state
            if state == .recorded { stored.answer = text } else { (stored.reason, stored.reviewedBy) = (text, actor) }
            return stored
        }
    }

    func entry(_ id: String, estate: Int64, on db: any SQLDatabase) async throws -> StoredEntry? {
        try await db.raw("SELECT * FROM book_entries WHERE id = \(bind: id) AND estate_id = \(bind: estate)").first().map(Self.stored)
    }

    static func stored(_ row: any SQLRow) throws -> StoredEntry {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        let entry = LedgerEntry(
            id: try text("id"), account: LedgerAccount(code: try text("account")) ?? LedgerAccount(.publicIncome),
            kind: EntryKind(rawValue: try text("kind")) ?? .income, amount: Money(fen: try row.decode(column: "amount", as: Int64.self)),
            category: try text("category"), counterparty: try text("counterparty"), date: try text("entry_date"),
            description: try text("description"), corrects: try row.decode(column: "corrects", as: String?.self))
        return StoredEntry(
            entry: entry, estate: try row.decode(column: "estate_id", as: Int64.self), state: EntryState(rawValue: try text("state")) ?? .recorded,
            recordedBy: try text("recorded_by"), recordedAt: Timestamp(millisecondsSinceEpoch: try row.decode(column: "recorded_at", as: Int64.self)),
            reviewedBy: try row.decode(column: "reviewed_by", as: String?.self), reason: try text("reason"), answer: try text("answer"))
    }

    static func newID() -> String { "E" + randomHex(bytes: 8).uppercased() }
}

import QuorumCore
import QuorumStore

/// The estate's books as its owners see them (`/books`, 账目公开): each account's balance, the
/// approved entries newest first, a page at a time, the approved expenses still missing a
/// receipt, the bank rows matched to no entry. Public to the estate's owners until reconciled.
struct BooksPage {
    var balances: [(account: LedgerAccount, balance: Money)]
    var entries: [StoredEntry]
    /// From 1; `more`: a next page exists.
    var page: Int
    var more: Bool
    var missing: [StoredEntry]
    var unmatched: [StoredStatementRow]
    /// The documents of the entries shown, by entry id; `staffEstate`: the staff's page of
    /// this estate (its links lead to the staff's download), nil for the owners'.
    var documents: [String: [AttachedDocument]] = [:]
    var staffEstate: Int64? = nil

    static let pageSize = 20

    static func load(estate: Int64, page: Int = 1, staff: Bool = false, store: Store) async throws -> BooksPage {
        let page = max(page, 1)
        let entries = try await store.books.entries(estate: estate, state: .approved, limit: pageSize + 1, offset: (page - 1) * pageSize)
        var books = BooksPage(
            balances: try await store.books.balances(estate: estate), entries: Array(entries.prefix(pageSize)), page: page,
            more: entries.count > pageSize, missing: try await store.books.missingReceipts(estate: estate),
            unmatched: try await store.books.unmatchedRows(estate: estate), staffEstate: staff ? estate : nil)
        try await books.addDocuments(of: books.entries, store: store)
        return books
    }

    /// Reads the documents of `entries` into `documents`.
    mutating func addDocuments(of entries: [StoredEntry], store: Store) async throws {
        for stored in entries where documents[stored.entry.id] == nil {
            documents[stored.entry.id] = try await store.documents.list(of: stored.subject)
        }
    }

    /// Where a document of an entry is downloaded from this page.
    func url(_ entry: String, _ number: Int) -> SiteURL {
        staffEstate.map { .manageEntryDocument(estate: String($0), entry: entry, number: String(number)) }
            ?? .bookDocument(entry: entry, number: String(number))
    }
}

/// The books of one estate for its staff (`/manage/estates/:estate/books`): the entries
/// awaiting review (the committee approves, rejects or sends back; never the recorder), the
/// form to record an entry (the property company or the committee), and what owners see.
struct LedgerPage {
    var estate: Division
    var staff: StaffSession
    var books: BooksPage
    /// Recorded and sent-back entries, oldest first.
    var pending: [StoredEntry]
    /// The recorders' names, by account id.
    var names: [String: String] = [:]
    var message: String?
    var refused = false

    static func load(_ estate: Division, staff: StaffSession, message: String? = nil, refused: Bool = false, store: Store) async throws -> LedgerPage
    {
        let recorded = try await store.books.entries(estate: estate.id, state: .recorded, limit: 200)
        let sentBack = try await store.books.entries(estate: estate.id, state: .needsInformation, limit: 200)
        let pending = Array((recorded + sentBack).reversed())
        let names = try await store.staff.accounts(ids: Set(pending.map(\.recordedBy))).mapValues(\.displayName)
        var books = try await BooksPage.load(estate: estate.id, staff: true, store: store)
        try await books.addDocuments(of: pending, store: store)
        return LedgerPage(estate: estate, staff: staff, books: books, pending: pending, names: names, message: message, refused: refused)
    }

    var permissions: Set<Permission> { staff.account.role.permissions }
}

import QuorumCore
import QuorumStore

/// Who opened which personal data, and when (`/manage/access?before=`, issue 13): the log's
/// `list_accessed` and `exported` entries of the votes of the estates the staff member
/// covers, with each accessor's name and role, newest first, a page at a time.
struct AccessPage {
    struct Row {
        var access: PersonalDataAccess
        /// Nil for an account that is gone: the page then shows its id, as the log holds it.
        var account: StaffAccount?
        var voteTitle: String
    }

    static let pageSize = 50
    var rows: [Row]
    /// The `before` of the next, older page; nil on the last.
    var older: Int?

    static func load(_ staff: StaffSession, before: Int?, store: Store) async throws -> AccessPage {
        let estates = try await store.staff.estates(coveredBy: staff.account).map(\.id)
        let found = try await store.log.personalDataAccess(in: estates, before: before, limit: pageSize + 1)
        let shown = Array(found.prefix(pageSize))
        let accounts = try await store.staff.accounts(ids: Set(shown.map(\.actor)))
        var titles: [String: String] = [:]
        for vote in Set(shown.map(\.vote)) { titles[vote] = try await store.voting.vote(vote)?.title }
        return AccessPage(
            rows: shown.map { Row(access: $0, account: accounts[$0.actor], voteTitle: titles[$0.vote] ?? $0.vote) },
            older: found.count > pageSize ? shown.last?.index : nil)
    }
}

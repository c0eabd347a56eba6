import QuorumCore
import QuorumStore

/// An estate's settings (`/manage/estates/:estate/settings`, issue 13, item 23): those in
/// force, the form that changes them (for the committee), and every earlier revision with who
/// recorded it and what decided it.
struct SettingsPage {
    var estate: Division
    var current: EstateSettings
    var revision: Int
    var history: [SettingsRevision]
    /// The estate's votes with a final result: what may decide a change.
    var finalVotes: [StoredVote]
    var titles: [String: String]
    var names: [String: String]
    /// The form's values when it was refused (else those in force).
    var form: EstateSettings
    var canChange: Bool
    var csrf: String
    var message: String?
    var error: String?

    static func load(
        _ estate: Division, staff: StaffSession, form: EstateSettings? = nil, message: String? = nil, error: String? = nil, store: Store
    ) async throws -> SettingsPage {
        let (current, revision) = try await store.settings.current(of: estate.id)
        let history = try await store.settings.history(of: estate.id)
        let votes = try await store.voting.votes(of: estate.id)
        let names = try await store.staff.accounts(ids: Set(history.map(\.changedBy))).mapValues(\.displayName)
        return SettingsPage(
            estate: estate, current: current, revision: revision, history: history, finalVotes: votes.filter { $0.finalAt != nil },
            titles: Dictionary(votes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }), names: names,
            form: form ?? current, canChange: staff.account.role.permissions.contains(.organise), csrf: staff.csrf, message: message, error: error)
    }
}

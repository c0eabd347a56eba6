import QuorumCore
import QuorumStore

/// The organisers' sign-in (`/staff/login`), again with the username after a refusal.
struct LoginPage {
    var error: String?
    var username = ""
}

/// The organisers' home (`/manage`): the estates the staff member covers and their votes.
struct StaffHomePage {
    var staff: StaffSession
    var estates: [(Division, [StoredVote])]
    var now: Timestamp
    /// Objections awaiting an answer in those estates, for a desk that answers them.
    var openObjections = 0

    static func load(_ staff: StaffSession, store: Store) async throws -> StaffHomePage {
        var estates: [(Division, [StoredVote])] = []
        if staff.account.role != .admin {
            for estate in try await store.staff.estates(coveredBy: staff.account) {
                estates.append((estate, try await store.voting.votes(of: estate.id)))
            }
        }
        var page = StaffHomePage(staff: staff, estates: estates, now: store.now())
        if staff.account.role.permissions.contains(.answer) {
            page.openObjections = try await store.tickets.open(in: estates.map(\.0.id)).filter { $0.kind == .objection }.count
        }
        return page
    }
}

/// The staff accounts (`/manage/staff`) the staff member may see, and the form for a new one.
struct AccountsPage {
    var accounts: [StaffAccount]
    /// The divisions a new account may be given.
    var divisions: [Division]
    var staff: StaffSession
    var error: String?
    /// What the new-account form held when sent back (never its password).
    var held = FormData("")
    /// The search over usernames and names, and the page of the list (50 a page).
    var query: String?, page: Int?
}

/// One staff account (`/manage/staff/:account`), for whoever may manage it (issue 13): its
/// name, disabling or enabling it, a temporary password.
struct AccountPage {
    var account: StaffAccount
    var division: String
    var csrf: String
    var message: String?
    var error: String?
}

/// One's own new password (`/manage/password`); the only page after a reset until it is set.
struct PasswordPage {
    var forced: Bool
    var csrf: String
    var error: String?
    var done = false
}

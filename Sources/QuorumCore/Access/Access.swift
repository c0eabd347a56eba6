/// Who works on a vote besides the owners (工作人员), and what each may do. One table, so
/// the routes, the pages and the authorization tests read the same rules.
public enum StaffRole: String, CaseIterable, Sendable, Hashable {
    /// The owners' committee (业主委员会) or, before there is one, the preparatory group
    /// (筹备组) of an estate: organises its votes.
    case committee
    /// The property company (物业服务企业) of an estate: delivers notices, sees progress.
    case property
    /// A clerk (录入员) of an estate: prints and enters paper ballots, records deliveries.
    case clerk
    /// The street office (街道办事处): supervises every estate of its street.
    case street
    /// The housing bureau (住房和城乡建设局) of a district or city: reads, mostly.
    case bureau
    /// Looks after the accounts of the installation; no part in any vote.
    case admin

    public var isEstateRole: Bool { self == .committee || self == .property || self == .clerk }

    /// What the role may do, on the estates its account covers.
    public var permissions: Set<Permission> {
        switch self {
        // Paper ballots are entered only by the clerks the committee names (`VoteDuty`), never by it.
        case .committee: [.view, .organise, .deliver, .lists, .print, .resolve, .export, .answer, .maintain, .recordBooks, .approveBooks]
        // The property company records the estate's income and expenses; the committee approves them (issue 14).
        case .property: [.view, .deliver, .maintain, .recordBooks]
        case .clerk: [.view, .deliver, .print, .enter]
        // Supervision: sees everything, may ask for the lists and the records, settles
        // mismatched paper entries, sees every open objection and answers those left
        // unanswered, opens accounts for the estates of its street, puts an owner's new phone
        // on file (two of its staff).
        case .street: [.view, .lists, .resolve, .export, .answer, .manageStaff, .rebind]
        case .bureau: [.view, .export]
        case .admin: [.manageStaff]
        }
    }

    /// Whether an account of this role may open and manage (change, disable, reset) accounts of
    /// `role`: only roles below its own scope (issue 13). A street office, its estates' roles;
    /// an administrator, every role.
    public func mayManage(_ role: StaffRole) -> Bool { self == .admin || (self == .street && role.isEstateRole) }
}

/// What the committee names a staff member to do in one vote, before its notice (issue 13).
public enum VoteDuty: String, CaseIterable, Sendable, Hashable {
    /// A clerk (计票人): enters and confirms the vote's paper ballots; at least two.
    case clerk
    /// A scrutineer (监票人): watches the entry and the count (RULES.md §3).
    case scrutineer

    /// The roles an account may hold to be named for the duty.
    public var roles: Set<StaffRole> { self == .clerk ? [.clerk] : [.committee, .clerk, .street] }

    /// Two clerks are two people: a notice is published only with this many named.
    public static let minimumClerks = 2
}

/// A change of a staff account, as the audit log records it (never a password).
public enum AccountChange: String, CaseIterable, Sendable, Hashable {
    case created, changed, disabled, enabled
    /// A manager set a temporary password, to be changed at the next sign-in.
    case passwordReset = "password_reset"
    /// The account's holder set a new password.
    case passwordChanged = "password_changed"
}

/// One kind of action on an estate's votes.
public enum Permission: String, CaseIterable, Sendable, Hashable {
    /// See votes, progress, the reconciliation and results.
    case view
    /// Set a vote up, publish its notice and its result, send reminders.
    case organise
    /// Record that a notice reached a voting person.
    case deliver
    /// See the lists of rooms that have not bound an account or not voted (personal data).
    case lists
    /// Print the paper ballots.
    case print
    /// Type in paper ballots.
    case enter
    /// Settle paper ballots whose two entries disagree.
    case resolve
    /// Download the vote's files and the audit log.
    case export
    /// Read and answer owners' objections and other tickets (`Ticket`), with who asked.
    case answer
    /// Open staff accounts.
    case manageStaff = "manage_staff"
    /// Put an owner's new phone on file, two people (issue 13, item 21).
    case rebind
    /// Record an income or expense of the estate's books, and answer a question on it (issue 14).
    case recordBooks = "record_books"
    /// Approve, reject or send back an entry of the estate's books, never one's own (issue 14).
    case approveBooks = "approve_books"
    /// Import the estate's facilities and record their servicing and inspections (issue 15).
    case maintain
}

/// Why a staff sign-in or account change failed.
public enum StaffError: Error, Hashable, Sendable {
    /// Wrong name or password (deliberately not saying which).
    case badCredentials
    /// Too many wrong passwords from this address (for this account, or for any): the next
    /// try is taken from `until` on. Never a lock of the account itself (issue 13).
    case tooManyAttempts(until: Timestamp)
    case usernameTaken(String)
    case weakPassword
    case divisionRequired(StaffRole)
    case noSuchDivision
    /// The account may not open or manage accounts of this role, or of that division.
    case outOfScope(StaffRole)
    /// The estate's committee already has members: another account is opened by an administrator.
    case committeeHasMembers
    /// The account is disabled: it cannot sign in.
    case disabled
    case noSuchAccount
    case nameRequired
}

/// Limits on signing in.
public enum StaffLimits {
    /// The bcrypt cost of a password, and of the decoy compared for a name that is no
    /// account's, so that timing does not tell which names exist.
    public static let passwordCost: UInt8 = 12
    /// Wrong passwords are counted over this window, by address and by address and account.
    public static let failureWindowMilliseconds: Int64 = 15 * 60 * 1000
    /// Wrong passwords one address may send in the window, whatever the names, before it
    /// waits: checked before any password is hashed.
    public static let failuresPerAddress = 20
    /// Wrong passwords for one account from one address before each next try waits.
    public static let freeFailures = 5

    /// How long after its last wrong password an address waits to try an account again, after
    /// `failures` of them in the window: not at all for the first five, then 1, 2, 4, 8
    /// minutes, at most the window. The same account from another address is not slowed.
    public static func wait(afterFailures failures: Int) -> Int64 {
        guard failures >= freeFailures else { return 0 }
        return min(60_000 << min(failures - freeFailures, 8), failureWindowMilliseconds)
    }
    public static let sessionLifetimeMilliseconds: Int64 = 8 * 60 * 60 * 1000
    public static let minimumPasswordLength = 10
}

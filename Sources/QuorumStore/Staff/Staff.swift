import Crypto
import HummingbirdBcrypt
import QuorumCore
import SQLKit

/// A staff account, without its password.
public struct StaffAccount: Sendable, Hashable {
    public var id: String
    public var username: String
    public var displayName: String
    public var role: StaffRole
    /// The estate, street, district or city the account covers; nil for an administrator.
    public var divisionID: Int64?
    /// Disabled accounts cannot sign in (issue 13).
    public var disabled = false
    /// After a reset: the holder sets a new password before any other page.
    public var mustChangePassword = false
}

/// A signed-in staff member.
public struct StaffSession: Sendable, Hashable {
    public var token: String
    public var account: StaffAccount
    /// The CSRF token every form of this session carries.
    public var csrf: String
}

extension StaffStore {
    /// Opens a staff account. Estate roles need an estate; street, bureau need a division
    /// (a street, or a district or city); an administrator covers the installation. `creator`
    /// may open only roles below its own scope, in divisions it covers, and (unless an
    /// administrator) no committee account for an estate whose committee has members; nil is
    /// the installation's operator (the command line, the demo). The opening is in the log.
    @discardableResult
    public func add(
        username: String, displayName: String, password: String, role: StaffRole, division: Int64?, by creator: StaffAccount? = nil,
        passwordCost: UInt8 = StaffLimits.passwordCost
    ) async throws -> StaffAccount {
        if let creator, !creator.role.mayManage(role) { throw StaffError.outOfScope(role) }
        guard password.count >= StaffLimits.minimumPasswordLength else { throw StaffError.weakPassword }
        guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty else { throw StaffError.nameRequired }
        if role != .admin {
            guard let division else { throw StaffError.divisionRequired(role) }
            guard let found = try await register.division(division) else { throw StaffError.noSuchDivision }
            if role.isEstateRole && found.level != .estate { throw StaffError.divisionRequired(role) }
        }
        if let creator, let division, try await !covers(creator, division: division) { throw StaffError.outOfScope(role) }
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        var random = SystemRandomNumberGenerator()
        let account = StaffAccount(
            id: CheckedCode.identifier(using: &random), username: name, displayName: displayName, role: role,
            divisionID: role == .admin ? nil : division)
        let hash = Bcrypt.hash(password, cost: passwordCost)
        try await writing { db in
            let taken = try await db.raw("SELECT id FROM staff WHERE username = \(bind: name)").first() != nil
            guard !taken else { throw StaffError.usernameTaken(name) }
            if role == .committee, creator.map({ $0.role != .admin }) ?? false {
                let members = try await db.raw(
                    "SELECT id FROM staff WHERE role = 'committee' AND division_id = \(bind: account.divisionID) AND disabled_at IS NULL"
                ).first()
                guard members == nil else { throw StaffError.committeeHasMembers }
            }
            try await db.raw(
                """
                INSERT INTO staff (id, username, display_name, password_hash, role, division_id, created_at)
                VALUES (\(bind: account.id), \(bind: name), \(bind: displayName), \(bind: hash), \(bind: role.rawValue),
                \(bind: account.divisionID), \(bind: sessionClock().millisecondsSinceEpoch))
                """
            ).run()
            try await logChange(.created, of: account, by: creator?.id ?? "system", on: db)
        }
        return account
    }

    /// Signs a staff member in: a new session (new token) on success. Wrong passwords slow
    /// down the address they come from (`StaffLimits`), before any password is hashed; they
    /// never lock the account, so nobody can keep the committee out by guessing.
    public func login(username: String, password: String, address: String = "local") async throws -> StaffSession {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let from = AddressLimits.key(for: address)
        return try await withConnection { db in
            let now = sessionClock().millisecondsSinceEpoch
            let window = now - StaffLimits.failureWindowMilliseconds
            try await db.raw("DELETE FROM sign_in_failures WHERE at <= \(bind: window)").run()
            func failures(_ key: String) async throws -> [Int64] {
                try await db.raw("SELECT at FROM sign_in_failures WHERE key = \(bind: key) AND at > \(bind: window) ORDER BY at")
                    .all(decodingColumn: "at", as: Int64.self)
            }
            let byAddress = try await failures("a:" + from)
            if byAddress.count >= StaffLimits.failuresPerAddress {
                let oldest = byAddress[byAddress.count - StaffLimits.failuresPerAddress]
                throw StaffError.tooManyAttempts(until: Timestamp(millisecondsSinceEpoch: oldest + StaffLimits.failureWindowMilliseconds))
            }
            let pair = "p:" + from + " " + name
            let byPair = try await failures(pair)
            if let last = byPair.last, now < last + StaffLimits.wait(afterFailures: byPair.count) {
                throw StaffError.tooManyAttempts(until: Timestamp(millisecondsSinceEpoch: last + StaffLimits.wait(afterFailures: byPair.count)))
            }
            let row = try await db.raw("SELECT * FROM staff WHERE username = \(bind: name)").first()
            // The same work for a name that is no account's, so timing does not tell which names exist.
            let hash = try row?.decode(column: "password_hash", as: String.self) ?? Self.decoyHash
            guard Bcrypt.verify(password, hash: hash), let row else {
                try await db.raw("INSERT INTO sign_in_failures (key, at) VALUES (\(bind: "a:" + from), \(bind: now)), (\(bind: pair), \(bind: now))")
                    .run()
                throw StaffError.badCredentials
            }
            let account = try Self.staffAccount(from: row)
            try await db.raw("DELETE FROM sign_in_failures WHERE key = \(bind: pair)").run()
            guard !account.disabled else { throw StaffError.disabled }
            let (token, csrf) = (randomHex(bytes: 32), randomHex(bytes: 16))
            try await db.raw(
                """
                INSERT INTO staff_sessions (token_hash, staff_id, csrf, created_at, expires_at)
                VALUES (\(bind: BindingStore.tokenHash(token)), \(bind: account.id), \(bind: csrf), \(bind: now),
                \(bind: now + StaffLimits.sessionLifetimeMilliseconds))
                """
            ).run()
            return StaffSession(token: token, account: account, csrf: csrf)
        }
    }

    /// The live staff session of a token, if any.
    public func session(token: String) async throws -> StaffSession? {
        try await withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT s.csrf, a.* FROM staff_sessions s JOIN staff a ON a.id = s.staff_id
                    WHERE s.token_hash = \(bind: BindingStore.tokenHash(token)) AND s.revoked = 0 AND a.disabled_at IS NULL
                    AND s.expires_at > \(bind: sessionClock().millisecondsSinceEpoch)
                    """
                ).first()
            else { return nil }
            return StaffSession(token: token, account: try Self.staffAccount(from: row), csrf: try row.decode(column: "csrf", as: String.self))
        }
    }

    public func endSession(token: String) async throws {
        try await withConnection { db in
            try await db.raw("UPDATE staff_sessions SET revoked = 1 WHERE token_hash = \(bind: BindingStore.tokenHash(token))").run()
        }
    }

    /// The accounts an account may see: all for an administrator, those of the estates
    /// under its division for a street office.
    public func accounts(visibleTo account: StaffAccount) async throws -> [StaffAccount] {
        let all = try await withConnection { db in
            try await db.raw("SELECT * FROM staff ORDER BY role, username").all().map(Self.staffAccount(from:))
        }
        if account.role == .admin { return all }
        var visible: [StaffAccount] = []
        for other in all {
            if let division = other.divisionID, try await covers(account, division: division) { visible.append(other) }
        }
        return visible
    }

    /// The accounts with these ids (an audit-log entry's actors), by id; ids of no account
    /// (`owner`, `system`) are left out.
    public func accounts(ids: Set<String>) async throws -> [String: StaffAccount] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await withConnection { db in
            try await db.select().column("*").from("staff").where("id", .in, Array(ids)).all().map(Self.staffAccount(from:))
        }
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether an account's division is, or lies above, `division`.
    public func covers(_ account: StaffAccount, division: Int64) async throws -> Bool {
        if account.role == .admin { return true }
        guard let own = account.divisionID else { return false }
        if own == division { return true }
        return try await register.isDivision(division, under: own)
    }

    /// Whether `account` may do `permission` on the estate `estate`.
    public func may(_ account: StaffAccount, _ permission: Permission, estate: Int64) async throws -> Bool {
        guard account.role.permissions.contains(permission) else { return false }
        return try await covers(account, division: estate)
    }

    /// The estates an account covers.
    public func estates(coveredBy account: StaffAccount) async throws -> [Division] {
        var covered: [Division] = []
        for estate in try await register.estates() where try await covers(account, division: estate.id) { covered.append(estate) }
        return covered
    }

    static func staffAccount(from row: any SQLRow) throws -> StaffAccount {
        StaffAccount(
            id: try row.decode(column: "id", as: String.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: try StaffRole.stored(try row.decode(column: "role", as: String.self)),
            divisionID: try row.decode(column: "division_id", as: Int64?.self),
            disabled: try row.decode(column: "disabled_at", as: Int64?.self) != nil,
            mustChangePassword: try row.decode(column: "must_change_password", as: Int.self) != 0)
    }

    /// A bcrypt hash of nothing anyone knows, checked against when a user name is unknown.
    static let decoyHash = Bcrypt.hash("quorum-decoy-password", cost: StaffLimits.passwordCost)
}

extension StaffRole {
    static func stored(_ text: String) throws -> StaffRole {
        guard let role = StaffRole(rawValue: text) else { throw StoreError.corrupt("unknown staff role \(text)") }
        return role
    }
}

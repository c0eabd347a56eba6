import HummingbirdBcrypt
import QuorumCore
import SQLKit

/// Managing staff accounts (issue 13): who may change whom, disabling, password resets and
/// changes. Every change is an audit-log entry (never the password), in its transaction.
extension StaffStore {
    /// Whether `manager` may change `account`: a role below its own scope, in a division it
    /// covers, and never itself (its own password it changes with `changePassword`).
    public func mayManage(_ manager: StaffAccount, _ account: StaffAccount) async throws -> Bool {
        guard manager.role.mayManage(account.role), manager.id != account.id else { return false }
        guard let division = account.divisionID else { return manager.role == .admin }
        return try await covers(manager, division: division)
    }

    public func account(id: String) async throws -> StaffAccount? {
        try await withConnection { db in try await db.raw("SELECT * FROM staff WHERE id = \(bind: id)").first().map(Self.staffAccount(from:)) }
    }

    public func account(username: String) async throws -> StaffAccount? {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        return try await withConnection { db in
            try await db.raw("SELECT * FROM staff WHERE username = \(bind: name)").first().map(Self.staffAccount(from:))
        }
    }

    /// Changes account `id` as `manager` may (`mayManage`): `.changed` gives it the display
    /// name `value`; `.disabled` and `.enabled`; `.passwordReset` gives it the temporary password
    /// `value`, to be changed at its next sign-in. Disabling and resetting end its sessions.
    /// `manager` nil: the command line on the server (logged as `system`), which may change any.
    public func manage(
        _ id: String, _ change: AccountChange, value: String = "", by manager: StaffAccount?, passwordCost: UInt8 = StaffLimits.passwordCost
    ) async throws {
        guard var account = try await account(id: id) else { throw StaffError.noSuchAccount }
        if let manager, try await !mayManage(manager, account) { throw StaffError.outOfScope(account.role) }
        let name = value.trimmingCharacters(in: .whitespaces)
        if change == .changed && name.isEmpty { throw StaffError.nameRequired }
        if change == .passwordReset && value.count < StaffLimits.minimumPasswordLength { throw StaffError.weakPassword }
        let hash = change == .passwordReset ? Bcrypt.hash(value, cost: passwordCost) : ""
        try await writing { db in
            let now = sessionClock().millisecondsSinceEpoch
            switch change {
            case .changed:
                try await db.raw("UPDATE staff SET display_name = \(bind: name) WHERE id = \(bind: id)").run()
                account.displayName = name
            case .disabled: try await db.raw("UPDATE staff SET disabled_at = \(bind: now) WHERE id = \(bind: id)").run()
            case .enabled: try await db.raw("UPDATE staff SET disabled_at = NULL WHERE id = \(bind: id)").run()
            case .passwordReset:
                try await db.raw("UPDATE staff SET password_hash = \(bind: hash), must_change_password = 1 WHERE id = \(bind: id)").run()
            case .created, .passwordChanged: throw StaffError.outOfScope(account.role)
            }
            if change == .disabled || change == .passwordReset {
                try await db.raw("UPDATE staff_sessions SET revoked = 1 WHERE staff_id = \(bind: id)").run()
            }
            try await logChange(change, of: account, by: manager?.id ?? "system", on: db)
        }
    }

    /// The holder of `account` sets a new password, giving the current one (or the temporary
    /// one of a reset). Their other sessions end; this one goes on.
    public func changePassword(
        of session: StaffSession, current: String, new: String, passwordCost: UInt8 = StaffLimits.passwordCost
    ) async throws {
        guard new.count >= StaffLimits.minimumPasswordLength, new != current else { throw StaffError.weakPassword }
        let hash = Bcrypt.hash(new, cost: passwordCost)
        try await writing { db in
            let stored = try await db.raw("SELECT password_hash FROM staff WHERE id = \(bind: session.account.id)")
                .first(decodingColumn: "password_hash", as: String.self)
            guard let stored, Bcrypt.verify(current, hash: stored) else { throw StaffError.badCredentials }
            try await db.raw("UPDATE staff SET password_hash = \(bind: hash), must_change_password = 0 WHERE id = \(bind: session.account.id)")
                .run()
            try await db.raw(
                """
                UPDATE staff_sessions SET revoked = 1
                WHERE staff_id = \(bind: session.account.id) AND token_hash <> \(bind: BindingStore.tokenHash(session.token))
                """
            ).run()
            try await logChange(.passwordChanged, of: session.account, by: session.account.id, on: db)
        }
    }

    /// The log's entry for a change of `account`, about the account in its division.
    func logChange(_ change: AccountChange, of account: StaffAccount, by actor: String, on db: any SQLDatabase) async throws {
        let division = account.divisionID ?? 0
        let entry = LogEntry(
            vote: "", time: clock(),
            event: .staffAccount(account: account.id, change: change, role: account.role, division: Int(division), actor: actor))
        _ = try await log.appendAndSign([entry], subject: Subject(estate: division, kind: "staff", id: account.id), on: db)
    }
}

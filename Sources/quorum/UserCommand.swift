import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum user`: staff accounts.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Staff accounts (工作人员账户).", subcommands: [UserAdd.self, UserChange.self])
}

/// `quorum user add`: opens an account; the first administrator is made this way.
struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Open a staff account (新建账户). The password is read from $QUORUM_PASSWORD or asked for.",
        discussion: """
            Roles: admin (accounts only), committee, property, clerk (of an estate: --estate), street (--street), \
            bureau (--district or --city). Example: quorum user add --username admin --name 管理员 --role admin
            """)

    @Option(help: "The sign-in name.")
    var username: String

    @Option(help: "The person's or organisation's name, as pages show it.")
    var name: String

    @Option(help: "admin, committee, property, clerk, street or bureau.")
    var role: String

    @Option(help: "The estate (小区) an estate role covers.")
    var estate: String?

    @Option(help: "The street (街道) a street office covers, or the estate's street.")
    var street: String?

    @Option(help: "The district (区) a bureau covers.")
    var district: String?

    @Option(help: "The city (市) a bureau covers.")
    var city: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let role = StaffRole(rawValue: role) else {
            Terminal.standardError("unknown role \(self.role): one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode.validationFailure
        }
        let password: String
        if let given = ProcessInfo.processInfo.environment["QUORUM_PASSWORD"] {
            password = given
        } else {
            Terminal.standardError("Password (at least \(StaffLimits.minimumPasswordLength) characters) 密码:")
            guard let line = readLine(strippingNewline: true) else { throw ExitCode.validationFailure }
            password = line
        }
        try await options.withStore { store in
            var division: Int64?
            if role != .admin {
                let found: Division?
                if let estate {
                    found = try await store.register.findEstate(EstatePath(city: city, district: district, street: street, estate: estate))
                } else if let street {
                    found = try await store.register.findDivision(.street, named: street)
                } else if let district {
                    found = try await store.register.findDivision(.district, named: district)
                } else if let city {
                    found = try await store.register.findDivision(.city, named: city)
                } else {
                    found = nil
                }
                guard let found else {
                    Terminal.standardError(Words.say(.noSuchDivision))
                    throw ExitCode.validationFailure
                }
                division = found.id
            }
            do {
                let account = try await store.staff.add(username: username, displayName: name, password: password, role: role, division: division)
                Terminal.standardOutput("账户已创建 / account created: \(account.username) (\(account.role.rawValue))")
            } catch let error as StaffError {
                Terminal.standardError(Words.say(error))
                throw ExitCode.validationFailure
            }
        }
    }
}

/// `quorum user disable|enable|reset USERNAME`: what the accounts page does, from the server's
/// command line (when no account that may do it can sign in); logged with actor `system`.
struct UserChange: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Disable, enable or reset the password of a staff account (停用、启用账户或重置密码).",
        discussion:
            "Example: quorum user change --disable clerk-3. A reset reads the temporary password from $QUORUM_PASSWORD or asks; it must be changed at the next sign-in."
    )

    @Argument(help: "The sign-in name.") var username: String
    @Flag(help: "What to do.") var change: Change

    enum Change: String, EnumerableFlag { case disable, enable, reset }

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await options.withStore { store in
            guard let account = try await store.staff.account(username: username) else {
                Terminal.standardError(Words.say(StaffError.noSuchAccount))
                throw ExitCode.validationFailure
            }
            var password = ""
            if change == .reset, let given = ProcessInfo.processInfo.environment["QUORUM_PASSWORD"] {
                password = given
            } else if change == .reset {
                Terminal.standardError("Temporary password (at least \(StaffLimits.minimumPasswordLength) characters) 临时密码:")
                password = readLine(strippingNewline: true) ?? ""
            }
            let changes: [Change: AccountChange] = [.disable: .disabled, .enable: .enabled, .reset: .passwordReset]
            do {
                try await store.staff.manage(account.id, changes[change] ?? .disabled, value: password, by: nil)
                Terminal.standardOutput("已更改 / changed: \(account.username) (\(change.rawValue))\n")
            } catch let error as StaffError {
                Terminal.standardError(Words.say(error))
                throw ExitCode.validationFailure
            }
        }
    }
}

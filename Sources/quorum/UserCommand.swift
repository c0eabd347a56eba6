import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum user`: staff accounts.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Staff accounts (工作人员账户).", subcommands: [UserAdd.self])
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

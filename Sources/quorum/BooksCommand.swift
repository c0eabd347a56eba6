import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum books …`: the estate's books (账目) kept in the database.
struct BooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "books", abstract: "Manage an estate's books in the database (账目).", subcommands: [BooksImportCommand.self])
}

/// `quorum books import FILE --estate NAME --account public-income|maintenance-fund`.
struct BooksImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a bank statement (statement.csv) into an estate's account (导入银行流水).",
        discussion: """
            The file is checked whole before anything changes: every row's balance must follow from \
            the previous row's (the first from the account's balance in Quorum: its last imported row, \
            or its approved opening balance), and no reference (流水号) may repeat or have been imported \
            before. With any bad row, every error (line, column, reason) is printed on standard error, \
            nothing is imported, and the exit code is 65. Otherwise the rows are imported as one \
            audit-log entry (actor `system`) and matched to the recorded entries.
            """
    )

    @Argument(help: "The statement file (statement.csv, FORMATS.md), or an Excel workbook (.xlsx) with the same headers in its first sheet.")
    var file: String

    @Option(help: "The estate (小区) whose account it is.")
    var estate: String

    @Option(help: "The estate's street (街道), when several estates share the name.")
    var street: String?

    @Option(help: "public-income (公共收益) or maintenance-fund (维修资金).")
    var account: String

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let kind = AccountKind(rawValue: account), kind != .propertyServiceFund else {
            Terminal.standardError("未知账户 / unknown account \"\(account)\": public-income (公共收益) or maintenance-fund (维修资金)")
            throw ExitCode.validationFailure
        }
        // An Excel workbook is read as its first sheet (`Workbook`), its errors placed at their cells.
        let source: Workbook.CSVSource
        do { source = try Workbook.csv(of: file, file: file) } catch { throw Self.refuse(error) }
        defer { source.close() }
        let original = try readFile(file)
        let bytes = source.sheet == nil ? original : try readFile(source.path)
        try await options.withStore { store in
            guard let found = try await store.register.findEstate(EstatePath(street: street, estate: estate)) else {
                Terminal.standardError("没有这个小区 / no such estate: \(estate)")
                throw ExitCode.validationFailure
            }
            do {
                let result = try await store.books.importStatement(
                    bytes, file: file, estate: found.id, account: kind, original: source.sheet == nil ? nil : original, by: "system")
                Terminal.standardOutput(
                    """
                    \(estate) \(kind.rawValue): 已导入 \(result.rows) 笔，匹配 \(result.matched) 笔，余额 \(result.closing) / \
                    imported \(result.rows) rows, \(result.matched) matched, balance \(result.closing)
                      file 文件: \(file), sha256 \(result.fileSHA256)

                    """)
            } catch let rejected as InputErrors {
                throw Self.refuse(InputErrors(source.place(rejected.errors, file: file)))
            } catch let error as BooksError {
                Terminal.standardError(Self.say(error))
                throw ExitCode.validationFailure
            }
        }
    }

    static func refuse(_ rejected: InputErrors) -> ExitCode { Exit.refuse(rejected, zh: "流水未导入，数据库未改动", en: "nothing was imported") }

    static func say(_ error: BooksError) -> String {
        switch error {
        case .noSuchAccount: "该账户尚未开设 / the account is not open"
        case .openingNotApproved: "该账户的期初余额尚未审核通过 / the account's opening balance is not approved yet"
        default: "无法导入 / cannot import: \(error)"
        }
    }
}

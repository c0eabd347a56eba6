import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum divisions import FILE`: a city's districts, streets, communities and estates,
/// before any register exists (issue 17, item 1).
struct DivisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions",
        abstract: "Manage the administrative divisions (区划).",
        subcommands: [Import.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load districts, streets, communities and estates from divisions.csv (导入区划).",
            discussion: """
                Each row is one path from the top down (city, district, street, community, estate; \
                headers in English or Chinese, a level left empty is skipped). What is new is added \
                in one transaction; with any bad row every error is printed, nothing is added and \
                the exit code is 65. Loading the same file again adds nothing. An .xlsx is read as \
                its first sheet.
                """
        )

        @Argument(help: "The divisions file (divisions.csv, docs/FILES.md; or .xlsx).")
        var file: String

        @OptionGroup var options: DatabaseOptions

        func refuse(_ failure: InputErrors) -> ExitCode { Exit.refuse(failure, zh: "区划未导入，数据库未改动", en: "nothing was imported") }

        func run() async throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw unreadable(file) }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let source: Workbook.CSVSource
            do { source = try Workbook.csv(of: file, file: name) } catch { throw refuse(error) }
            defer { source.close() }
            let rows: [(line: Int, steps: [EstatePath.Step])]
            let bytes = try readFile(source.path)
            do { rows = try DivisionsFile.read(csv: bytes, file: name) } catch {
                throw refuse(InputErrors(source.place(error.errors, file: name)))
            }
            try await options.withStore { store in
                do {
                    let added = try await store.register.importDivisions(rows, file: name)
                    Terminal.standardOutput("\(name): 新增 \(added) 个区划，共 \(rows.count) 行 / \(added) divisions added from \(rows.count) row(s)\n")
                } catch let failure as InputErrors {
                    throw refuse(InputErrors(source.place(failure.errors, file: name)))
                }
            }
        }
    }
}

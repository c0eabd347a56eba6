import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum register import FILE --estate NAME`: load a street office's registry.csv.
struct RegisterImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an estate's registry.csv into the database (导入登记册).",
        discussion: """
            The file is checked whole before anything changes: with any bad row, every error \
            (line, column, reason) is printed on standard error, the database is left as it was, \
            and the exit code is 65. Otherwise the differences from the estate's current register \
            (units added, changed, removed; owners changed) are applied as a new register revision \
            and summarised; the earlier revisions stay readable. Importing the same file again \
            changes nothing. The estate and the divisions named above it are created if new.
            """
    )

    @Argument(help: "The register file (registry.csv, FORMATS.md).")
    var file: String

    @Option(help: "The estate (小区) the file is the register of.")
    var estate: String

    @Option(help: "The street (街道) the estate is under.")
    var street: String?

    @Option(help: "The community (社区) the estate is under.")
    var community: String?

    @Option(help: "The district (区) the estate is under.")
    var district: String?

    @Option(help: "The city (市) the estate is under.")
    var city: String?

    @Flag(help: "No progress bar.")
    var quiet = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw unreadable(file) }
        let path = EstatePath(city: city, district: district, street: street, community: community, estate: estate)
        try await options.withStore { store in
            let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) != 0)
            let result: RegisterImportResult
            do {
                result = try await store.register.importRegister(file: file, estate: path, progress: { bar.show($0) })
            } catch let rejected as RegisterRejected {
                bar.clear()
                Terminal.standardError(Words.say(rejected))
                throw Exit.badData
            }
            bar.clear()
            Terminal.standardOutput(Self.summary(of: result, path: path))
        }
    }

    static func summary(of result: RegisterImportResult, path: EstatePath) -> String {
        guard let revision = result.created else {
            let current = result.current.map { "第 \($0.number) 版 / revision \($0.number)" } ?? "无 / none"
            return "\(path): 没有变化，未产生新版本 / no changes; the register stays at \(current)\n"
        }
        var lines = ["\(path): \(revision.summary)"]
        let samples: [(String, [String], Int)] = [
            ("新增 added", result.samples.added, revision.unitsAdded),
            ("变更 changed", result.samples.changed, revision.unitsChanged),
            ("删除 removed", result.samples.removed, revision.unitsRemoved),
            ("业主变更 owners changed", result.samples.ownersChanged, revision.ownersChanged),
        ]
        for (label, units, count) in samples where count > 0 {
            let more = count > units.count ? ", … (+\(count - units.count))" : ""
            lines.append("  \(label): \(units.joined(separator: ", "))\(more)")
        }
        lines.append("  file 文件: \(revision.fileName), sha256 \(revision.fileSHA256)")
        return lines.joined(separator: "\n") + "\n"
    }
}

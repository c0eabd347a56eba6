import ArgumentParser
import QuorumCore

/// `quorum tally`: recount a vote from its exported files, as an auditor would.
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Recount a vote from registry.csv, matters.json and ballots.csv; print tally.json (计票).",
        discussion: """
            Prints tally.json on standard output and exits 0. On any bad input it prints every \
            error (file, line, column, reason) on standard error, nothing on standard output, \
            and exits 65 (66 if a file cannot be read). The same input always gives the same bytes.
            """
    )

    @Option(name: .long, help: "The property register (registry.csv).")
    var registry: String

    @Option(name: .long, help: "The vote and its matters (matters.json).")
    var matters: String

    @Option(name: .long, help: "The cast ballots (ballots.csv).")
    var ballots: String

    @Option(
        name: .long,
        help: "Delivery records (a CSV with a unit_id column), needed when the vote uses the silent-majority rule.")
    var deliveries: String?

    func run() throws {
        // The register may be an Excel workbook: its first sheet, its errors placed at their cells.
        let source: Workbook.CSVSource
        do { source = try Workbook.csv(of: registry, file: registry) } catch { throw Self.refuse(error) }
        defer { source.close() }
        let files = RecountFiles(
            registry: (registry, try readFile(source.path)),
            matters: (matters, try readFile(matters)),
            ballots: (ballots, try readFile(ballots)),
            deliveries: try deliveries.map { ($0, try readFile($0)) })
        let result: TallyResult
        do {
            result = try Recount.run(files)
        } catch let failure as InputErrors {
            throw Self.refuse(InputErrors(failure.errors.map { $0.file == registry ? source.place([$0], file: registry)[0] : $0 }))
        }
        for conflict in result.conflicts {
            Terminal.standardError(
                "note: \(ballots):\(conflict.countedLine): a voting person sent more than one ballot; the first received "
                    + "(\(conflict.countedChannel.rawValue), \(conflict.countedAt)) counts, the ballot(s) from line(s) "
                    + "\(conflict.ignoredLines.map(String.init).joined(separator: ", ")) do not. 同一表决人多次投票，以最先收到的为准。")
        }
        Terminal.standardOutput(result.json.rendered())
    }

    static func refuse(_ failure: InputErrors) -> ExitCode { Exit.refuse(failure, zh: "未计票", en: "nothing was counted") }
}

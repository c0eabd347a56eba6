import Foundation
import QuorumCore
import QuorumStore
import Testing

/// `quorum verify` and `quorum log export` run as an auditor runs them, on a database
/// holding 8 ballots of one vote, each cast in its own transaction with its head.
@Suite struct VerifyCommandTests {
    struct Setup {
        let directory: URL
        let database: String
        var path: String { directory.path }

        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
    }

    static let vote = "v1"

    /// The ballots, with their salts, as the ballots export will carry them.
    static func ballots() -> [(entry: LogEntry, choices: BallotChoices, salt: [UInt8])] {
        (0..<8).map { number in
            let salt = (0..<32).map { UInt8(($0 * 11 + number) % 256) }
            let choices = BallotChoices(["m1": .option(number % 3 == 0 ? .oppose : .agree)])
            let ballot = LoggedBallot(
                voter: ByteText.hex((0..<16).map { UInt8(($0 + number) % 256) }), channel: number % 2 == 0 ? .online : .paper,
                commitment: BallotCommitment.make(choices, salt: salt))
            let time = Timestamp(millisecondsSinceEpoch: 1_705_716_000_000 + Int64(number) * 60_000)
            return (LogEntry(vote: vote, time: time, event: .ballot(ballot)), choices, salt)
        }
    }

    func withSetup(_ body: (Setup) async throws -> Void) async throws {
        let directory = try TallyCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let setup = Setup(directory: directory, database: "sqlite:///\(directory.path)/q.sqlite")
        let store = try await Store.open(try DatabaseURL(setup.database))
        try await store.migrate()
        for ballot in Self.ballots() { try await store.log.append([ballot.entry]) }
        try await store.close()
        try await body(setup)
    }

    /// ballots.csv of the counted ballots: FORMATS.md's columns, plus log_index and salt.
    static func ballotsCSV(skipping: Int? = nil) -> String {
        var lines = ["unit_id,matter,choice,channel,received_at,log_index,salt"]
        for (index, ballot) in ballots().enumerated() where index != skipping {
            guard case .ballot(let logged) = ballot.entry.event else { continue }
            lines.append(
                "U\(index),m1,\(ballot.choices.exportText(for: "m1")!),\(logged.channel.rawValue),\(ballot.entry.time),\(index),\(ByteText.hex(ballot.salt))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func export(_ setup: Setup) throws -> String {
        let run = try TallyCommandTests.run(["log", "export", "--database", setup.database])
        #expect(run.status == 0, "\(run.standardError)")
        return String(decoding: run.standardOutput, as: UTF8.self)
    }

    @Test func anExportedLogVerifiesWithItsBallots() async throws {
        try await withSetup { setup in
            // setup
            try export(setup).write(toFile: setup.file("log.jsonl"), atomically: true, encoding: .utf8)
            try Self.ballotsCSV().write(toFile: setup.file("ballots.csv"), atomically: true, encoding: .utf8)
            let key = try TallyCommandTests.run(["log", "public-key", "--database", setup.database])
            try key.standardOutput.write(to: URL(fileURLWithPath: setup.file("key.pem")))
            // act
            let run = try TallyCommandTests.run([
                "verify", setup.file("log.jsonl"), "--ballots", setup.file("ballots.csv"), "--public-key", setup.file("key.pem"),
            ])
            // check
            #expect(run.status == 0, "\(run.standardError)")
            let output = String(decoding: run.standardOutput, as: UTF8.self)
            #expect(output.contains("日志完好：8 条条目，8 个签名树头"))
            #expect(output.contains("the 8 counted ballots and the log's ballot entries are the same set"))
            // and straight from the database
            #expect(try TallyCommandTests.run(["verify", "--database", setup.database]).status == 0)
        }
    }

    @Test func aDeletedEntryIsNamedAndTheExitCodeIs65() async throws {
        try await withSetup { setup in
            let lines = try export(setup).split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.filter { !$0.contains(#""index":3,"#) }
            try kept.joined(separator: "\n").write(toFile: setup.file("log.jsonl"), atomically: true, encoding: .utf8)
            let run = try TallyCommandTests.run(["verify", setup.file("log.jsonl")])
            #expect(run.status == 65)
            #expect(run.standardOutput.isEmpty)
            // Where and why, in Chinese on one line and in English on the next (`Words`).
            let log = setup.file("log.jsonl")
            #expect(
                run.standardError
                    == "\(log): 第 4 个签名树头（4 条）：签名覆盖的条目多于它之前的 3 条：条目 3 缺失\n"
                    + "\(log): signed head 4 (size 4): it signs more entries than the 3 before it: entry 3 is missing\n")
        }
    }

    @Test func aBallotMissingFromTheCountIsNamed() async throws {
        try await withSetup { setup in
            try export(setup).write(toFile: setup.file("log.jsonl"), atomically: true, encoding: .utf8)
            try Self.ballotsCSV(skipping: 5).write(toFile: setup.file("ballots.csv"), atomically: true, encoding: .utf8)
            let run = try TallyCommandTests.run(["verify", setup.file("log.jsonl"), "--ballots", setup.file("ballots.csv")])
            #expect(run.status == 65)
            #expect(run.standardError.contains("entry 5: this ballot of the log is not among the counted ballots"))
        }
    }

    @Test func anotherPublishedKeyIsRefused() async throws {
        try await withSetup { setup in
            try export(setup).write(toFile: setup.file("log.jsonl"), atomically: true, encoding: .utf8)
            let other = LogSigningKey.generate().publicKey
            let run = try TallyCommandTests.run(["verify", setup.file("log.jsonl"), "--public-key", ByteText.base64(other.raw)])
            #expect(run.status == 65)
            #expect(run.standardError.contains("signed with another key"))
        }
    }
}

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
        // The keys where the command line finds them: the key file beside the database.
        let keys = StoreKeys.generate()
        try KeyFile.create(keys, at: "\(directory.path)/q.sqlite.keys")
        let store = try await Store.open(try DatabaseURL(setup.database), secret: keys.secret, logKey: keys.logKey)
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

    /// Entries after the last signed head prove nothing: anyone could have appended them.
    @Test func anExportWithAnUnsignedTailFailsUnlessAllowed() async throws {
        try await withSetup { setup in
            // setup: the export without its last head (entries 7's head), as a forger would cut it
            let lines = try export(setup).split(separator: "\n").map(String.init)
            let lastHead = try #require(lines.lastIndex { $0.contains(#""size":8"#) })
            try (lines.enumerated().filter { $0.offset != lastHead }.map(\.element).joined(separator: "\n") + "\n").write(
                toFile: setup.file("log.jsonl"), atomically: true, encoding: .utf8)
            // act, check: refused, and why
            let refused = try TallyCommandTests.run(["verify", setup.file("log.jsonl")])
            #expect(refused.status == 65)
            #expect(refused.standardError.contains("最后 1 条未被任何签名树头覆盖"))
            #expect(refused.standardError.contains("the last 1 entries are under no signed head"))
            // accepted when the auditor says so, with the note
            let allowed = try TallyCommandTests.run(["verify", setup.file("log.jsonl"), "--allow-unsigned-tail"])
            #expect(allowed.status == 0, "\(allowed.standardError)")
            #expect(String(decoding: allowed.standardOutput, as: UTF8.self).contains("note: the last 1 entries are not yet under a signed head"))
        }
    }

    /// `quorum log export` signs a head over the newest entries first, so its export verifies.
    @Test func theExportSignsItsTail() async throws {
        try await withSetup { setup in
            // setup: an entry appended without a head, as the organisers' steps append them
            let keys = try KeyFile.read(setup.file("q.sqlite.keys"))
            let store = try await Store.open(try DatabaseURL(setup.database), secret: keys.secret, logKey: keys.logKey)
            let closed = LogEntry(vote: Self.vote, time: Timestamp(millisecondsSinceEpoch: 1_705_800_000_000), event: .voteClosed(actor: "c1"))
            try await store.withConnection { db in
                try await db.raw("BEGIN IMMEDIATE").run()
                try await store.log.append([closed], on: db)
                try await db.raw("COMMIT").run()
            }
            #expect(try await store.log.latestHead()?.size == 8)
            try await store.close()
            // act, check
            try export(setup).write(toFile: setup.file("log.jsonl"), atomically: true, encoding: .utf8)
            let run = try TallyCommandTests.run(["verify", setup.file("log.jsonl")])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(String(decoding: run.standardOutput, as: UTF8.self).contains("9 条条目，9 个签名树头"))
        }
    }

    /// `--head SIZE:ROOT`, as a person copies it from a notice (issue 13, item 5): the log must
    /// begin with exactly the entries under it; a wrong root or a size beyond the log fails, and says why.
    @Test func aHeadCopiedFromANoticeHoldsOnlyIfTheLogIsConsistentWithIt() async throws {
        try await withSetup { setup in
            // setup: the root of the first 5 entries, in the groups the notice prints
            let log = setup.file("log.jsonl")
            try export(setup).write(toFile: log, atomically: true, encoding: .utf8)
            var frontier = MerkleFrontier()
            for (index, ballot) in Self.ballots().prefix(5).enumerated() { frontier.append(ballot.entry.leafHash(index: index)) }
            let grouped = CopiedHead.grouped(frontier.root)
            // act, check: consistent, from the export and from the database
            let good = try TallyCommandTests.run(["verify", log, "--head", "5:\(grouped)"])
            #expect(good.status == 0, "\(good.standardError)")
            let output = String(decoding: good.standardOutput, as: UTF8.self)
            #expect(output.contains("公告上的树头（5 条，根哈希 \(grouped)）与日志一致"))
            #expect(output.contains("the head from the notice (size 5, root \(grouped)) is consistent with the log"))
            #expect(try TallyCommandTests.run(["verify", "--database", setup.database, "--head", "5:\(grouped)"]).status == 0)
            // a root one bit off: not consistent
            var wrong = frontier.root
            wrong[31] ^= 1
            let bad = try TallyCommandTests.run(["verify", log, "--head", "5:\(ByteText.hex(wrong))"])
            #expect(bad.status == 65)
            #expect(
                bad.standardError
                    == "\(log): 公告上的树头（5 条）：与日志（5 条的树头）不一致：日志的前面部分在公告之后被改写过，或抄写的根哈希有误\n"
                    + "\(log): the head from the notice (size 5): the log (its head of size 5) is not consistent with it: "
                    + "the log's earlier entries were rewritten after the notice, or the root was copied wrong\n")
            #expect(try TallyCommandTests.run(["verify", "--database", setup.database, "--head", "5:\(ByteText.hex(wrong))"]).status == 65)
            // a size beyond the log
            let beyond = try TallyCommandTests.run(["verify", log, "--head", "9:\(grouped)"])
            #expect(beyond.status == 65)
            #expect(beyond.standardError.contains("日志只有 8 条，比树头的条目少"))
            #expect(beyond.standardError.contains("the log has only 8 entries, fewer than the head"))
            // not a head at all
            let malformed = try TallyCommandTests.run(["verify", log, "--head", "5"])
            #expect(malformed.status == 64)
            #expect(malformed.standardError.contains("expected SIZE:ROOT"))
        }
    }
}

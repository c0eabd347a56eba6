import Foundation
import Testing

@testable import QuorumCore

@Suite struct ReceiptTests {
    /// A log of 10 ballots with a head after each, and the receipt of ballot `index`.
    static func receipt(of log: TestLog, index: Int, headSize: Int) throws -> (LogReceipt, [MerkleHash]) {
        var frontier = MerkleFrontier()
        let leaves = log.entries.enumerated().map { $0.element.leafHash(index: $0.offset) }
        for leaf in leaves.prefix(headSize) { frontier.append(leaf) }
        let head = try log.key.sign(size: headSize, root: frontier.root, time: log.entries[headSize - 1].time)
        guard case .ballot(let ballot) = log.entries[index].event else { throw CancellationError() }
        let receipt = LogReceipt(
            index: index, vote: TestLog.vote, voter: ballot.voter, channel: ballot.channel, time: log.entries[index].time,
            choices: log.choices[index], salt: log.salts[index], head: head)
        return (receipt, leaves)
    }

    @Test func aReceiptCodeRoundTripsAndFitsALink() throws {
        let log = try TestLog(ballots: 10)
        let (receipt, _) = try Self.receipt(of: log, index: 3, headSize: 4)
        #expect(LogReceipt(code: receipt.code) == receipt)
        #expect(LogReceipt(code: "https://example.org/verify?lang=en&r=\(receipt.code)#top") == receipt)
        #expect(receipt.code.count < 900)
        #expect(receipt.entry == log.entries[3], "the receipt rebuilds the very entry of the log")
        #expect(LogReceipt(code: "abc") == nil)
    }

    @Test func theCheckPassesForTheTrueReceiptOnly() throws {
        let log = try TestLog(ballots: 10)
        let (receipt, leaves) = try Self.receipt(of: log, index: 3, headSize: 4)
        var frontier = MerkleFrontier()
        for leaf in leaves { frontier.append(leaf) }
        let latest = try log.key.sign(size: 10, root: frontier.root, time: log.entries[9].time)
        let inclusion = Merkle.inclusionProof(index: 3, leaves: leaves[..<4])
        let consistency = Merkle.consistencyProof(oldSize: 4, leaves: leaves[...])
        let key = log.key.publicKey

        let check = ReceiptCheck.run(receipt, key: key, inclusion: inclusion, latest: latest, consistency: consistency)
        #expect(check.passed)
        #expect(check.steps.map(\.step) == ReceiptCheck.Step.allCases)

        var otherChoice = receipt
        otherChoice.choices = BallotChoices(["m1": .option(.abstain), "e": .candidates(["c3"])])
        #expect(
            ReceiptCheck.run(otherChoice, key: key, inclusion: inclusion, latest: latest, consistency: consistency).steps.map(\.passed)
                == [true, false])

        var otherHead = receipt
        otherHead.head.size = 5
        #expect(
            ReceiptCheck.run(otherHead, key: key, inclusion: inclusion, latest: latest, consistency: consistency).steps.map(\.passed)
                == [false])

        let rewritten = try log.key.sign(size: 10, root: Merkle.leafHash([9]), time: latest.time)
        #expect(
            ReceiptCheck.run(receipt, key: key, inclusion: inclusion, latest: rewritten, consistency: consistency).steps.map(\.passed)
                == [true, true, false], "a log rewritten since the receipt")
    }
}

@Suite struct LogBallotsTests {
    /// ballots.csv of the test log's ballots, with their log index and salt.
    static func csv(_ log: TestLog, skipping: Set<Int> = [], change: (Int, inout [String]) -> Void = { _, _ in }) -> [UInt8] {
        var lines = ["unit_id,matter,choice,channel,received_at,log_index,salt"]
        for (index, entry) in log.entries.enumerated() where !skipping.contains(index) {
            guard case .ballot(let ballot) = entry.event else { continue }
            for (matter, choice) in [("m1", log.choices[index].exportText(for: "m1")!), ("e", log.choices[index].exportText(for: "e")!)] {
                var fields = [
                    "U\(index)", matter, choice, ballot.channel.rawValue, entry.time.description, "\(index)", ByteText.hex(log.salts[index]),
                ]
                change(index, &fields)
                lines.append(fields.joined(separator: ","))
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func check(_ log: TestLog, _ csv: [UInt8]) async -> Result<Int, LogProblem> {
        let (_, verifier) = await LogExport.verify(log.bytes, collectingBallots: true)
        return LogBallots.check(csv: csv, log: verifier!)
    }

    @Test func theCountedBallotsAreTheLogsBallots() async throws {
        let log = try TestLog(ballots: 12, batch: 4)
        #expect(try (await Self.check(log, Self.csv(log))).get() == 12)
    }

    @Test func aChangedChoiceIsNamed() async throws {
        let log = try TestLog(ballots: 12, batch: 4)
        let csv = Self.csv(log) { index, fields in
            if index == 7 && fields[1] == "m1" { fields[2] = fields[2] == "agree" ? "oppose" : "agree" }
        }
        #expect(await Self.check(log, csv).failure == LogProblem(.ballotRow(line: 16), .ballotDiffers(index: 7, field: "choices")))
    }

    @Test func aBallotMissingFromTheCountIsNamed() async throws {
        let log = try TestLog(ballots: 12, batch: 4)
        #expect(await Self.check(log, Self.csv(log, skipping: [5])).failure == LogProblem(.entry(5), .uncounted))
    }

    @Test func aCountedBallotNotInTheLogIsNamed() async throws {
        let log = try TestLog(ballots: 12, batch: 4)
        let csv = Self.csv(log) { index, fields in if index == 2 { fields[5] = "40" } }
        #expect(await Self.check(log, csv).failure == LogProblem(.ballotRow(line: 6), .noSuchBallot(index: 40)))
    }
}

import Foundation
import Testing

@testable import QuorumCore

/// An exported log built in memory: a ballot and a head after each, or heads every `batch`.
struct TestLog {
    let key = LogSigningKey.generate()
    var entries: [LogEntry] = []
    var lines: [String] = []
    var salts: [[UInt8]] = []
    var choices: [BallotChoices] = []

    static let vote = "v1"

    init(ballots: Int, batch: Int = 1) throws {
        lines.append(LogExport.headerLine(key: key.publicKey).dropLast().description)
        var frontier = MerkleFrontier()
        for index in 0..<ballots {
            let salt = (0..<32).map { UInt8(($0 + index) % 256) }
            let choice = BallotChoices(["m1": .option(index % 3 == 0 ? .oppose : .agree), "e": .candidates(["c\(index % 4)"])])
            let voter = ByteText.hex((0..<16).map { UInt8(($0 * 3 + index) % 256) })
            let entry = LogEntry(
                vote: Self.vote, time: Timestamp(millisecondsSinceEpoch: 1_705_716_000_000 + Int64(index) * 1000),
                event: .ballot(
                    LoggedBallot(voter: voter, channel: index % 5 == 0 ? .paper : .online, commitment: BallotCommitment.make(choice, salt: salt))))
            entries.append(entry)
            salts.append(salt)
            choices.append(choice)
            lines.append(entry.json(index: index).canonical)
            frontier.append(entry.leafHash(index: index))
            if (index + 1) % batch == 0 || index == ballots - 1 {
                let head = try key.sign(size: index + 1, root: frontier.root, time: entries[index].time)
                lines.append(LogExport.headLine(head).dropLast().description)
            }
        }
    }

    var bytes: [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    /// The line number (from 0) of entry `index`.
    func line(ofEntry index: Int) -> Int {
        lines.firstIndex { $0.hasPrefix("{") && $0.contains("\"index\":\(index),") }!
    }

    func verify(expectedKey: LogPublicKey? = nil) async -> Result<LogSummary, LogProblem> {
        await LogExport.verify(bytes, expectedKey: expectedKey).result
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

@Suite struct LogVerifierTests {
    @Test func anIntactLogVerifies() async throws {
        for batch in [1, 3, 100] {
            let log = try TestLog(ballots: 20, batch: batch)
            let summary = try (await log.verify(expectedKey: log.key.publicKey)).get()
            #expect(summary.entries == 20 && summary.heads == (20 + batch - 1) / batch && summary.unsignedEntries == 0)
        }
    }

    @Test func aWithheldEntryVerifiesByItsLeafHashAlone() async throws {
        // setup: entries 2 and 7 withheld, as a staff member's export carries another estate's
        var log = try TestLog(ballots: 10, batch: 3)
        let entries = log.entries
        func withheld(_ index: Int, leafOf entry: Int) -> String {
            LogExport.withheldLine(index: index, leaf: entries[entry].leafHash(index: entry)).dropLast().description
        }
        for index in [2, 7] { log.lines[log.line(ofEntry: index)] = withheld(index, leafOf: index) }
        // act and check: every head verifies, and the summary says how many were withheld
        let summary = try (await log.verify()).get()
        #expect(summary.entries == 10 && summary.withheld == 2 && summary.heads == 4)
        #expect(log.lines[log.line(ofEntry: 7)] == #"{"index":7,"leaf_hash":""# + ByteText.hex(log.entries[7].leafHash(index: 7)) + #""}"#)
        // A wrong hash, or a withheld line out of its place, is still named.
        var wrong = log
        wrong.lines[wrong.line(ofEntry: 7)] = withheld(7, leafOf: 6)
        #expect(await wrong.verify().failure == LogProblem(.head(number: 3, size: 9), .rootMismatch(entries: 6..<9)))
        var moved = log
        moved.lines[moved.line(ofEntry: 7)] = withheld(8, leafOf: 7)
        #expect(await moved.verify().failure == LogProblem(.entry(7), .outOfPlace(found: 8)))
        // The database holds every entry: a withheld line from it is refused.
        var stored = LogVerifier(key: log.key.publicKey)
        stored.entry(Array(withheld(0, leafOf: 0).utf8), storedLeaf: log.entries[0].leafHash(index: 0))
        #expect(stored.hasFailed)
    }

    @Test func anEditedEntryIsNamed() async throws {
        var log = try TestLog(ballots: 10)
        let line = log.line(ofEntry: 4)
        log.lines[line] = log.entries[4].json(index: 4).canonical.replacingFirst("\"time\":", with: "\"time\":1")
        #expect(await log.verify().failure == LogProblem(.entry(4), .rootMismatch(entries: 4..<5)))
    }

    @Test func anEditInABatchNamesTheEntriesOfItsHead() async throws {
        var log = try TestLog(ballots: 10, batch: 5)
        let line = log.line(ofEntry: 7)
        log.lines[line] = log.entries[7].json(index: 7).canonical.replacingFirst("\"time\":", with: "\"time\":1")
        #expect(await log.verify().failure == LogProblem(.head(number: 2, size: 10), .rootMismatch(entries: 5..<10)))
    }

    @Test func aDeletedEntryIsNamed() async throws {
        var log = try TestLog(ballots: 10, batch: 5)
        log.lines.remove(at: log.line(ofEntry: 3))
        #expect(await log.verify().failure == LogProblem(.entry(3), .outOfPlace(found: 4)))
    }

    @Test func theDeletedLastEntriesAreNamedByTheHeadThatSignedThem() async throws {
        var log = try TestLog(ballots: 10, batch: 5)
        log.lines.remove(at: log.line(ofEntry: 9))
        #expect(await log.verify().failure == LogProblem(.head(number: 2, size: 10), .beyondEntries(present: 9)))
    }

    @Test func swappedEntriesAreNamed() async throws {
        var log = try TestLog(ballots: 10, batch: 5)
        log.lines.swapAt(log.line(ofEntry: 2), log.line(ofEntry: 6))
        #expect(await log.verify().failure == LogProblem(.entry(2), .outOfPlace(found: 6)))
    }

    @Test func aChangedHeadIsNamed() async throws {
        var log = try TestLog(ballots: 10, batch: 2)
        let headLine = log.line(ofEntry: 5) + 1
        #expect(log.lines[headLine].hasPrefix(#"{"tree_head":"#))
        log.lines[headLine] = log.lines[headLine].replacingFirst("\"time\":", with: "\"time\":2")
        #expect(await log.verify().failure == LogProblem(.head(number: 3, size: 6), .badSignature))
    }

    @Test func aHeadSignedByAnotherKeyIsNamed() async throws {
        var log = try TestLog(ballots: 4, batch: 2)
        let other = LogSigningKey.generate()
        var frontier = MerkleFrontier()
        for (index, entry) in log.entries.prefix(4).enumerated() { frontier.append(entry.leafHash(index: index)) }
        var forged = try other.sign(size: 4, root: frontier.root, time: log.entries[3].time)
        forged.log = log.key.publicKey.logName
        log.lines[log.lines.count - 1] = LogExport.headLine(forged).dropLast().description
        #expect(await log.verify().failure == LogProblem(.head(number: 2, size: 4), .badSignature))
    }

    @Test func aReplacedKeyIsRefused() async throws {
        let log = try TestLog(ballots: 3)
        let published = LogSigningKey.generate().publicKey
        #expect(
            await log.verify(expectedKey: published).failure
                == LogProblem(.header, .otherKey(expected: published.keyID, found: log.key.publicKey.keyID)))
    }

    @Test func aLineThatIsNotCanonicalIsNamed() async throws {
        var log = try TestLog(ballots: 3)
        let line = log.line(ofEntry: 1)
        log.lines[line] = log.lines[line].replacingFirst(",", with: ", ")
        #expect(await log.verify().failure == LogProblem(.entry(1), .unreadable(line: line + 1)))
        #expect(await LogExport.verify(Array("hello\n".utf8)).result.failure == LogProblem(.header, .notALog))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

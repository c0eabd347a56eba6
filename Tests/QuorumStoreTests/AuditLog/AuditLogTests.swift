import Foundation
import QuorumCore
import QuorumTestSupport
import SQLKit
import Testing

@testable import QuorumStore

/// Synthetic ballot entries: what the ballot cast path will append.
func ballotEntry(_ number: Int, vote: String = "v1", voter: String? = nil) -> LogEntry {
    let salt = (0..<32).map { UInt8(($0 + number) % 256) }
    let choices = BallotChoices(["m1": .option(number % 2 == 0 ? .agree : .oppose)])
    return LogEntry(
        vote: vote, time: Timestamp(millisecondsSinceEpoch: 1_705_716_000_000 + Int64(number) * 1000),
        event: .ballot(
            LoggedBallot(
                voter: voter ?? ByteText.hex((0..<16).map { UInt8(($0 + number * 5) % 256) }), channel: .online,
                commitment: BallotCommitment.make(choices, salt: salt))))
}

extension Store {
    /// The whole log exported, as bytes.
    func exportedLog() async throws -> [UInt8] {
        var text = ""
        try await log.export { text += $0 }
        return Array(text.utf8)
    }

    func leafHashes() async throws -> [MerkleHash] {
        try await withConnection { db in
            try await db.raw("SELECT leaf_hash FROM audit_entries ORDER BY entry_index").all(decodingColumn: "leaf_hash", as: String.self)
                .map { ByteText.bytes(hex: $0)! }
        }
    }
}

@Suite(.serialized) struct AuditLogTests {
    @Test(arguments: TestDatabase.available)
    func anEntryKeepsItsSubjectBesideItAndItsHashUnchanged(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            // setup: one entry about its vote (the default), one about another record
            let plain = try await store.log.append([ballotEntry(0)])
            let other = try await store.log.append(
                [ballotEntry(1, vote: "")], subject: Subject(estate: 7, kind: "document", id: "abc"))
            // act
            let rows = try await store.withConnection { db in
                try await db.raw("SELECT estate_id, subject_kind, subject_id FROM audit_entries ORDER BY entry_index").all()
            }
            // check: the subject is stored beside the entry; the leaf is the entry's JSON alone
            #expect(rows.map { try! $0.decode(column: "subject_kind", as: String.self) } == ["vote", "document"])
            #expect(rows.map { try! $0.decode(column: "subject_id", as: String.self) } == ["v1", "abc"])
            #expect(rows.map { try! $0.decode(column: "estate_id", as: Int64.self) } == [0, 7])
            #expect(plain.indexes == 0..<1 && other.indexes == 1..<2)
            #expect(try await store.leafHashes()[1] == Merkle.leafHash(ballotEntry(1, vote: "").json(index: 1).canonical.utf8))
        }
    }

    @Test(arguments: TestDatabase.available)
    func appendsGiveProofsEqualToTheRFCsAndTheLogVerifies(database: TestDatabase) async throws {
        try await database.withStore { store in
            // act: batches of 1 to 7 entries, a head after each
            var number = 0
            for batch in [1, 2, 7, 1, 1, 5, 3, 4] {
                let entries = (0..<batch).map { ballotEntry(number + $0) }
                let (indexes, head) = try await store.log.append(entries)
                #expect(indexes == number..<(number + batch))
                #expect(head?.size == number + batch)
                number += batch
            }
            // check
            let leaves = try await store.leafHashes()
            #expect(leaves.count == 24)
            for size in [1, 2, 3, 10, 17, 24] {
                for index in 0..<size {
                    #expect(
                        try await store.log.inclusionProof(index: index, treeSize: size)
                            == Merkle.inclusionProof(index: index, leaves: leaves[..<size]))
                }
                for oldSize in 1...size {
                    #expect(
                        try await store.log.consistencyProof(from: oldSize, to: size)
                            == Merkle.consistencyProof(oldSize: oldSize, leaves: leaves[..<size]))
                }
            }
            let latest = try #require(try await store.log.latestHead())
            #expect(latest.size == 24 && latest.root == Merkle.root(leaves[...]))
            #expect(latest.isSigned(by: try await store.log.publicKey()))
            let summary = try (try await store.log.verify().result).get()
            #expect(summary.entries == 24 && summary.heads == 8)
            let exported = try (await LogExport.verify(try await store.exportedLog(), expectedKey: try await store.log.publicKey()).result).get()
            #expect(exported == summary)
            await #expect(throws: AuditLogError.outOfRange) { try await store.log.inclusionProof(index: 24, treeSize: 25) }
            await #expect(throws: AuditLogError.outOfRange) { try await store.log.consistencyProof(from: 0, to: 3) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aHeadIsSignedOnlyWhenTheLogGrew(database: TestDatabase) async throws {
        try await database.withStore { store in
            #expect(try await store.log.signTreeHead() == nil, "nothing to sign in an empty log")
            try await store.log.append([ballotEntry(0)])
            let first = try #require(try await store.log.signTreeHead())
            #expect(try await store.log.signTreeHead() == first)
            #expect(try await store.log.treeHead(covering: 0) == first)
            try await store.withConnection { db in
                try await store.transaction(on: db) {
                    try await store.log.append([ballotEntry(1)], on: db)
                    return .commit(())
                }
            }
            #expect(try await store.log.treeHead(covering: 1).size == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRolledBackAppendLeavesNoTrace(database: TestDatabase) async throws {
        try await database.withStore { store in
            try await store.log.append([ballotEntry(0)])
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.withConnection { db in
                    try await store.transaction(on: db) { () -> StoreDatabase.Ending<Void> in
                        try await store.log.append([ballotEntry(1), ballotEntry(2)], on: db)
                        _ = try await store.log.signTreeHead(on: db)
                        throw Refused()
                    }
                }
            }
            let (indexes, _) = try await store.log.append([ballotEntry(3)])
            #expect(indexes == 1..<2)
            #expect(try (try await store.log.verify().result).get().entries == 2)
        }
    }

    /// Many requests, and a second app instance on the same database, appending at once.
    @Test(arguments: TestDatabase.available)
    func concurrentAppendsMakeOneSequenceWithoutGaps(database: TestDatabase) async throws {
        let key = LogSigningKey.generate().base64
        try await database.withStore(logKey: key) { store in
            let other = try await Store.open(store.url, secret: "test secret", logKey: key, clock: TestClock.fixed)
            defer { Task { try? await other.close() } }
            let indexes = try await withThrowingTaskGroup(of: [Int].self) { group in
                for task in 0..<8 {
                    let instance = task % 2 == 0 ? store : other
                    group.addTask {
                        var mine: [Int] = []
                        for round in 0..<6 {
                            let (range, head) = try await instance.log.append([
                                ballotEntry(task * 100 + round), ballotEntry(task * 100 + round + 50),
                            ])
                            #expect(range.count == 2 && (head?.size ?? 0) >= range.upperBound)
                            mine += Array(range)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(indexes.sorted() == Array(0..<96))
            let summary = try (try await store.log.verify().result).get()
            #expect(summary.entries == 96 && summary.unsignedEntries == 0)
            try await other.close()
        }
    }

    @Test(arguments: TestDatabase.available)
    func thePublicHalfIsKeptAndAnotherKeyCannotSign(database: TestDatabase) async throws {
        let key = LogSigningKey.generate().base64
        try await database.withEmptyDatabase { url in
            let first = try await Store.open(url, secret: "s", logKey: key)
            try await first.migrate()
            let kept = try await first.log.publicKey()
            try await first.close()

            let again = try await Store.open(url, secret: "s", logKey: key)
            try await again.migrate()
            #expect(try await again.log.publicKey() == kept)
            try await again.close()

            // Another key reads the kept public half but cannot sign a head of this log.
            let other = try await Store.open(url, secret: "s", logKey: LogSigningKey.generate().base64)
            #expect(try await other.log.publicKey() == kept)
            await #expect(throws: AuditLogError.logKeyMismatch) { try await other.log.append([ballotEntry(0)]) }
            try await other.close()
            // Without a key nothing is signed, and nothing is generated into the database.
            let none = try await Store.open(url, secret: "s")
            await #expect(throws: StoreError.noKeys) { try await none.log.append([ballotEntry(0)]) }
            try await none.close()
        }
    }

    @Test(arguments: TestDatabase.available)
    func aConfiguredKeySignsAndIsNotStored(database: TestDatabase) async throws {
        let key = LogSigningKey.generate()
        try await database.withEmptyDatabase { url in
            let store = try await Store.open(url, secret: "s", logKey: key.base64)
            try await store.migrate()
            let head = try #require(try await store.log.append([ballotEntry(0)]).head)
            #expect(head.isSigned(by: key.publicKey))
            let stored = try await store.withConnection { db in try await store.setting("audit_log_signing_key", on: db) }
            #expect(stored == nil)
            try await store.close()
        }
    }

    @Test(arguments: TestDatabase.available)
    func pseudonymsAreStablePerVoteAndUnlinkableAcrossVotes(database: TestDatabase) async throws {
        try await database.withStore { store in
            let a = try await store.log.voterPseudonym(vote: "v1", person: "p1")
            #expect(a.count == 32)
            #expect(try await store.log.voterPseudonym(vote: "v1", person: "p1") == a)
            #expect(try await store.log.voterPseudonym(vote: "v2", person: "p1") != a)
            #expect(try await store.log.voterPseudonym(vote: "v1", person: "p2") != a)
        }
    }
}

import Foundation
import QuorumCore
import QuorumTestSupport
import SQLKit
import Testing

@testable import QuorumStore

/// What an administrator with the database in hand might do to the log, and what the
/// verifier then says, reading the database and reading an export of it.
@Suite(.serialized) struct TamperTests {
    enum Tampering: String, CaseIterable, CustomTestStringConvertible {
        case editEntry, editEntryAndLeaf, deleteEntry, swapEntries, changeHead, deleteLastEntry
        var testDescription: String { rawValue }
    }

    struct Case: CustomTestStringConvertible {
        var database: TestDatabase
        var tampering: Tampering
        var testDescription: String { "\(tampering.rawValue) on \(database.rawValue)" }
    }

    static var cases: [Case] {
        TestDatabase.available.flatMap { database in Tampering.allCases.map { Case(database: database, tampering: $0) } }
    }

    /// 12 ballots, each cast in its own transaction with its head, as the cast path does.
    static func castBallots(_ store: Store) async throws {
        for number in 0..<12 { try await store.log.append([ballotEntry(number)]) }
    }

    @Test(arguments: cases)
    func tamperingIsDetectedAndNamed(_ test: Case) async throws {
        try await test.database.withStore { store in
            // setup
            try await Self.castBallots(store)
            let key = try await store.log.publicKey()
            #expect((try await store.log.verify(expectedKey: key).result).failure == nil)

            // act
            let expected = try await store.withConnection { db -> (database: LogProblem, export: LogProblem) in
                switch test.tampering {
                case .editEntry:
                    // The ballot's channel changed in place; the stored leaf hash left alone.
                    try await db.raw("UPDATE audit_entries SET entry = REPLACE(entry, 'online', 'paper') WHERE entry_index = 5").run()
                    return (LogProblem(.entry(5), .leafMismatch), LogProblem(.entry(5), .rootMismatch(entries: 5..<6)))
                case .editEntryAndLeaf:
                    // A careful forger recomputes the leaf hash too: the signed head still tells.
                    let text = try await db.raw("SELECT entry FROM audit_entries WHERE entry_index = 5").first(
                        decodingColumn: "entry", as: String.self)!
                    let forged = text.replacingOccurrences(of: "online", with: "paper")
                    try await db.raw(
                        "UPDATE audit_entries SET entry = \(bind: forged), leaf_hash = \(bind: ByteText.hex(Merkle.leafHash(forged.utf8))) WHERE entry_index = 5"
                    ).run()
                    return (LogProblem(.entry(5), .rootMismatch(entries: 5..<6)), LogProblem(.entry(5), .rootMismatch(entries: 5..<6)))
                case .deleteEntry:
                    try await db.raw("DELETE FROM audit_entries WHERE entry_index = 4").run()
                    return (LogProblem(.entry(4), .outOfPlace(found: 5)), LogProblem(.entry(4), .outOfPlace(found: 5)))
                case .deleteLastEntry:
                    try await db.raw("DELETE FROM audit_entries WHERE entry_index = 11").run()
                    let problem = LogProblem(.head(number: 12, size: 12), .beyondEntries(present: 11))
                    return (problem, problem)
                case .swapEntries:
                    // Two rows exchange their contents (and leaf hashes), as a reordering would.
                    let rows = try await db.raw("SELECT entry_index, entry, leaf_hash FROM audit_entries WHERE entry_index IN (2, 7)").all()
                    for row in rows {
                        let index = try row.decode(column: "entry_index", as: Int64.self)
                        try await db.raw(
                            """
                            UPDATE audit_entries SET entry = \(bind: try row.decode(column: "entry", as: String.self)),
                            leaf_hash = \(bind: try row.decode(column: "leaf_hash", as: String.self)) WHERE entry_index = \(bind: 9 - index)
                            """
                        ).run()
                    }
                    return (LogProblem(.entry(2), .outOfPlace(found: 7)), LogProblem(.entry(2), .outOfPlace(found: 7)))
                case .changeHead:
                    // The head of size 8 now signs another root.
                    let forged = ByteText.hex(Merkle.leafHash([1]))
                    try await db.raw("UPDATE audit_heads SET root = \(bind: forged) WHERE size = 8").run()
                    let problem = LogProblem(.head(number: 8, size: 8), .badSignature)
                    return (problem, problem)
                }
            }

            // check: from the database, and from an export of it
            #expect((try await store.log.verify(expectedKey: key).result).failure == expected.database)
            let exported = await LogExport.verify(try await store.exportedLog(), expectedKey: key).result
            #expect(exported.failure == expected.export)
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

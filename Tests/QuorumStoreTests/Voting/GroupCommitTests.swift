import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

/// The cast path's group commit: concurrent ballots share transactions, each is decided as
/// if alone, and the log comes out as one sequence.
@Suite struct GroupCommitTests {
    static let owners = 40

    /// An estate of one owner a flat, and a vote open for a day.
    static var registry: String {
        var text = "unit_id,building,entrance,room,area,owner_name,owner_id,owner_kind,phone\n"
        for n in 0..<owners {
            text += "U\(n),1,1,\(101 + n),\(60 + n).00,业主\(n),1101011990\(String(10_000_000 + n).suffix(8)),person,\n"
        }
        return text
    }

    static let definition = VoteDefinition(name: "维修", matters: [Matter(id: "m1", title: "维修电梯", item: 5)])
    static let choices = BallotChoices(["m1": .option(.agree)])

    /// The store, the vote, and each person's owner (its ID hash), by person.
    func withVote(_ database: TestDatabase, _ body: (Store, StoredVote, [Int: String]) async throws -> Void) async throws {
        try await database.withEmptyDatabase { url in
            let store = try await Store.open(url, secret: "test secret", logKey: LogSigningKey.generate().base64, clock: Store.systemClock)
            defer { Task { try? await store.close() } }
            try await store.migrate()
            let files = try TestFiles()
            defer { files.remove() }
            let estate = try await store.register.importRegister(
                file: try files.write("registry.csv", Self.registry), estate: EstatePath(estate: "天汇广场")
            )
            .estate.id
            let now = store.now().millisecondsSinceEpoch
            let vote = try await store.voting.createVote(
                estate: estate, definition: Self.definition, opensAt: Timestamp(millisecondsSinceEpoch: now - 60_000),
                closesAt: Timestamp(millisecondsSinceEpoch: now + 86_400_000))
            let members = try await store.withConnection { db in
                try await db.raw("SELECT person, id_hash FROM vote_members WHERE vote_id = \(bind: vote.id)").all().map {
                    (try $0.decode(column: "person", as: Int.self), try $0.decode(column: "id_hash", as: String.self))
                }
            }
            try await body(store, vote, Dictionary(members, uniquingKeysWith: { first, _ in first }))
        }
    }

    @Test(arguments: TestDatabase.available)
    func concurrentBallotsOfManyPersonsAreAllAcceptedInOneLogSequence(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, owners in
            // setup: what the log holds before (the vote's own entries)
            let before = try await store.log.size()
            // act: every person at once
            let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
                for (person, owner) in owners {
                    group.addTask {
                        try await store.voting.castOnline(vote: vote.id, person: person, owner: owner, choices: Self.choices, signature: .typed("业主"))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // check: one entry each after the vote's own, each under its receipt's head
            #expect(Set(receipts.compactMap(\.log?.index)) == Set(before..<(before + Self.owners)))
            for receipt in receipts {
                let log = try #require(receipt.log)
                #expect(log.head.size > log.index)
                #expect(LogReceipt(code: log.code) == log)
                #expect(try await store.voting.receipt(code: receipt.code)?.log?.index == log.index)
            }
            guard case .success(let summary) = try await store.log.verify().result else {
                Issue.record("the log does not verify")
                return
            }
            #expect(summary.entries == before + Self.owners)
            #expect(store.voting.castCounts.ballots == Self.owners)
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusalsInABatchDoNotFailTheOtherBallots(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, owners in
            // setup: half the persons have voted already
            let before = try await store.log.size()
            let persons = owners.keys.sorted()
            let early = persons.prefix(persons.count / 2)
            for person in early {
                _ = try await store.voting.castOnline(
                    vote: vote.id, person: person, owner: owners[person]!, choices: Self.choices, signature: .typed("业主"))
            }
            // act: all at once — repeats, new ballots, incomplete ones and another's person
            enum Outcome: Hashable { case accepted, alreadyVoted, invalid, notYours, other }
            let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
                for (number, person) in persons.enumerated() {
                    group.addTask {
                        let incomplete = number % 7 == 3
                        let foreign = number % 11 == 5
                        let owner = foreign ? owners[persons[(number + 1) % persons.count]]! : owners[person]!
                        do {
                            _ = try await store.voting.castOnline(
                                vote: vote.id, person: person, owner: owner, choices: incomplete ? BallotChoices([:]) : Self.choices,
                                signature: .typed("业主"))
                            return (number, .accepted)
                        } catch CastError.alreadyVoted {
                            return (number, .alreadyVoted)
                        } catch CastError.invalid {
                            return (number, .invalid)
                        } catch CastError.notYourBallot {
                            return (number, .notYours)
                        } catch {
                            return (number, .other)
                        }
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            // check: each decided as if it had come alone
            for (number, _) in persons.enumerated() {
                let expected: Outcome =
                    number % 7 == 3 ? .invalid : number % 11 == 5 ? .notYours : number < early.count ? .alreadyVoted : .accepted
                #expect(outcomes[number] == expected, "ballot \(number)")
            }
            let accepted = outcomes.values.count { $0 == .accepted }
            guard case .success(let summary) = try await store.log.verify().result else {
                Issue.record("the log does not verify")
                return
            }
            #expect(summary.entries == before + early.count + accepted)
            #expect(try await store.voting.progress(of: vote).voted.heads == early.count + accepted)
        }
    }
}

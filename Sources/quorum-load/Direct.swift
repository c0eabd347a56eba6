import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import QuorumCore
import QuorumStore
import SQLKit

/// `quorum-load direct`: the store's cast path alone, without HTTP: as many `castOnline`
/// calls at once as --concurrency, each for another person of a seeded vote, each returning
/// only after its ballot and log entry are committed. What the group commit itself sustains.
struct Direct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cast ballots through the store directly (no HTTP): the durable commit's own rate.")

    @Option(help: "The database `quorum-load seed` wrote to.")
    var database: String

    @Option(help: "The sessions file of that seed (for the vote and the persons).")
    var owners: String

    @Option(help: "Casts in flight at once.")
    var concurrency = 256

    @Option(help: "Stop after this many seconds.")
    var duration: Double = 10

    func run() async throws {
        let population = try Population.read(owners)
        // The keys `quorum serve` reads for this database (`KeyFile`): the same file, the same environment.
        let url = try DatabaseURL(database)
        let keys = try await KeyFile.resolve(for: url, file: nil, environment: ProcessInfo.processInfo.environment)
        let store = try await Store.open(url, secret: keys.secret, logKey: keys.logKey)
        let members = try await store.withConnection { db in
            try await db.raw(
                "SELECT person, MIN(id_hash) AS id_hash FROM vote_members WHERE vote_id = \(bind: population.vote) GROUP BY person ORDER BY person"
            ).all().map { (try $0.decode(column: "person", as: Int.self), try $0.decode(column: "id_hash", as: String.self)) }
        }
        let choices = try BallotChoices(canonicalJSON: population.choices)
        // Each signs with their owner's registered name, as the seed wrote it.
        let names = Dictionary(population.sessions.map { ($0.person, $0.name) }, uniquingKeysWith: { first, _ in first })
        let next = NIOLockedValueBox(0)
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64(duration * 1000))
        let latencies = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var latencies: [Int] = []
                    while ContinuousClock.now < deadline {
                        let number = next.withLockedValue { value -> Int in
                            defer { value += 1 }
                            return value
                        }
                        guard number < members.count else { break }
                        let began = ContinuousClock.now
                        _ = try await store.voting.castOnline(
                            vote: population.vote, person: members[number].0, owner: members[number].1, choices: choices,
                            signature: .typed(names[members[number].0] ?? ""))
                        let took = ContinuousClock.now - began
                        latencies.append(Int(took.components.seconds * 1_000_000 + took.components.attoseconds / 1_000_000_000_000))
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let counts = store.voting.castCounts
        try await store.close()
        let report = Report(
            target: .cast, rate: 0, connections: concurrency, seconds: seconds,
            results: [WorkerResult(latencies: latencies, statuses: [303: latencies.count])])
        print("store.voting.castOnline directly, \(store.backend.rawValue): \(counts.ballots) ballots in \(counts.batches) transactions")
        print(report.table)
    }
}

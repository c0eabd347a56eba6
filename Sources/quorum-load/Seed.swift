import ArgumentParser
import Crypto
import Foundation
import QuorumCore
import QuorumStore
import QuorumSynthetic
import SQLKit

/// `quorum-load seed`: a synthetic estate, an open vote on it, and a signed-in session for
/// every voting person (or several for each), written to a file the `run` command reads.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an estate, an open vote and signed-in owners for a load test.")

    @Option(help: "The database `quorum serve` will use (migrated here if needed).")
    var database: String

    @Option(help: "Units in the synthetic estate (a person per unit, fewer with owners of several units, no parking).")
    var units = 20_000

    @Option(help: "Sessions per voting person (more than one: the same person's ballot cast through several sessions at once).")
    var sessionsPerPerson = 1

    @Option(help: "At most this many voting persons get sessions (default: all).")
    var persons: Int?

    @Option(help: "Which synthetic estate: numbers stay unique across estates, so several can share a database.")
    var estate = 900

    @Option(name: .shortAndLong, help: "Where to write the sessions (TSV).")
    var output: String

    func run() async throws {
        // The keys `quorum serve` reads for this database (`KeyFile`): the same file, the same environment.
        let url = try DatabaseURL(database)
        let keys = try await KeyFile.resolve(for: url, file: nil, environment: ProcessInfo.processInfo.environment)
        let store = try await Store.open(url, secret: keys.secret, logKey: keys.logKey)
        do {
            try await store.migrate()
            let file = try await seed(store)
            try Data(file.utf8).write(to: URL(fileURLWithPath: output))
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The seeded file: a header naming the vote and the choices to cast, then one line a session.
    private func seed(_ store: Store) async throws -> String {
        let path = EstatePath(city: "压力测试市", district: "负载区", street: "测试街道", estate: "压力测试小区 \(estate)")
        let registry = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-load-\(UUID().uuidString).csv")
        FileManager.default.createFile(atPath: registry.path, contents: nil)
        let handle = try FileHandle(forWritingTo: registry)
        try SyntheticRegister(estate: estate, units: units).write { try handle.write(contentsOf: Data($0.utf8)) }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: registry) }
        let imported = try await store.register.importRegister(file: registry.path, named: "load-registry.csv", estate: path)
        let now = store.now().millisecondsSinceEpoch
        let day: Int64 = 86_400_000
        let definition = VoteDefinition(
            name: "压力测试表决 \(estate) / load test", matters: [Matter(id: "m1", title: "更换电梯 / replace the lifts", item: 5)])
        let vote = try await store.voting.createVote(
            estate: imported.estate.id, definition: definition, opensAt: Timestamp(millisecondsSinceEpoch: now - day),
            closesAt: Timestamp(millisecondsSinceEpoch: now + 14 * day))
        let choices = BallotChoices(["m1": .option(.agree)]).canonicalJSON
        var lines = ["#vote\t\(vote.id)\t\(choices)"]
        try await store.withConnection { db in
            // Each person's owner and their registered name: the name they sign with (issue 13).
            let members = try await db.raw(
                """
                SELECT x.person, x.id_hash, (SELECT MIN(o.name) FROM owners o WHERE o.id_hash = x.id_hash AND o.valid_to IS NULL) AS name
                FROM (SELECT person, MIN(id_hash) AS id_hash FROM vote_members WHERE vote_id = \(bind: vote.id) GROUP BY person) x ORDER BY x.person
                """
            ).all().map {
                (
                    try $0.decode(column: "person", as: Int.self), try $0.decode(column: "id_hash", as: String.self),
                    try $0.decode(column: "name", as: String.self)
                )
            }
            var rows: [[any SQLExpression]] = []
            var random = SystemRandomNumberGenerator()
            for (person, idHash, name) in members.prefix(persons ?? Int.max) {
                for _ in 0..<sessionsPerPerson {
                    let token = Self.hexBytes(32, using: &random)
                    let csrf = Self.hexBytes(16, using: &random)
                    let tokenHash = SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
                    rows.append([
                        SQLBind(tokenHash), SQLBind(imported.estate.id), SQLBind(idHash), SQLBind(name), SQLBind(csrf), SQLBind(now),
                        SQLBind(now + 14 * day),
                    ])
                    lines.append("\(token)\t\(csrf)\t\(person)\t\(name)")
                }
            }
            for start in stride(from: 0, to: rows.count, by: 2_000) {
                try await db.insert(into: "sessions")
                    .columns("token_hash", "estate_id", "id_hash", "owner_name", "csrf", "created_at", "expires_at")
                    .rows(Array(rows[start..<min(start + 2_000, rows.count)])).run()
            }
        }
        FileHandle.standardError.write(Data("seeded vote \(vote.id): \(lines.count - 1) sessions → \(output)\n".utf8))
        return lines.joined(separator: "\n") + "\n"
    }

    static func hexBytes(_ count: Int, using random: inout SystemRandomNumberGenerator) -> String {
        (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined()
    }
}

import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import QuorumWeb

/// `quorum-load run`: requests over keep-alive connections, flat out or at a fixed rate.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cast ballots (or load a page) at a running server; print throughput and latency.")

    enum Target: String, ExpressibleByArgument, CaseIterable {
        /// POST /votes/V/cast, each session once: 303 to the receipt is an accepted ballot.
        case cast
        /// GET /votes/V/ballot?person=P: the ballot page.
        case ballot
        /// GET /health: the server's plainest route, the yardstick for the others.
        case hello
    }

    @Option(help: "The server.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "The sessions `quorum-load seed` wrote.")
    var owners: String?

    @Option(help: "What to request: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
    var target: Target = .cast

    @Option(help: "Connections (each one request at a time, keep-alive).")
    var connections = 64

    @Option(help: "Requests a second, on a fixed schedule (latency counted from each request's scheduled time); 0: flat out.")
    var rate = 0

    @Option(help: "Stop after this many seconds (a cast run also stops when every session has cast).")
    var duration: Double = 10

    @Option(help: "At most this many requests.")
    var requests: Int?

    @Option(help: "Event loop threads of the generator.")
    var threads = 1

    @Option(help: "Write `person<TAB>receipt code` of every accepted ballot to this file.")
    var receipts: String?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    func run() async throws {
        guard let parsed = URL(string: url), let host = parsed.host else { throw ValidationError("bad --url \(url)") }
        let port = parsed.port ?? 80
        let population = try owners.map(Population.read)
        if target != .hello && population == nil { throw ValidationError("--target \(target.rawValue) needs --owners") }
        var limit = requests ?? Int.max
        if target == .cast, let population { limit = min(limit, population.sessions.count) }
        let plan = Plan(
            target: target, host: "\(host):\(port)", population: population, limit: limit, rate: rate,
            deadline: NIODeadline.now() + .nanoseconds(Int64(duration * 1e9)))
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let started = NIODeadline.now()
        let results = try await withThrowingTaskGroup(of: WorkerResult.self) { tasks in
            for _ in 0..<connections {
                tasks.addTask { try await Worker(plan: plan, group: group, host: host, port: port).run() }
            }
            var all: [WorkerResult] = []
            for try await result in tasks { all.append(result) }
            return all
        }
        let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        try await group.shutdownGracefully()
        let report = Report(target: target, rate: rate, connections: connections, seconds: seconds, results: results)
        print(json ? report.json : report.table)
        if let receipts {
            let lines = results.flatMap(\.receipts).map { "\($0.person)\t\($0.code)\n" }.joined()
            try Data(lines.utf8).write(to: URL(fileURLWithPath: receipts))
        }
    }
}

/// The sessions of a seeded population.
struct Population: Sendable {
    var vote: String
    var choices: String
    /// Each session, with the registered name its owner signs with.
    var sessions: [(token: String, csrf: String, person: Int, name: String)]

    static func read(_ path: String) throws -> Population {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        guard let header = lines.first?.split(separator: "\t"), header.count == 3, header[0] == "#vote" else {
            throw ValidationError("\(path) is not a file of `quorum-load seed`")
        }
        let sessions = lines.dropFirst().compactMap { line -> (String, String, Int, String)? in
            let fields = line.split(separator: "\t")
            guard fields.count == 4, let person = Int(fields[2]) else { return nil }
            return (String(fields[0]), String(fields[1]), person, String(fields[3]))
        }
        return Population(vote: String(header[1]), choices: String(header[2]), sessions: sessions)
    }
}

/// What every connection shares: the next request's number, and when it is due.
struct Plan: Sendable {
    var target: Run.Target
    var host: String
    var population: Population?
    var limit: Int
    var rate: Int
    var deadline: NIODeadline
    let next = NIOLockedValueBox(0)
    let start = NIODeadline.now()

    /// The next request's number and the time it is due, or nil when the run is over.
    func take() -> (number: Int, due: NIODeadline)? {
        let number = next.withLockedValue { value -> Int in
            defer { value += 1 }
            return value
        }
        guard number < limit else { return nil }
        let due = rate > 0 ? start + .nanoseconds(Int64(number) * 1_000_000_000 / Int64(rate)) : NIODeadline.now()
        guard due < deadline else { return nil }
        return (number, due)
    }

    /// The request's bytes.
    func request(_ number: Int) -> (head: HTTPRequestHead, body: ByteBuffer?, person: Int) {
        var headers = HTTPHeaders([("Host", host), ("Connection", "keep-alive")])
        switch target {
        case .hello:
            return (HTTPRequestHead(version: .http1_1, method: .GET, uri: SiteURL.health.path, headers: headers), nil, -1)
        case .ballot:
            let population = population!
            let session = population.sessions[number % population.sessions.count]
            headers.add(name: "Cookie", value: "quorum_session=\(session.token)")
            let uri = SiteURL.vote(population.vote, .ballot(person: String(session.person))).path
            return (HTTPRequestHead(version: .http1_1, method: .GET, uri: uri, headers: headers), nil, session.person)
        case .cast:
            let population = population!
            let session = population.sessions[number % population.sessions.count]
            headers.add(name: "Cookie", value: "quorum_session=\(session.token)")
            headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            let form = [
                ("csrf", session.csrf), ("person", String(session.person)), ("choices", population.choices),
                ("signature_typed", session.name),
            ].map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
            let body = ByteBuffer(string: form)
            headers.add(name: "Content-Length", value: String(body.readableBytes))
            let uri = SiteURL.vote(population.vote, .cast).path
            return (HTTPRequestHead(version: .http1_1, method: .POST, uri: uri, headers: headers), body, session.person)
        }
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

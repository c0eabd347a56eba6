import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Synchronization
import Testing

@testable import QuorumWeb

/// An estate with a register and an open vote, the app on it, and what it logged.
struct Estate {
    let store: Store
    let estate: Int64
    let vote: StoredVote
    let phone: RecordingSender
    let logs: LogLines

    static let registry = """
        unit_id,building,entrance,room,area,owner_name,owner_id,owner_kind,phone
        U1,1,1,101,100.00,甲,110101199001010011,person,13800000001
        U2,1,1,102,80.00,甲,110101199001010011,person,13800000001
        U3,1,1,201,90.00,乙,110101199202020022,person,13800000002

        """

    static let definition = VoteDefinition(
        name: "电梯维修",
        matters: [
            Matter(id: "m1", title: "使用维修资金维修电梯", item: 5),
            Matter(
                id: "e", title: "选举业主委员会", item: 3,
                kind: .election(seats: 1, candidates: [Candidate(id: "c1", name: "张"), Candidate(id: "c2", name: "李")])),
        ])

    /// Runs `body` with the app (router test client) on a fresh database holding `registry`
    /// and a vote of `definition` open for a day. Logs go to `logs` at `logLevel`.
    static func with(
        _ database: TestDatabase = .sqlite, registry: String = Self.registry, definition: VoteDefinition = Self.definition,
        secureCookies: Bool = false, logLevel: Logger.Level = .info,
        _ body: @escaping @Sendable (Estate, any TestClientProtocol) async throws -> Void
    ) async throws {
        let logs = LogLines()
        var logger = Logger(label: "quorum", factory: { _ in CapturingLogHandler(captured: logs) })
        logger.logLevel = logLevel
        try await withQuorumApp(
            on: database, logger: logger, secureCookies: secureCookies,
            setUp: { store, phone in
                let files = try TestFiles()
                defer { files.remove() }
                let file = try files.write("registry.csv", registry)
                let estate = try await store.register.importRegister(file: file, estate: EstatePath(estate: "天汇广场")).estate.id
                let now = store.now().millisecondsSinceEpoch
                let vote = try await store.voting.createVote(
                    estate: estate, definition: definition, opensAt: Timestamp(millisecondsSinceEpoch: now - 60_000),
                    closesAt: Timestamp(millisecondsSinceEpoch: now + 86_400_000))
                return Estate(store: store, estate: estate, vote: vote, phone: phone, logs: logs)
            }, body)
    }
}

/// A browser's view of the site: its cookies, and each page it gets.
final class Visitor: Sendable {
    let client: any TestClientProtocol
    let cookies = Mutex<[String: String]>([:])

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        /// The value of the first `name="…" value="…"` field, as the browser would send it.
        func field(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            let rest = body[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end]).htmlUnescaped
        }

        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    func post(_ uri: String, _ fields: [(String, String)], headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .post, body: Self.encode(fields), headers: extra)
    }

    func send(_ uri: String, method: HTTPRequest.Method, body: String?, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let cookie = cookies.withLock { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookie.isEmpty { headers[.cookie] = cookie }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        for line in page.setCookies {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies.withLock { $0[name] = line.contains("Max-Age=0") || value.isEmpty ? nil : value }
        }
        return page
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        func escape(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        }
        return fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Binds as the owner named, with the code sent to their phone; returns the votes page.
    @discardableResult
    func bind(_ estate: Estate, name: String, idNumber: String) async throws -> Page {
        let form = try await get("/bind")
        let pre = try #require(form.field("pre"))
        let code = try await post("/bind", [("pre", pre), ("estate", String(estate.estate)), ("name", name), ("id_number", idNumber)])
        #expect(code.status == .ok, "\(code.body)")
        let attempt = try #require(code.field("attempt"))
        let signedIn = try await post(
            "/bind/code", [("pre", pre), ("attempt", attempt), ("phone", code.field("phone") ?? ""), ("code", try #require(estate.phone.lastCode))])
        #expect(signedIn.status == .seeOther && signedIn.location == "/votes")
        return signedIn
    }

    /// The voting person the signed-in owner votes as, from the notice's link to the ballot.
    func person(_ estate: Estate) async throws -> String {
        let notice = try await get("/votes/\(estate.vote.id)")
        #expect(notice.status == .ok)
        return try #require(notice.body.range(of: "ballot?person=").map { String(notice.body[$0.upperBound...].prefix { $0.isNumber }) })
    }

    /// Votes in `estate.vote` as the signed-in owner with a typed signature; returns the receipt page.
    func vote(_ estate: Estate, fields: [(String, String)], signature: String) async throws -> Page {
        let id = estate.vote.id
        let person = try await person(estate)
        let ballot = try await get("/votes/\(id)/ballot?person=\(person)")
        let csrf = try #require(ballot.field("csrf"))
        let confirm = try await post("/votes/\(id)/confirm", [("csrf", csrf), ("person", String(person))] + fields)
        #expect(confirm.status == .ok, "\(confirm.body)")
        let choices = try #require(confirm.field("choices"))
        let cast = try await post(
            "/votes/\(id)/cast",
            [("csrf", csrf), ("person", String(person)), ("choices", choices), ("signature_drawn", ""), ("signature_typed", signature)])
        #expect(cast.status == .seeOther, "\(cast.body)")
        return try await get(try #require(cast.location))
    }
}

extension String {
    /// The text an HTML attribute value or element text stands for.
    var htmlUnescaped: String {
        var out = self
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }
}

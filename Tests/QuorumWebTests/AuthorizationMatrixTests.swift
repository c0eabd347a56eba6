import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import Synchronization
import Testing

@testable import QuorumWeb

/// Every route × every role, against the expected allow or deny. The routes come from the
/// route table the app is built from, so a route added without an entry here fails.
@Suite struct AuthorizationMatrixTests {
    enum Role: String, CaseIterable, Sendable {
        case anonymous, ownerHere, ownerElsewhere
        case committeeHere, propertyHere, clerkHere, committeeElsewhere, propertyElsewhere, clerkElsewhere
        case streetHere, streetElsewhere, bureau, admin
    }

    static let everyone = Set(Role.allCases)
    static let staff: Set<Role> = everyone.subtracting([.anonymous, .ownerHere, .ownerElsewhere])
    static let view: Set<Role> = [.committeeHere, .propertyHere, .clerkHere, .streetHere, .bureau]
    static let organise: Set<Role> = [.committeeHere]
    static let deliver: Set<Role> = [.committeeHere, .propertyHere, .clerkHere]
    static let lists: Set<Role> = [.committeeHere, .streetHere]
    static let paper: Set<Role> = [.committeeHere, .clerkHere]
    static let resolve: Set<Role> = [.committeeHere, .streetHere]
    static let export: Set<Role> = [.committeeHere, .streetHere, .bureau]
    static let accounts: Set<Role> = [.streetHere, .streetElsewhere, .admin]

    /// Who may use each route ("here" is the estate whose vote or id the route names).
    static let expected: [String: Set<Role>] = [
        "GET /health": everyone, "GET /health/ready": everyone, "GET /metrics": everyone, "GET /static/:name": everyone, "GET /": everyone,
        "GET /bind": everyone, "POST /bind": everyone, "POST /bind/code": everyone, "POST /bind/credential": everyone,
        // Signing out only ends one's own session: harmless for anyone.
        "POST /logout": everyone,
        "GET /votes": [.ownerHere, .ownerElsewhere],
        "GET /votes/:vote": [.ownerHere], "GET /votes/:vote/ballot": [.ownerHere], "POST /votes/:vote/confirm": [.ownerHere],
        "POST /votes/:vote/cast": [.ownerHere], "GET /votes/:vote/progress.json": [.ownerHere],
        "GET /votes/:vote/documents/:number": [.ownerHere], "GET /votes/:vote/result": [.ownerHere], "GET /receipts/:code": [.ownerHere],
        "GET /log/head": everyone, "GET /log/proof": everyone, "GET /log/consistency": everyone, "GET /log/public-key": everyone,
        "GET /log/public-key.pem": everyone, "GET /verify": everyone, "POST /verify": everyone,
        "GET /staff/login": everyone, "POST /staff/login": everyone, "POST /staff/logout": staff, "GET /manage": staff,
        "GET /manage/staff": accounts, "POST /manage/staff": accounts,
        "GET /manage/estates/:estate/votes/new": organise, "POST /manage/estates/:estate/votes": organise,
        "GET /manage/votes/:vote": view, "GET /manage/votes/:vote/edit": organise, "POST /manage/votes/:vote/edit": organise,
        "POST /manage/votes/:vote/documents": organise, "GET /manage/votes/:vote/documents/:number": view,
        "POST /manage/votes/:vote/notice": organise,
        "GET /manage/votes/:vote/delivery": deliver, "POST /manage/votes/:vote/delivery": deliver, "POST /manage/votes/:vote/posting": organise,
        "GET /manage/votes/:vote/dashboard": view, "POST /manage/votes/:vote/reminders": organise, "GET /manage/votes/:vote/lists/:list": lists,
        "GET /manage/votes/:vote/paper": paper, "GET /manage/votes/:vote/entry": paper, "POST /manage/votes/:vote/entry": paper,
        "GET /manage/votes/:vote/mismatches": resolve, "POST /manage/votes/:vote/mismatches": resolve,
        "GET /manage/votes/:vote/reconciliation": view, "GET /manage/votes/:vote/result": view, "POST /manage/votes/:vote/publish": organise,
        "GET /manage/votes/:vote/report": view, "GET /manage/votes/:vote/export/:file": export,
    ]

    /// A clock the test moves.
    final class Clock: Sendable {
        let now = Mutex<Int64>(1_705_716_000_000)  // 2024-01-20 10:00 +08:00
        var read: @Sendable () -> Timestamp { { [self] in Timestamp(millisecondsSinceEpoch: now.withLock { $0 }) } }
        func advance(days: Int64) { now.withLock { $0 += days * 86_400_000 } }
    }

    final class Outbox: MessageSender {
        let last = Mutex<String>("")
        func send(to phone: String, purpose: String, body: String) async throws { last.withLock { $0 = body } }
        var code: String { last.withLock { $0 }.split(whereSeparator: { !$0.isNumber }).first { $0.count == 6 }.map(String.init) ?? "" }
    }

    static func register(_ prefix: String) -> String {
        """
        unit_id,building,room,area,owner_name,owner_id,phone
        \(prefix)1,1,101,100.00,甲,\(prefix == "A" ? "110101199001010011" : "110101199001010022"),13800000001
        \(prefix)2,1,102,80.00,乙,\(prefix == "A" ? "110101199202020033" : "110101199202020044"),13800000002

        """
    }

    struct Credentials {
        var cookie: String
        var csrf: String
    }

    @Test func everyRouteAnswersEveryRoleAsTheTableSays() async throws {
        // setup: two estates in two streets of one district, accounts of every role, an open
        // vote with a document and a ballot, and a closed vote with a published result
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-matrix-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let clock = Clock()
        let store = try await Store.open(.sqlite(path: path), secret: "matrix secret", logger: logger, clock: clock.read)
        try await store.migrate()
        var estates: [Int64] = []
        for (prefix, street) in [("A", "八大峡街道"), ("B", "云南路街道")] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(prefix)-\(UUID().uuidString).csv")
            try Self.register(prefix).write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            estates.append(
                try await store.importRegister(
                    file: file.path, estate: EstatePath(city: "青岛市", district: "市南区", street: street, estate: "小区\(prefix)")
                ).estate.id)
        }
        let here = estates[0], elsewhere = estates[1]
        let definition = VoteDefinition(name: "表决", matters: [Matter(id: "m1", title: "事项", item: 5)])
        let now = clock.read().millisecondsSinceEpoch
        let day: Int64 = 86_400_000
        let draft = try await store.createDraft(
            estate: here, definition: definition, opensAt: Timestamp(millisecondsSinceEpoch: now + 16 * day),
            closesAt: Timestamp(millisecondsSinceEpoch: now + 30 * day), actor: "setup")
        try await store.addDocument(to: draft.id, name: "plan.pdf", bytes: Array("%PDF-1.4".utf8), actor: "setup")
        let open = try await store.publishNotice(draft.id, actor: "setup")
        let closed = try await store.createVote(
            estate: here, definition: definition, opensAt: clock.read(), closesAt: Timestamp(millisecondsSinceEpoch: now + day),
            noticedAt: Timestamp(millisecondsSinceEpoch: now - 16 * day))
        let outbox = Outbox()
        var ownerSessions: [Role: Credentials] = [:]
        var ownerHere: OwnerSession?
        for (role, estate, name, id) in [
            (Role.ownerHere, here, "甲", "110101199001010011"), (Role.ownerElsewhere, elsewhere, "甲", "110101199001010022"),
        ] {
            let start = try await store.startBinding(estate: estate, name: name, idNumber: id, address: "test", sender: outbox)
            let session = try await store.confirmBinding(attempt: start.attempt, code: outbox.code)
            ownerSessions[role] = Credentials(cookie: "quorum_session=\(session.token)", csrf: session.csrf)
            if role == .ownerHere { ownerHere = session }
        }
        let sessions = ownerSessions
        let owner = try #require(ownerHere)
        let person = try #require(try await store.voters(in: closed.id, owner: owner.idHash).first?.person)
        let receipt = try await store.castOnline(
            vote: closed.id, person: person, owner: owner.idHash, choices: BallotChoices(["m1": .option(.agree)]), signature: .typed("甲"))
        clock.advance(days: 17)
        _ = try await store.publishResult(closed.id, final: false, actor: "setup")
        let streetHere = try #require(try await store.findDivision(.street, named: "八大峡街道")).id
        let streetElsewhere = try #require(try await store.findDivision(.street, named: "云南路街道")).id
        let district = try #require(try await store.findDivision(.district, named: "市南区")).id
        let accounts: [(Role, StaffRole, Int64?)] = [
            (.committeeHere, .committee, here), (.propertyHere, .property, here), (.clerkHere, .clerk, here),
            (.committeeElsewhere, .committee, elsewhere), (.propertyElsewhere, .property, elsewhere), (.clerkElsewhere, .clerk, elsewhere),
            (.streetHere, .street, streetHere), (.streetElsewhere, .street, streetElsewhere), (.bureau, .bureau, district), (.admin, .admin, nil),
        ]
        for (role, staffRole, division) in accounts {
            try await store.addStaff(
                username: role.rawValue, displayName: role.rawValue, password: "matrix password", role: staffRole, division: division, passwordCost: 4)
        }
        let dependencies = OwnerDependencies(store: store, sender: outbox)
        let routes = routeTable(dependencies: dependencies)
        let app = buildApplication(configuration: WebConfiguration(), dependencies: dependencies, logger: logger)

        // act and check, signing-out routes last (they end the session they are called with)
        let ordered = routes.filter { !$0.path.hasSuffix("logout") } + routes.filter { $0.path.hasSuffix("logout") }
        try await app.test(.router) { client in
            for route in ordered {
                let key = "\(route.method) \(route.path)"
                guard let allowed = Self.expected[key] else {
                    Issue.record("no expectation for \(key): add it to the authorization matrix")
                    continue
                }
                let onClosedVote = ["/result", "/report", "/publish", "/export/:file"].contains { route.path.hasSuffix($0) }
                var uri = route.path
                    .replacingOccurrences(of: ":vote", with: onClosedVote ? closed.id : open.id)
                    .replacingOccurrences(of: ":estate", with: String(here)).replacingOccurrences(of: ":number", with: "1")
                    .replacingOccurrences(of: ":code", with: receipt.code).replacingOccurrences(of: ":name", with: "app.css")
                    .replacingOccurrences(of: ":list", with: "unbound").replacingOccurrences(of: ":file", with: "ballots.csv")
                if route.path.hasSuffix("/ballot") { uri += "?person=\(person)" }
                if route.path.hasPrefix("/log/proof") { uri += "?index=0" }
                if route.path.hasPrefix("/log/consistency") { uri += "?from=1&to=2" }
                for role in Role.allCases {
                    var credentials = sessions[role]
                    if credentials == nil, role != .anonymous {
                        let session = try await store.staffLogin(username: role.rawValue, password: "matrix password")
                        credentials = Credentials(cookie: "quorum_staff=\(session.token)", csrf: session.csrf)
                    }
                    var headers: HTTPFields = [:]
                    if let credentials { headers[.cookie] = credentials.cookie }
                    var body: ByteBuffer?
                    if route.method == .post {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        // A well-formed ballot too, so the cast is refused for who sends it, not for its form.
                        body = ByteBuffer(
                            string: "csrf=\(credentials?.csrf ?? "")&person=\(person)&code=0&hours=1"
                                + "&choices=%7B%22m1%22%3A%22agree%22%7D&signature_typed=x")
                    }
                    let denied = try await client.execute(uri: uri, method: route.method, headers: headers, body: body) { response in
                        let location = response.headers[.location] ?? ""
                        switch route.access {
                        case .staff:
                            return response.status == .forbidden || location.hasPrefix("/staff/login")
                        case .owner:
                            return response.status == .forbidden || response.status == .notFound || location.hasPrefix("/bind")
                        case .anyone:
                            // (a 403 here is a form's own CSRF check, not a refusal of the caller)
                            return location.hasPrefix("/bind") || location.hasPrefix("/staff/login")
                        }
                    }
                    #expect(denied != allowed.contains(role), "\(key) as \(role): \(denied ? "denied" : "allowed")")
                }
            }
        }
        try await store.close()
    }
}

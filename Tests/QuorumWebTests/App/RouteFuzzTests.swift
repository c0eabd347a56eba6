import Foundation
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumSynthetic
import Testing

@testable import QuorumWeb

/// Every route (the route table's, organisers' too), with hostile paths, queries, forms and
/// cookies, as nobody, an owner or an administrator, for a few seconds: the app never stops and never answers 500 — each request is served or refused
/// with a status that says why.
@Suite struct RouteFuzzTests {
    static let getRoutes = [
        "/", "/?lang={s}", "/bind", "/votes", "/votes/{vote}", "/votes/{vote}/ballot?person={n}", "/votes/{vote}/progress.json",
        "/receipts/{s}", "/verify?r={s}", "/log/head", "/log/proof?index={n}&size={n}", "/log/proof?index={n}",
        "/log/consistency?from={n}&to={n}", "/log/public-key", "/log/public-key.pem", "/static/{s}", "/health",
    ]
    static let postRoutes = ["/bind", "/bind/code", "/bind/credential", "/logout", "/votes/{vote}/confirm", "/votes/{vote}/cast", "/verify"]
    static let fields = [
        "pre", "estate", "name", "id_number", "attempt", "code", "phone", "csrf", "person", "m.m1", "c.e", "choices", "signature_drawn",
        "signature_typed", "credential", "r",
        // the organisers' forms
        "back", "ballot_change", "building", "closes", "display_name", "division", "final", "hours", "objection_days", "opens",
        "parking_votes", "password", "role", "scope", "silent_majority", "spoiled", "title", "username", "matters",
    ]
    static let parameters = [":vote", ":estate", ":number", ":code", ":name", ":list", ":file"]
    static let numbers = [
        "-1", "0", "1", "2", "3", "7", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "4294967296",
        "2147483648", "4611686018427387904", "", "abc", "1e3", "0x10", " 1", "1.5", "٣",
    ]

    @Test func noRequestStopsTheAppOrGetsA500() async throws {
        try await Estate.with { estate, client in
            // A signed-in owner with a ballot in the log, so that proofs and receipts exist.
            let owner = Visitor(client)
            try await owner.bind(estate, name: "甲", idNumber: "110101199001010011")
            let receipt = try await owner.vote(estate, fields: [("m.m1", "agree"), ("c.e", "c1")], signature: "甲")
            let code = receipt.body.range(of: "id=\"receipt-code\">").map { String(receipt.body[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
            let session = owner.cookies.withLock { $0 }
            let csrf = receipt.field("csrf") ?? ""
            // An administrator, who may open every organisers' page.
            _ = try await estate.store.staff.add(
                username: "admin", displayName: "admin", password: "fuzz password", role: .admin, division: nil, passwordCost: 4)
            let staff = try await estate.store.staff.login(username: "admin", password: "fuzz password")
            let table = routeTable(dependencies: OwnerDependencies(store: estate.store, sender: estate.phone)).map { ($0.method, $0.path) }
            let known = [
                ":vote": estate.vote.id, ":estate": String(estate.estate), ":number": "1", ":code": code, ":name": "app.css",
                ":list": "unbound", ":file": "ballots.csv",
            ]
            let fuzzer = Fuzzer(
                defaultSeed: 0x0F0A_0002, samples: [code, estate.vote.id, #"{"e":["c1"],"m1":"agree"}"#, "甲", csrf].map { Array($0.utf8) })

            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }

            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(3)
            var count = 0
            var failures: [String] = []
            // Three seconds, and at least 100 requests however busy the machine is.
            while clock.now < deadline || count < 100, failures.count < 5 {
                var random = SplitMix(seed: fuzzer.seed &+ UInt64(count))
                func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
                func string() -> String { String(decoding: fuzzer.input(number: Int(random.next() % 1_000_000)), as: UTF8.self) }
                func fill(_ template: String) -> String {
                    var out = template
                    for parameter in Self.parameters {
                        while let range = out.range(of: parameter) {
                            out.replaceSubrange(range, with: random.next() % 3 == 0 ? encoded(string()) : known[parameter] ?? "")
                        }
                    }
                    while let range = out.range(of: "{vote}") {
                        out.replaceSubrange(range, with: random.next() % 3 == 0 ? encoded(string()) : estate.vote.id)
                    }
                    while let range = out.range(of: "{n}") { out.replaceSubrange(range, with: encoded(pick(Self.numbers))) }
                    while let range = out.range(of: "{s}") { out.replaceSubrange(range, with: encoded(string())) }
                    return out
                }
                let visitor = Visitor(client)
                let asStaff = random.next() % 3 == 0
                if asStaff {
                    visitor.cookies.withLock { $0[Cookies.staff] = staff.token }
                } else if random.next() % 2 == 0 {
                    visitor.cookies.withLock { $0 = session }
                }
                if random.next() % 4 == 0 {
                    visitor.cookies.withLock { $0[pick([Cookies.session, Cookies.preSession, Cookies.staff, "lang"])] = encoded(string()) }
                }
                let post: Bool
                let uri: String
                if random.next() % 2 == 0 {
                    let route = pick(table)
                    post = route.0 == .post
                    uri = fill(route.1)
                } else {
                    post = random.next() % 2 == 0
                    uri = fill(pick(post ? Self.postRoutes : Self.getRoutes))
                }
                var form: [(String, String)] = []
                if asStaff && random.next() % 2 == 0 { form.append(("csrf", staff.csrf)) }
                for _ in 0..<(random.next() % 6) {
                    let name = pick(Self.fields)
                    let value: String
                    switch random.next() % 4 {
                    case 0: value = pick(Self.numbers)
                    case 1 where name == "csrf": value = asStaff ? staff.csrf : csrf
                    default: value = string()
                    }
                    form.append((name, value))
                }
                let page = try await post ? visitor.post(uri, form) : visitor.get(uri)
                if page.status.code >= 500 {
                    failures.append("\(page.status.code) for \(post ? "POST" : "GET") \(uri) \(form) — seed \(fuzzer.seed), #\(count)")
                }
                count += 1
            }
            for failure in failures { Issue.record(Comment(rawValue: failure)) }
            #expect(count >= 100, "only \(count) requests")
            // Still serving.
            #expect(try await Visitor(client).get("/health").status == .ok)
        }
    }
}

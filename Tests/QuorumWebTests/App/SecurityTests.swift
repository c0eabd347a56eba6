import Foundation
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import QuorumSynthetic
import QuorumTestSupport
import SQLKit
import Testing

@testable import QuorumWeb

/// Issue 8 on the owner's side: headers, sessions, cookies, body limits, rate limits.
@Suite struct SecurityTests {
    static let owner = (name: "甲", id: "110101199001010011")

    // Headers.

    @Test func everyKindOfResponseCarriesTheSecurityHeadersAndPagesHaveNoInlineScriptOrStyle() async throws {
        try await Estate.with { estate, client in
            let visitor = Visitor(client)
            var pages: [(String, Visitor.Page)] = []
            for uri in [
                "/", "/bind", "/health", "/static/app.css", "/static/app.js", "/static/verify.js", "/verify", "/verify?r=nonsense", "/log/head",
                "/nowhere", "/static/nothing",
            ] {
                pages.append((uri, try await visitor.get(uri)))
            }
            pages.append(("POST /bind (forged)", try await visitor.post("/bind", [("pre", "forged")])))
            pages.append(("POST /bind (too large)", try await visitor.post("/bind", [("pre", String(repeating: "x", count: 200_000))])))
            let code = try await visitor.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            pages.append(("POST /bind/code", code))
            for uri in ["/votes", "/votes/\(estate.vote.id)", "/votes/\(estate.vote.id)/progress.json", "/votes/nothing"] {
                pages.append((uri, try await visitor.get(uri)))
            }
            let person = try await visitor.person(estate)
            let receipt = try await visitor.vote(estate, fields: [("m.m1", "agree"), ("c.e", "c1")], signature: "甲")
            pages.append(("receipt", receipt))
            pages.append(("ballot (voted)", try await visitor.get("/votes/\(estate.vote.id)/ballot?person=\(person)")))

            for (uri, page) in pages {
                let headers = page.headers
                let policy = headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "\(uri)")
                #expect(policy.contains("style-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(uri)")
                #expect(headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(headers[.xFrameOptions] == "DENY", "\(uri)")
                #expect(headers[.referrerPolicy] == "same-origin", "\(uri)")
                if headers[.contentType]?.hasPrefix("text/html") == true {
                    #expect(Self.inlineScriptOrStyle(in: page.body).isEmpty, "\(uri): \(Self.inlineScriptOrStyle(in: page.body))")
                }
            }
            #expect(pages.contains { $0.1.status == .notFound } && pages.contains { $0.1.status == .contentTooLarge })
            #expect(pages.contains { $0.0 == "/votes" && $0.1.body.contains("<svg class=\"bar\"") }, "the progress is drawn in SVG")
        }
    }

    /// What a Content-Security-Policy without 'unsafe-inline' would block in a page: a
    /// script element without `src`, a style element, an `on…` handler or `style`
    /// attribute, a `javascript:` URL. The tags are read as a browser reads them, quoted
    /// values and all, so an attribute smuggled in by unescaped input is found too, while
    /// the same words escaped inside a value or a text are not.
    static func inlineScriptOrStyle(in html: String) -> [String] {
        let s = Array(html.unicodeScalars)
        var found: [String] = []
        var i = 0
        func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
            !c.properties.isWhitespace && c != ">" && c != "/" && c != "=" && c != "\"" && c != "'" && c != "<"
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count, s[i + 1].properties.isAlphabetic else {
                i += 1
                continue
            }
            var j = i + 1
            var tag = ""
            while j < s.count, isNameCharacter(s[j]) {
                tag.unicodeScalars.append(s[j])
                j += 1
            }
            tag = tag.lowercased()
            var hasSource = false
            while j < s.count, s[j] != ">" {
                if s[j].properties.isWhitespace || s[j] == "/" {
                    j += 1
                    continue
                }
                var name = ""
                while j < s.count, isNameCharacter(s[j]) {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                if name.isEmpty {
                    j += 1
                    continue
                }
                name = name.lowercased()
                var value = ""
                while j < s.count, s[j].properties.isWhitespace { j += 1 }
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, s[j].properties.isWhitespace { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote {
                            value.unicodeScalars.append(s[j])
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" {
                            value.unicodeScalars.append(s[j])
                            j += 1
                        }
                    }
                }
                if name.hasPrefix("on") || name == "style" { found.append("<\(tag) \(name)=…>") }
                if value.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:") { found.append("<\(tag) \(name)=javascript:…>") }
                if name == "src" { hasSource = true }
            }
            if tag == "style" { found.append("<style>") }
            if tag == "script" && !hasSource { found.append("<script> without src") }
            i = j + 1
        }
        return found
    }

    // Sessions and cookies.

    @Test(arguments: [false, true])
    func cookiesAreHttpOnlyAndSameSiteAndSecureBehindTLS(_ secure: Bool) async throws {
        try await Estate.with(secureCookies: secure) { estate, client in
            let visitor = Visitor(client)
            let form = try await visitor.get("/bind?lang=en")
            let signedIn = try await visitor.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            let cookies = form.setCookies + signedIn.setCookies
            #expect(cookies.contains { $0.hasPrefix("quorum_session=") } && cookies.contains { $0.hasPrefix("quorum_pre=") })
            #expect(cookies.contains { $0.hasPrefix("lang=en") })
            #expect((form.headers[.strictTransportSecurity] != nil) == secure, "HSTS only behind TLS")
            for cookie in cookies {
                #expect(cookie.contains("HttpOnly"), "\(cookie)")
                #expect(cookie.contains("SameSite=Lax") || cookie.contains("SameSite=Strict"), "\(cookie)")
                #expect(cookie.contains("Secure") == secure, "\(cookie)")
                #expect(cookie.contains("Path=/"), "\(cookie)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func bindingAgainGivesANewSessionAndTheOldTokenStopsWorking(_ database: TestDatabase) async throws {
        try await Estate.with(database) { estate, client in
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            let first = try #require(visitor.cookies.withLock { $0[Cookies.session] })
            #expect(try await visitor.get("/votes").status == .ok)
            // Binding again in the same browser (say, as the co-owner of a shared phone).
            try await visitor.bind(estate, name: "乙", idNumber: "110101199202020022")
            let second = try #require(visitor.cookies.withLock { $0[Cookies.session] })
            #expect(second != first)
            #expect(try await estate.store.binding.session(token: first) == nil, "the old session ended on the server")
            let replay = Visitor(client)
            replay.cookies.withLock { $0[Cookies.session] = first }
            let page = try await replay.get("/votes")
            #expect(page.status == .seeOther && page.location == "/bind", "the old token signs nobody in")
            #expect(try await visitor.get("/votes").body.contains("乙"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func signingOutEndsTheSessionOnTheServerAndNeedsTheFormsToken(_ database: TestDatabase) async throws {
        try await Estate.with(database) { estate, client in
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            let token = try #require(visitor.cookies.withLock { $0[Cookies.session] })
            let votes = try await visitor.get("/votes")
            let csrf = try #require(votes.field("csrf"))
            // A forged sign-out (no token) does nothing.
            _ = try await visitor.post("/logout", [("csrf", "forged")])
            #expect(try await estate.store.binding.session(token: token) != nil)
            let out = try await visitor.post("/logout", [("csrf", csrf)])
            #expect(out.status == .seeOther && out.location == "/")
            #expect(out.setCookies.contains { $0.hasPrefix("quorum_session=") && $0.contains("Max-Age=0") })
            #expect(try await estate.store.binding.session(token: token) == nil)
            // The cookie kept by a thief, or by a browser that ignored the reset, is dead.
            let replay = Visitor(client)
            replay.cookies.withLock { $0[Cookies.session] = token }
            #expect(try await replay.get("/votes").location == "/bind")
            #expect(try await replay.get("/votes/\(estate.vote.id)/progress.json").location == "/bind")
        }
    }

    @Test func formsOfASessionRefuseAMissingOrForeignCSRFToken() async throws {
        try await Estate.with { estate, client in
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            let id = estate.vote.id
            let person = try await visitor.person(estate)
            for csrf in ["", "0000", "forged"] {
                let confirm = try await visitor.post("/votes/\(id)/confirm", [("csrf", csrf), ("person", person), ("m.m1", "agree")])
                #expect(confirm.status == .forbidden)
                let cast = try await visitor.post(
                    "/votes/\(id)/cast", [("csrf", csrf), ("person", person), ("choices", #"{"e":[],"m1":"agree"}"#), ("signature_typed", "甲")])
                #expect(cast.status == .forbidden)
            }
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 0)
        }
    }

    @Test func anOwnerSeesTheirOwnReceiptsAndNobodyElses() async throws {
        try await Estate.with { estate, client in
            let owner = Visitor(client)
            try await owner.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            let receipt = try await owner.vote(estate, fields: [("m.m1", "agree"), ("c.e", "c2")], signature: "甲")
            let code = try #require(
                receipt.body.range(of: "id=\"receipt-code\">").map { String(receipt.body[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(try await owner.get("/receipts/\(code)").status == .ok)
            let neighbour = Visitor(client)
            try await neighbour.bind(estate, name: "乙", idNumber: "110101199202020022")
            #expect(try await neighbour.get("/receipts/\(code)").status == .notFound)
            #expect(try await Visitor(client).get("/receipts/\(code)").location == "/bind")
        }
    }

    // Body limits.

    @Test(arguments: TestDatabase.available)
    func anOversizedBodyIsRefusedWith413AndChangesNothing(_ database: TestDatabase) async throws {
        try await Estate.with(database) { estate, client in
            let visitor = Visitor(client)
            let bind = try await visitor.get("/bind")
            let pre = try #require(bind.field("pre"))
            let padding = String(repeating: "a", count: 70 * 1024)
            // The binding form: no code is sent for a request too large to read.
            let large = try await visitor.post(
                "/bind", [("pre", pre), ("estate", String(estate.estate)), ("name", Self.owner.name), ("id_number", Self.owner.id), ("x", padding)])
            #expect(large.status == .contentTooLarge)
            #expect(estate.phone.sent.withLock { $0.isEmpty })

            try await visitor.bind(estate, name: Self.owner.name, idNumber: Self.owner.id)
            let id = estate.vote.id
            let person = try await visitor.person(estate)
            let ballot = try await visitor.get("/votes/\(id)/ballot?person=\(person)")
            let csrf = try #require(ballot.field("csrf"))
            let fields = [("csrf", csrf), ("person", person), ("choices", #"{"e":["c1"],"m1":"agree"}"#), ("signature_typed", "甲")]
            // A ballot whose body is over any route's limit, declared (refused before the
            // handler) and undeclared (cut off while reading): neither counts.
            let huge = Visitor.encode(
                fields + [("signature_drawn", "data:image/png;base64," + String(repeating: "A", count: RequestSizeMiddleware.largestBody))])
            let declared = try await visitor.send(
                "/votes/\(id)/cast", method: .post, body: huge, headers: [.contentLength: String(huge.utf8.count)])
            #expect(declared.status == .contentTooLarge)
            let undeclared = try await visitor.send("/votes/\(id)/cast", method: .post, body: huge)
            #expect(undeclared.status == .contentTooLarge)
            let confirm = try await visitor.post("/votes/\(id)/confirm", fields + [("x", padding)])
            #expect(confirm.status == .contentTooLarge)
            let verify = try await visitor.post("/verify", [("r", padding)])
            #expect(verify.status == .contentTooLarge)
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 0)
            // A ballot of ordinary size with a drawn signature still goes through.
            let drawn = "data:image/png;base64," + String(repeating: "A", count: 300 * 1024)
            let cast = try await visitor.post("/votes/\(id)/cast", fields.filter { $0.0 != "signature_typed" } + [("signature_drawn", drawn)])
            #expect(cast.status == .seeOther)
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 1)
        }
    }

    // Rate limits, through the pages.

    @Test func codesAreLimitedPerPhoneAndWrongCodesLockTheAttempt() async throws {
        try await Estate.with { estate, client in
            let visitor = Visitor(client)
            let pre = try #require(try await visitor.get("/bind").field("pre"))
            let request = [("pre", pre), ("estate", String(estate.estate)), ("name", Self.owner.name), ("id_number", Self.owner.id)]
            let first = try await visitor.post("/bind", request)
            let attempt = try #require(first.field("attempt"))
            let code = try #require(estate.phone.lastCode)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 1...5 {
                let page = try await visitor.post("/bind/code", [("pre", pre), ("attempt", attempt), ("code", wrong)])
                #expect(page.status == .badRequest)
            }
            // Locked: even the right code no longer opens it.
            let locked = try await visitor.post("/bind/code", [("pre", pre), ("attempt", attempt), ("code", code)])
            #expect(locked.status == .badRequest && locked.body.contains("错误次数过多"))
            #expect(visitor.cookies.withLock { $0[Cookies.session] } == nil)
            // Issue 13: the locked code's page offers a new code, and says from when.
            #expect(locked.body.contains(#"id="new-code""#) && locked.body.contains(#"id="new-code-at""#))
            for _ in 2...5 { #expect(try await visitor.post("/bind", request).status == .ok) }
            let sixth = try await visitor.post("/bind", request)
            #expect(sixth.status == .tooManyRequests)
            // and a refusal says when to try again, to the page and to the client.
            #expect(sixth.body.contains("请求过于频繁，请于"))
            #expect((sixth.headers[.retryAfter].flatMap(Int.init) ?? 0) > 0)
            #expect(estate.phone.sent.withLock { $0.count } == 5)
        }
    }

    @Test func behindATrustedProxyTheLimitsCountTheClientAndAForgedHeaderIsIgnored() {
        let proxy: Set<String> = ["10.0.0.2", "10.0.0.3"]
        func client(_ peer: String, _ forwarded: [String]) -> String {
            SessionMiddleware.clientAddress(peer: peer, forwardedFor: forwarded, trusted: proxy)
        }
        // Straight from the internet: the header is the client's own words, and ignored.
        #expect(client("203.0.113.9", ["198.51.100.1"]) == "203.0.113.9")
        // Through the proxy: the address it saw.
        #expect(client("10.0.0.2", ["203.0.113.9"]) == "203.0.113.9")
        // The client wrote its own header first; the proxy appended the real address.
        #expect(client("10.0.0.2", ["1.2.3.4, 203.0.113.9"]) == "203.0.113.9")
        // Two trusted proxies in a row, the header in two fields.
        #expect(client("10.0.0.2", ["1.2.3.4", "203.0.113.9, 10.0.0.3"]) == "203.0.113.9")
        // A trusted proxy that sent no header: the proxy itself.
        #expect(client("10.0.0.2", []) == "10.0.0.2")
    }

    @Test func proofsOfTreesOfAnySizeAreAnsweredAtOnce() async throws {
        try await Estate.with { _, client in
            let visitor = Visitor(client)
            let big = ["9223372036854775807", "9223372036854775806", "4611686018427387905", "140737488355329", "-1", "0"]
            var uris: [String] = []
            for size in big {
                uris += ["0", "-1", "9223372036854775806"].map { "/log/proof?index=\($0)&size=\(size)" }
                uris += ["/log/consistency?from=1&to=\(size)", "/log/consistency?from=\(size)&to=9223372036854775807"]
            }
            for uri in uris {
                let status = try await visitor.get(uri).status
                #expect(status == .badRequest, "\(uri)")
            }
            #expect(try await visitor.get("/health").status == .ok)
        }
    }

    // The form reader.

    @Test func theFormReaderNeverCrashesAndReadsBackWhatWasEncoded() {
        let samples = [
            "name=%E7%8E%8B+%E4%BA%94&c.m3=c1&c.m3=c2&empty=", "a=1&&b=%&c=%zz&d=%e4%b8&=x&==", "csrf=ab12&person=0&choices=%7B%22e%22%3A%5B%5D%7D",
        ]
        let fuzzer = Fuzzer(defaultSeed: 0x0F0A_0001, samples: samples.map { Array($0.utf8) })
        let (inputs, failures) = fuzzer.run(budget: .seconds(2)) { bytes in
            // Any bytes: a value, never a crash.
            let form = FormData(String(decoding: bytes, as: UTF8.self))
            _ = form["name"]
            // Fields made of those bytes, encoded as a browser would: read back exactly.
            let text = String(decoding: bytes, as: UTF8.self)
            let fields = [("f", text), (text, "v"), ("g", text + "&=%")]
            let read = FormData(Visitor.encode(fields)).fields
            return read.map(\.0) == fields.map(\.0) && read.map(\.1) == fields.map(\.1) ? nil : "fields did not read back"
        }
        for failure in failures { Issue.record("FormData: \(failure)") }
        #expect(inputs > 100)
    }
}

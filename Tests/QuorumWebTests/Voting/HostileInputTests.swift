import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

@testable import QuorumWeb

/// SQL and HTML metacharacters through every text field there is today, on both databases:
/// stored exactly as given, and shown exactly as given — escaped, in element text and in
/// attribute values alike.
@Suite struct HostileInputTests {
    static let sql = "'; DROP TABLE owners; --"
    static let script = "<script>alert(1)</script>"
    static let attribute = "\"><img src=x onerror=alert(1)>"
    static let entity = "&amp; &lt;b&gt; \\ \\\\ \"q\" 'a' 表决 🏠 é ‮"
    static let all = [sql, script, attribute, entity]

    /// A CSV field: quoted, its quotes doubled.
    static func csv(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The owner's name, the buildings and rooms carry the metacharacters.
    static let ownerName = "甲" + sql
    static let building = "1" + entity
    static let room = "101" + attribute
    static let registry = """
        unit_id,building,entrance,room,area,owner_name,owner_id,owner_kind,phone
        U1,\(csv(building)),1,\(csv(room)),100.00,\(csv(ownerName)),110101199001010011,person,13800000001
        U2,2,\(csv(script)),102,80.00,\(csv(script)),110101199202020022,person,13800000002

        """

    /// The vote's title, matters, candidates and even their ids carry them.
    static let candidateID = "c<\"'&1>"
    static let definition = VoteDefinition(
        name: entity + script,
        matters: [
            Matter(id: "m1", title: attribute + sql, item: 5),
            Matter(
                id: "e", title: script, item: 3,
                kind: .election(seats: 1, candidates: [Candidate(id: candidateID, name: sql + entity), Candidate(id: "c2", name: attribute)])),
        ])
    static let signature = ownerName

    @Test(arguments: TestDatabase.available)
    func metacharactersAreStoredVerbatimAndShownEscaped(_ database: TestDatabase) async throws {
        try await Estate.with(database, registry: Self.registry, definition: Self.definition) { estate, client in
            let visitor = Visitor(client)
            // The binding form shows a typed name back in its field when the number is wrong.
            let pre = try #require(try await visitor.get("/bind").field("pre"))
            let refused = try await visitor.post(
                "/bind", [("pre", pre), ("estate", String(estate.estate)), ("name", Self.attribute + Self.entity), ("id_number", "x")])
            #expect(refused.status == .badRequest)
            #expect(refused.field("name") == Self.attribute + Self.entity)
            Self.expectEscaped(refused.body, "bind form")

            // The owner binds by a name with SQL in it, typed exactly as the register has it.
            try await visitor.bind(estate, name: Self.ownerName, idNumber: "110101199001010011")
            var pages: [(String, Visitor.Page)] = []
            let votes = try await visitor.get("/votes")
            pages.append(("votes", votes))
            #expect(votes.body.contains(Self.ownerName.htmlTextEscaped), "the name as registered")
            pages.append(("notice", try await visitor.get("/votes/\(estate.vote.id)")))
            let person = try await visitor.person(estate)
            let ballot = try await visitor.get("/votes/\(estate.vote.id)/ballot?person=\(person)")
            pages.append(("ballot", ballot))
            // The candidate's id goes out in an attribute and comes back as the form's value.
            #expect(ballot.body.contains(#"value="c&lt;&quot;&#39;&amp;1&gt;""#))
            let receipt = try await visitor.vote(estate, fields: [("m.m1", "oppose"), ("c.e", Self.candidateID)], signature: Self.signature)
            #expect(receipt.status == .ok)
            pages.append(("receipt", receipt))
            let verify = try #require(receipt.body.range(of: "href=\"/verify?r=").map { receipt.body[$0.upperBound...].prefix { $0 != "\"" } })
            pages.append(("verify", try await visitor.get("/verify?r=\(verify)")))
            // A reflected value: the verify page shows a typed code back, and links to itself.
            let reflected = try await visitor.get("/verify?r=" + Visitor.encode([("", Self.attribute + Self.script)]).dropFirst())
            pages.append(("verify (reflected)", reflected))
            #expect(reflected.body.contains((Self.attribute + Self.script).htmlTextEscaped))

            // A cookie planted by a sibling site is replaced, not echoed into the page and the
            // Set-Cookie (where Hummingbird's Cookie traps on characters a cookie may not hold).
            for value in [Self.attribute, Self.sql, "abc"] {
                let planted = Visitor(client)
                planted.cookies.withLock { $0[Cookies.preSession] = value }
                let bindForm = try await planted.get("/bind")
                let pre = try #require(bindForm.field("pre"))
                #expect(pre != value && BindRoutes.isToken(pre))
                #expect(
                    bindForm.setCookies.contains("\(Cookies.preSession)=\(pre); Max-Age=3600; Path=/; HttpOnly; SameSite=Lax")
                        || bindForm.setCookies.contains { $0.hasPrefix("\(Cookies.preSession)=\(pre);") })
                pages.append(("bind form (planted cookie)", bindForm))
            }
            // The pre-session cookie of a real visit is kept.
            let returning = Visitor(client)
            let first = try await returning.get("/bind").field("pre")
            #expect(try await returning.get("/bind").field("pre") == first)

            for (name, page) in pages { Self.expectEscaped(page.body, name) }
            for text in [Self.ownerName, Self.room, Self.definition.name, Self.sql + Self.entity] {
                #expect(pages.contains { $0.1.body.contains(text.htmlTextEscaped) }, "shown verbatim somewhere: \(text)")
            }

            // Stored verbatim.
            let stored = try #require(try await estate.store.register.stored(of: estate.estate))
            let units = stored.register.units.sorted { $0.id < $1.id }
            #expect(units.map(\.building) == [Self.building, "2"])
            #expect(units.map(\.room) == [Self.room, "102"])
            #expect(units.map(\.entrance) == ["1", Self.script])
            #expect(units.flatMap(\.owners).map(\.name) == [Self.ownerName, Self.script])
            let vote = try #require(try await estate.store.voting.vote(estate.vote.id))
            #expect(vote.definition == Self.definition)
            #expect(vote.title == Self.definition.name)
            let row = try await estate.store.withConnection { db in
                try await db.raw("SELECT signature_kind, signature, choices FROM ballots").first()
            }
            #expect(try row?.decode(column: "signature", as: String.self) == Self.signature)
            let choices = try #require(try row.map { try BallotChoices(canonicalJSON: try $0.decode(column: "choices", as: String.self)) })
            #expect(choices.marks["e"] == .candidates([Self.candidateID]))
            // And the owners table is still there.
            #expect(
                try await estate.store.withConnection {
                    try await $0.raw("SELECT COUNT(*) AS n FROM owners").first(decodingColumn: "n", as: Int.self)
                } == 2)
        }
    }

    /// No metacharacter reaches a page unescaped.
    static func expectEscaped(_ html: String, _ page: String) {
        for raw in ["<script>alert", "<img src=x", "\"><img", "<b>", "onerror=alert(1)>"] where html.contains(raw) {
            Issue.record("\(page): \(raw) unescaped")
        }
        #expect(SecurityTests.inlineScriptOrStyle(in: html).isEmpty, "\(page)")
    }

    // Personal data in the logs.

    @Test(arguments: TestDatabase.available)
    func theWholeOwnerFlowAtTraceLevelLogsNoIDNumberPhoneOrCode(_ database: TestDatabase) async throws {
        try await Estate.with(database, logLevel: .trace) { estate, client in
            let visitor = Visitor(client)
            // A wrong number and a wrong code first: failures are logged too.
            let pre = try #require(try await visitor.get("/bind").field("pre"))
            _ = try await visitor.post(
                "/bind", [("pre", pre), ("estate", String(estate.estate)), ("name", "甲"), ("id_number", "110101199909090099")])
            let start = try await visitor.post(
                "/bind", [("pre", pre), ("estate", String(estate.estate)), ("name", "甲"), ("id_number", "110101199001010011")])
            let attempt = try #require(start.field("attempt"))
            _ = try await visitor.post("/bind/code", [("pre", pre), ("attempt", attempt), ("code", "999999")])
            try await visitor.bind(estate, name: "甲", idNumber: "110101199001010011")
            let receipt = try await visitor.vote(estate, fields: [("m.m1", "agree"), ("c.e", "c1")], signature: "甲")
            let verify = try #require(receipt.body.range(of: "href=\"/verify?r=").map { receipt.body[$0.upperBound...].prefix { $0 != "\"" } })
            _ = try await visitor.get("/verify?r=\(verify)")
            let csrf = try #require(receipt.field("csrf"))
            _ = try await visitor.post("/logout", [("csrf", csrf)])

            let logged = estate.logs.all
            #expect(logged.contains("/votes"), "the requests were logged at trace level")
            #expect(logged.contains("message queued") && logged.contains("138****0001"), "the outbox logged the masked phone")
            var secrets = ["110101199001010011", "110101199909090099", "13800000001", "138 0000 0001", "+8613800000001"]
            secrets += estate.phone.sent.withLock {
                $0.compactMap { message in
                    message.body.split(whereSeparator: { !$0.isNumber }).first { $0.count == 6 }.map(String.init)
                }
            }
            #expect(secrets.count >= 7, "the codes sent")
            for secret in secrets {
                let pattern = "(?<![0-9])" + NSRegularExpression.escapedPattern(for: secret) + "(?![0-9])"
                if let found = logged.range(of: pattern, options: .regularExpression) {
                    let line = logged[..<found.upperBound].split(separator: "\n").last ?? ""
                    Issue.record("logged: \(secret) in \(line)")
                }
            }
        }
    }
}

extension String {
    /// How Plot with `textEscaped` writes this as element text.
    var htmlTextEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// The organisers' side of the metacharacter test: a vote set up through the form with SQL
/// and HTML in every text field, a staff name, a document name and the register's rooms,
/// shown on every staff page escaped and verbatim, and stored as typed.
@Suite struct StaffHostileInputTests {
    typealias H = HostileInputTests

    @Test(arguments: TestDatabase.available)
    func everyStaffPageShowsHostileTextEscapedAndVerbatim(_ database: TestDatabase) async throws {
        try await Estate.with(database, registry: H.registry, definition: H.definition) { estate, client in
            // setup: a committee account with a hostile name, a closed and counted vote of the same definition
            let store = estate.store
            try await store.staff.add(
                username: "committee", displayName: H.attribute + H.entity, password: "correct horse battery", role: .committee,
                division: estate.estate, passwordCost: 4)
            let now = store.now().millisecondsSinceEpoch
            let day: Int64 = 86_400_000
            let closed = try await store.voting.createVote(
                estate: estate.estate, definition: H.definition, opensAt: Timestamp(millisecondsSinceEpoch: now - 2 * day),
                closesAt: Timestamp(millisecondsSinceEpoch: now - day), noticedAt: Timestamp(millisecondsSinceEpoch: now - 20 * day))
            _ = try await store.results.settle(closed.id)
            let visitor = Visitor(client)
            let signedIn = try await visitor.post("/staff/login", [("username", "committee"), ("password", "correct horse battery")])
            #expect(signedIn.location == "/manage")

            // act: a vote set up through the form, every text field hostile
            let form = try await visitor.get("/manage/estates/\(estate.estate)/votes/new")
            let csrf = try #require(form.field("csrf"))
            let created = try await visitor.post(
                "/manage/estates/\(estate.estate)/votes",
                [
                    ("csrf", csrf), ("title", H.entity + H.script), ("scope", "all"), ("m1.title", H.attribute + H.sql), ("m1.item", "5"),
                    ("m2.title", H.script), ("m2.item", "3"), ("m2.kind", "election"), ("m2.seats", "1"),
                    ("m2.candidates", H.sql + H.entity + "\n" + H.attribute), ("opens", try #require(form.field("opens"))),
                    ("closes", try #require(form.field("closes"))), ("objection_days", "7"),
                ])
            let draft = try #require(created.location?.split(separator: "/").last.map(String.init), "created: \(created.status) \(created.body)")
            try await store.organising.addDocument(to: draft, name: H.attribute + ".pdf", bytes: Array("%PDF-1.4".utf8), actor: "test")
            // A refused form comes back with what was typed.
            let refused = try await visitor.post(
                "/manage/estates/\(estate.estate)/votes", [("csrf", csrf), ("title", H.attribute), ("opens", H.attribute), ("closes", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.field("title") == H.attribute)
            #expect(refused.field("opens") == H.attribute)

            // check: every page, escaped; each text verbatim somewhere
            let code = try #require(try await store.paper.ballots(of: estate.vote.id).first?.code)
            var pages: [(String, Visitor.Page)] = [("refused form", refused)]
            for path in [
                "/manage", "/manage/votes/\(draft)", "/manage/votes/\(draft)/edit", "/manage/votes/\(estate.vote.id)",
                "/manage/votes/\(estate.vote.id)/paper",
                "/manage/votes/\(estate.vote.id)/dashboard", "/manage/votes/\(estate.vote.id)/delivery",
                "/manage/votes/\(estate.vote.id)/reconciliation", "/manage/votes/\(estate.vote.id)/lists/unbound",
                "/manage/votes/\(estate.vote.id)/mismatches", "/manage/votes/\(closed.id)/result", "/manage/votes/\(closed.id)/report",
            ] {
                let page = try await visitor.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                pages.append((path, page))
            }
            // The entry form, as one of the two clerks named for a vote of the same rooms sees it.
            var clerks: [String] = []
            for name in ["clerk1", "clerk2"] {
                clerks.append(
                    try await store.staff.add(
                        username: name, displayName: name, password: "correct horse battery", role: .clerk, division: estate.estate, passwordCost: 4
                    ).id)
            }
            let named = try await store.voting.createVote(
                estate: estate.estate, definition: H.definition, opensAt: estate.vote.opensAt, closesAt: estate.vote.closesAt, clerks: clerks)
            let clerk = Visitor(client)
            _ = try await clerk.post("/staff/login", [("username", "clerk1"), ("password", "correct horse battery")])
            let namedCode = try #require(try await store.paper.ballots(of: named.id).first?.code)
            let entry = try await clerk.get("/manage/votes/\(named.id)/entry?code=\(namedCode)")
            #expect(entry.status == .ok, "entry: \(entry.status)")
            pages.append(("entry", entry))
            _ = code
            for (name, page) in pages { H.expectEscaped(page.body, name) }
            for text in [
                H.entity + H.script, H.attribute + H.sql, H.sql + H.entity, H.attribute + H.entity, H.attribute + ".pdf", H.room, H.building,
            ] {
                #expect(pages.contains { $0.1.body.contains(text.htmlTextEscaped) }, "shown verbatim somewhere: \(text)")
            }
            // Stored as typed.
            let stored = try #require(try await store.voting.vote(draft))
            #expect(stored.title == H.entity + H.script)
            #expect(stored.definition.matters.map(\.title) == [H.attribute + H.sql, H.script])
            guard case .election(_, let candidates) = stored.definition.matters[1].kind else {
                Issue.record("the election was not stored as one")
                return
            }
            #expect(candidates.map(\.name) == [H.sql + H.entity, H.attribute])
        }
    }
}

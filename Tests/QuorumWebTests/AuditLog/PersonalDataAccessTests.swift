import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, items 1 and 3: the delivery page's "seen online" is personal data, seen only by
/// the committee and the street office and each view logged; a page lists who opened which
/// personal data; a staff member's log export carries other estates' entries as hashes only.
@Suite struct PersonalDataAccessTests {
    static let day: Int64 = 86_400_000

    func get(_ client: some TestClientProtocol, _ uri: String, as credentials: SiteFixture.Credentials) async throws -> (HTTPResponse.Status, String)
    {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: credentials.cookie + "; lang=en"]) {
            ($0.status, String(buffer: $0.body))
        }
    }

    func accountID(_ site: SiteFixture, _ credentials: SiteFixture.Credentials) async throws -> String {
        try #require(try await site.store.staff.session(token: String(credentials.cookie.dropFirst("quorum_staff=".count)))).account.id
    }

    func logLines(_ store: Store, containing text: String) async throws -> [String] {
        var lines: [String] = []
        try await store.log.export { page in lines += page.split(separator: "\n").map(String.init).filter { $0.contains(text) } }
        return lines
    }

    /// A vote of `estate` in its notice period, set up by `actor`.
    func noticedVote(_ site: SiteFixture, estate: Int64, title: String, actor: String) async throws -> StoredVote {
        let now = site.store.now().millisecondsSinceEpoch
        let draft = try await site.store.organising.createDraft(
            estate: estate, definition: VoteDefinition(name: title, matters: [Matter(id: "m1", title: "事项", item: 5)]),
            opensAt: Timestamp(millisecondsSinceEpoch: now + 17 * Self.day), closesAt: Timestamp(millisecondsSinceEpoch: now + 30 * Self.day),
            actor: actor)
        try await site.store.organising.addDocument(to: draft.id, name: "plan.pdf", bytes: Array("%PDF-1.4".utf8), actor: actor)
        try await site.store.nameTwoClerks(of: draft.id, estate: estate)
        return try await site.store.organising.publishNotice(draft.id, actor: actor)
    }

    func otherEstate(_ site: SiteFixture) async throws -> Int64 {
        try #require(try await site.store.register.estates().first { $0.id != site.here }).id
    }

    @Test func seenOnlineIsShownOnlyToTheCommitteeAndTheStreetOfficeEachViewLogged() async throws {
        try await SiteFixture.with { site, client in
            // setup: a vote in its notice period, whose notice the owner has opened online
            let vote = try await noticedVote(site, estate: site.here, title: "公告期的表决", actor: "setup")
            #expect(vote.phase(at: site.store.now()) == .noticed)
            let owner = try #require(try await site.credentials(.ownerHere))
            _ = try await client.execute(uri: "/votes/\(vote.id)", method: .get, headers: [.cookie: owner.cookie]) { $0.status }
            let uri = "/manage/votes/\(vote.id)/delivery"
            // act and check: the committee and the street office see the column, each view logged with who
            for role in [SiteFixture.Role.committeeHere, .streetHere] {
                let credentials = try #require(try await site.credentials(role))
                let (status, body) = try await get(client, uri, as: credentials)
                #expect(status == .ok && body.contains("<th>Seen online</th>") && body.contains("✓"), "\(role)")
                let logged = try await logLines(site.store, containing: #""list":"delivery""#)
                #expect(logged.last?.contains(#""actor":"\#(try await accountID(site, credentials))""#) == true, "\(role)")
            }
            #expect(try await logLines(site.store, containing: #""list":"delivery""#).count == 2)
            // Those who deliver by hand, and the bureau, see the page without it, and nothing is logged.
            for role in [SiteFixture.Role.propertyHere, .clerkHere, .bureau] {
                let (status, body) = try await get(client, uri, as: try #require(try await site.credentials(role)))
                #expect(status == .ok && body.contains("1 of 2 voting persons reached"), "\(role)")
                #expect(!body.contains("Seen online</th>") && !body.contains("✓") && !body.contains("seen-online\""), "\(role)")
            }
            #expect(try await logLines(site.store, containing: #""list":"delivery""#).count == 2)
            // The delivery record is not a list of the lists' route.
            let committee = try #require(try await site.credentials(.committeeHere))
            #expect(try await get(client, "/manage/votes/\(vote.id)/lists/delivery", as: committee).0 == .notFound)
        }
    }

    @Test func theAccessPageNamesWhoOpenedWhatInTheEstatesOneCovers() async throws {
        try await SiteFixture.with { site, client in
            // setup: estate A's committee opens A's delivery record; estate B's committee, B's
            let committee = try #require(try await site.credentials(.committeeHere))
            let elsewhere = try #require(try await site.credentials(.committeeElsewhere))
            let other = try await noticedVote(site, estate: try await otherEstate(site), title: "B小区的表决", actor: "setup")
            _ = try await get(client, "/manage/votes/\(site.open.id)/delivery", as: committee)
            _ = try await get(client, "/manage/votes/\(other.id)/delivery", as: elsewhere)
            _ = try await get(client, "/manage/votes/\(site.closed.id)/export/ballots.csv", as: committee)
            // act
            let (status, page) = try await get(client, "/manage/access", as: committee)
            let (_, pageB) = try await get(client, "/manage/access", as: elsewhere)
            // check: A's committee sees A's two openings, newest first, by name and role; not B's
            #expect(status == .ok)
            let download = try #require(page.range(of: "downloaded ballots.csv"))
            let delivery = try #require(page.range(of: "Delivery records (seen online) | 表决"))
            #expect(download.lowerBound < delivery.lowerBound)
            #expect(page.contains("committeeHere | owners"))
            #expect(!page.contains("B小区的表决") && !page.contains("committeeElsewhere"))
            #expect(pageB.contains("B小区的表决") && pageB.contains("committeeElsewhere") && !pageB.contains("committeeHere"))
            // The street office of A sees A's too; roles without the lists do not see the page.
            #expect(try await get(client, "/manage/access", as: try #require(try await site.credentials(.streetHere))).1.contains("committeeHere"))
            #expect(try await get(client, "/manage/access", as: try #require(try await site.credentials(.clerkHere))).0 == .forbidden)
        }
    }

    @Test func aStaffLogExportCarriesOtherEstatesEntriesAsHashesOnlyAndStillVerifies() async throws {
        try await SiteFixture.with { site, client in
            // setup: estate B's vote, set up and its delivery record opened by B's committee
            let elsewhere = try #require(try await site.credentials(.committeeElsewhere))
            let actorB = try await accountID(site, elsewhere)
            let other = try await noticedVote(site, estate: try await otherEstate(site), title: "B小区的表决", actor: actorB)
            _ = try await get(client, "/manage/votes/\(other.id)/delivery", as: elsewhere)
            // act: estate A's committee downloads the log
            let committee = try #require(try await site.credentials(.committeeHere))
            let (status, export) = try await get(client, "/manage/votes/\(site.closed.id)/export/log.jsonl", as: committee)
            // check: nothing of B's entries but their hashes; A's in full; every hash and head verifies
            #expect(status == .ok)
            #expect(!export.contains("B小区的表决") && !export.contains(actorB) && !export.contains(other.id))
            #expect(export.contains(site.closed.id))
            let withheld = export.split(separator: "\n").filter { $0.hasPrefix(#"{"index":"#) && $0.contains(#""leaf_hash""#) }
            #expect(withheld.count >= 3)
            let summary = try await LogExport.verify(Array(export.utf8)).result.get()
            let size = try await site.store.log.size()
            #expect(summary.withheld == withheld.count && summary.entries == size)
            // The full log (`quorum log export`) has the same heads.
            var full = ""
            try await site.store.log.export { full += $0 }
            #expect(try await LogExport.verify(Array(full.utf8)).result.get().latest == summary.latest)
            #expect(full.contains("B小区的表决"))
        }
    }
}

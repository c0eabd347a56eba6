import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 20: a matter's Art. 278 item decides its threshold, so the set-up form has
/// no silent default: a matter without one is refused, saying so.
@Suite struct SetupFormTests {
    @Test func aMatterWithoutItsArt278ItemIsRefused() async throws {
        try await SiteFixture.with { site, client in
            let credentials = try #require(try await site.credentials(.committeeHere))
            let committee = Visitor(client)
            committee.cookies.withLock { $0["quorum_staff"] = String(credentials.cookie.dropFirst("quorum_staff=".count)) }
            let now = site.store.voting.now().millisecondsSinceEpoch
            let day: Int64 = 86_400_000
            let opens = VoteForm.local(Timestamp(millisecondsSinceEpoch: now + 20 * day))
            let closes = VoteForm.local(Timestamp(millisecondsSinceEpoch: now + 30 * day))
            let fields = [
                ("csrf", credentials.csrf), ("title", "电梯"), ("scope", "all"), ("m1.title", "更换电梯"), ("opens", opens), ("closes", closes),
                ("objection_days", "7"),
            ]
            // act: the form without the item, then with it
            let refused = try await committee.post("/manage/estates/\(site.here)/votes", fields)
            let saved = try await committee.post("/manage/estates/\(site.here)/votes", fields + [("m1.item", "5")])
            // check
            #expect(refused.status != .seeOther && refused.body.contains("请选择第二百七十八条的事项"))
            #expect(saved.status == .seeOther)
            #expect(try await site.store.voting.votes(of: site.here).contains { $0.title == "电梯" && $0.definition.matters.first?.item == 5 })
        }
    }
}

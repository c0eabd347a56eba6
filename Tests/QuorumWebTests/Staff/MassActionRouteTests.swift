import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, items 11 and 18, as the organisers see them: mass actions ask first and say what
/// they will do; reminders show their text, how many and who sent them last, and are not sent
/// twice within the quiet hours unless it is meant; the print run leaves out those who voted;
/// the entry form says at once that a ballot cannot be entered.
@Suite struct MassActionRouteTests {
    func signedIn(_ role: SiteFixture.Role, _ site: SiteFixture, _ client: any TestClientProtocol) async throws -> (Visitor, String) {
        let credentials = try #require(try await site.credentials(role))
        let visitor = Visitor(client)
        visitor.cookies.withLock { $0["quorum_staff"] = String(credentials.cookie.dropFirst("quorum_staff=".count)) }
        return (visitor, credentials.csrf)
    }

    @Test func remindersArePreviewedConfirmedAndNotResentByMistake() async throws {
        try await SiteFixture.with { site, client in
            // setup: the committee on the open vote's dashboard
            let (committee, csrf) = try await signedIn(.committeeHere, site, client)
            let dashboard = "/manage/votes/\(site.open.id)/dashboard"
            let before = try await committee.get(dashboard)
            #expect(before.body.contains(#"id="reminder-text""#) && before.body.contains("您尚未投票"))
            #expect(before.body.contains("现在向 2 个手机号发送提醒短信？"), "the confirmation says how many")
            #expect(!before.body.contains(#"id="reminder-rounds""#))
            // act: a round, then another at once
            let sent = try await committee.post("/manage/votes/\(site.open.id)/reminders", [("csrf", csrf)])
            #expect(sent.body.contains("已发送 2 条提醒") && sent.body.contains(#"id="reminder-rounds""#) && sent.body.contains("由 committeeHere 发送 2 条"))
            #expect(sent.body.contains(#"id="again""#), "within the quiet hours the form asks whether it is meant")
            let again = try await committee.post("/manage/votes/\(site.open.id)/reminders", [("csrf", csrf)])
            // check: refused, saying when the last went out; meant, it goes
            #expect(again.body.contains("刚发送过 2 条提醒") && again.body.contains(#"class="alert" role="alert" id="message""#))
            let meant = try await committee.post("/manage/votes/\(site.open.id)/reminders", [("csrf", csrf), ("again", "1")])
            #expect(meant.body.contains("已发送 2 条提醒"))
            #expect(try await site.store.organising.reminderPreview(of: site.open).rounds.count == 2)
        }
    }

    @Test func massActionsAskFirstSayingWhatTheyDo() async throws {
        try await SiteFixture.with { site, client in
            let (committee, _) = try await signedIn(.committeeHere, site, client)
            let delivery = try await committee.get("/manage/votes/\(site.open.id)/delivery")
            #expect(delivery.body.contains("尚无送达记录的 2 位表决人将记为“公告送达”"))
            let result = try await committee.get("/manage/votes/\(site.closed.id)/result")
            #expect(result.body.contains("data-confirm=\"公布最终结果？"))
            let (clerk, _) = try await signedIn(.clerkHere, site, client)
            let ballot = try #require(try await site.store.paper.ballots(of: site.open.id).first)
            let entry = try await clerk.get("/manage/votes/\(site.open.id)/entry?code=\(ballot.code)")
            #expect(entry.body.contains("data-confirm=\"把这张选票整张记为废票？"))
        }
    }

    @Test func thePrintRunLeavesOutThoseWhoVotedAndTheFormRefusesBeforeTyping() async throws {
        try await SiteFixture.with { site, client in
            // setup: one voting person of the open vote votes online; a ballot entered by this clerk
            let (clerk, csrf) = try await signedIn(.clerkHere, site, client)
            let ballots = try await site.store.paper.ballots(of: site.open.id)
            let cookie = try #require(try await site.credentials(.ownerHere)).cookie
            let owner = try #require(try await site.store.binding.session(token: String(cookie.dropFirst("quorum_session=".count))))
            let person = try #require(try await site.store.voting.voters(in: site.open.id, owner: owner.idHash).first?.person)
            let voted = try #require(ballots.first { $0.person == person })
            _ = try await site.store.voting.castOnline(
                vote: site.open.id, person: person, owner: owner.idHash, choices: BallotChoices(["m1": .option(.agree)]), signature: .typed("甲"))
            let other = try #require(ballots.first { $0.person != voted.person })
            _ = try await clerk.post(
                "/manage/votes/\(site.open.id)/entry", [("csrf", csrf), ("code", other.code), ("m.m1", "agree")])
            // act: print every ballot; open the one this clerk entered
            let print = try await clerk.get("/manage/votes/\(site.open.id)/paper")
            let again = try await clerk.get("/manage/votes/\(site.open.id)/entry?code=\(other.code)")
            // check: the voter's ballot is left out and counted; the entered one refused before any typing
            #expect(!print.body.contains(voted.code) && print.body.contains(other.code))
            #expect(print.body.contains("已投票的 1 位不印"))
            #expect(again.status == .conflict && again.body.contains(#"id="entry-refused""#) && !again.body.contains(#"id="save-entry""#))
            #expect(again.body.contains("您已录入过这张票"))
            // the voter's own household page prints nothing
            let household = try await clerk.get("/manage/votes/\(site.open.id)/paper?person=\(voted.person)")
            #expect(!household.body.contains(#"class="paper-ballot""#))
        }
    }
}

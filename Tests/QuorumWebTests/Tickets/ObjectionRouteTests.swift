import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 16, as an owner and the desks see it: an objection filed from the result
/// page, answered in writing by the committee, the answer on the owner's page; the street
/// office's list of every open one; outside text escaped.
@Suite struct ObjectionRouteTests {
    @Test func anOwnerObjectsAndTheCommitteeAnswersInWriting() async throws {
        try await SiteFixture.with { site, client in
            // setup: the owner and the committee, signed in; the fixture's vote has a preliminary result
            let owner = Visitor(client)
            let ownerCredentials = try #require(try await site.credentials(.ownerHere))
            owner.cookies.withLock { $0["quorum_session"] = String(ownerCredentials.cookie.dropFirst("quorum_session=".count)) }
            let result = "/votes/\(site.closed.id)/result"
            #expect(try await owner.get(result).body.contains(#"id="file-objection""#))

            // act: the owner objects, with text that must not run as HTML
            let filed = try await owner.post(
                "/votes/\(site.closed.id)/objections",
                [("csrf", ownerCredentials.csrf), ("person", String(site.person)), ("matter", "m1"), ("text", "<script>x</script> 少计一票")])

            // check: filed, shown back escaped, awaiting the committee
            #expect(filed.status == .ok)
            #expect(filed.body.contains(#"id="objection-message""#))
            #expect(filed.body.contains("&lt;script&gt;x&lt;/script&gt; 少计一票") && !filed.body.contains("<script>x"))
            let mine = try await site.store.tickets.tickets(about: site.closed.subject).filter { $0.text.hasSuffix("少计一票") }
            let ticket = try #require(mine.first)
            #expect(filed.body.contains("待业委会于"))

            // act: the committee answers it
            let committee = try #require(try await site.credentials(.committeeHere))
            let staff = Visitor(client)
            staff.cookies.withLock { $0["quorum_staff"] = String(committee.cookie.dropFirst("quorum_staff=".count)) }
            let page = try await staff.get("/manage/votes/\(site.closed.id)/objections")
            #expect(page.body.contains(#"id="send-answer-\#(ticket.id)""#))
            #expect(page.body.contains(#"data-confirm="#))
            let answered = try await staff.post(
                "/manage/votes/\(site.closed.id)/objections", [("csrf", committee.csrf), ("ticket", ticket.id), ("answer", "已复核，该票已计入。")])
            #expect(answered.status == .ok)
            #expect(answered.body.contains(#"id="answer-\#(ticket.id)""#))
            // answering twice is refused, saying why
            let twice = try await staff.post(
                "/manage/votes/\(site.closed.id)/objections", [("csrf", committee.csrf), ("ticket", ticket.id), ("answer", "再答")])
            #expect(twice.status == .conflict && twice.body.contains("这项异议已经答复"))

            // check: the owner reads the answer on the result page
            let after = try await owner.get(result)
            #expect(after.body.contains("已复核，该票已计入。"))
            #expect(after.body.contains("业委会已于"))
            // the final result is refused (the objection period runs; ObjectionTests shows an
            // unanswered objection holds it after the period too)
            let publish = try await staff.post("/manage/votes/\(site.closed.id)/publish", [("csrf", committee.csrf), ("final", "1")])
            #expect(publish.status == .conflict)
        }
    }

    @Test func theStreetOfficeSeesEveryOpenObjectionOfItsEstatesOnly() async throws {
        try await SiteFixture.with { site, client in
            for (role, sees) in [(SiteFixture.Role.streetHere, true), (.streetElsewhere, false)] {
                let credentials = try #require(try await site.credentials(role))
                let visitor = Visitor(client)
                visitor.cookies.withLock { $0["quorum_staff"] = String(credentials.cookie.dropFirst("quorum_staff=".count)) }
                let page = try await visitor.get("/manage/objections")
                #expect(page.status == .ok)
                #expect(page.body.contains("第3栋的纸质票未计入") == sees, "\(role)")
                #expect(page.body.contains(#"id="no-open-objections""#) != sees, "\(role)")
            }
        }
    }

    @Test func anOwnerDisputesABallotReceivedInTheirNameFromTheirList() async throws {
        try await SiteFixture.with { site, client in
            // setup: the fixture's owner voted in the closed vote, whose result is preliminary
            let owner = Visitor(client)
            let credentials = try #require(try await site.credentials(.ownerHere))
            owner.cookies.withLock { $0["quorum_session"] = String(credentials.cookie.dropFirst("quorum_session=".count)) }
            let dispute = SiteURL.vote(site.closed.id, .dispute(person: String(site.person))).path
            #expect(try await owner.get(SiteURL.votes.path).body.contains(dispute))
            let page = try await owner.get(dispute)
            #expect(page.status == .ok && page.body.contains(#"id="send-dispute""#) && page.body.contains("的表决票已于"))
            // refused, keeping the page: no text
            let empty = try await owner.post(
                SiteURL.vote(site.closed.id, .dispute()).path, [("csrf", credentials.csrf), ("person", String(site.person)), ("text", " ")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("请填写内容"))
            // act
            let filed = try await owner.post(
                SiteURL.vote(site.closed.id, .dispute()).path,
                [("csrf", credentials.csrf), ("person", String(site.person)), ("text", "我没有投这张票")])
            // check: filed, shown with where it stands, and on the committee's page for the vote
            #expect(filed.status == .ok && filed.body.contains("我没有投这张票") && filed.body.contains("待业委会于"))
            let ticket = try #require(try await site.store.tickets.tickets(about: site.closed.subject).first { $0.kind == .ballotDispute })
            let committee = try #require(try await site.credentials(.committeeHere))
            let desk = try await client.execute(
                uri: SiteURL.manageVote(site.closed.id, .objections).path, method: .get, headers: [.cookie: committee.cookie]
            ) { String(buffer: $0.body) }
            #expect(desk.contains("对以本户名义收到的选票的异议") && desk.contains(#"id="send-answer-\#(ticket.id)""#))
            // another owner's person is not this owner's to dispute
            let other = try await owner.get(SiteURL.vote(site.closed.id, .dispute(person: "999")).path)
            #expect(other.status == .notFound)
        }
    }
}

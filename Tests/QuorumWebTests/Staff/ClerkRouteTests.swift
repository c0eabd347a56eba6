import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 2, through the web: only the named clerks enter a vote's paper ballots; the
/// committee names them before the notice and replaces one after with a reason, which the
/// notice shows; accounts are opened within their scope, disabled and reset by their manager.
@Suite struct ClerkRouteTests {
    let mass = MassActionRouteTests()

    func signIn(_ username: String, _ password: String, _ client: any TestClientProtocol) async throws -> Visitor {
        let visitor = Visitor(client)
        let answer = try await visitor.post("/staff/login", [("username", username), ("password", password)])
        #expect(answer.location == "/manage", "\(username) signs in")
        return visitor
    }

    func csrf(_ visitor: Visitor) async throws -> String { try #require(try await visitor.get("/manage").field("csrf")) }

    @Test func onlyTheNamedClerksEnterTheVotesPaperBallots() async throws {
        try await SiteFixture.with { site, client in
            // setup: a clerk account of the estate opened after the notice
            _ = try await site.store.staff.add(
                username: "late", displayName: "late", password: "matrix password", role: .clerk, division: site.here, passwordCost: 4)
            let late = try await signIn("late", "matrix password", client)
            let (named, _) = try await mass.signedIn(.clerkHere, site, client)
            // act
            let refused = try await late.get("/manage/votes/\(site.open.id)/entry")
            let posted = try await late.post("/manage/votes/\(site.open.id)/entry", [("csrf", try await csrf(late)), ("code", "x")])
            let overview = try await late.get("/manage/votes/\(site.open.id)")
            // check: refused with the reason, no link to the entry; the named clerk enters
            #expect(refused.status == .forbidden && refused.body.contains("您不是本次表决指定的计票人"))
            #expect(posted.status == .forbidden)
            #expect(!overview.body.contains(#"id="to-entry""#))
            #expect(try await named.get("/manage/votes/\(site.open.id)/entry").status == .ok)
            #expect(try await named.get("/manage/votes/\(site.open.id)").body.contains(#"id="to-entry""#))
        }
    }

    @Test func theCommitteeNamesTwoClerksBeforeTheNoticeAndReplacesOneWithAReason() async throws {
        try await SiteFixture.with { site, client in
            // setup: a draft of the estate; the fixture's clerks
            let (committee, csrf) = try await mass.signedIn(.committeeHere, site, client)
            let now = site.store.now().millisecondsSinceEpoch
            let draft = try await site.store.organising.createDraft(
                estate: site.here, definition: site.open.definition, opensAt: Timestamp(millisecondsSinceEpoch: now + 17 * 86_400_000),
                closesAt: Timestamp(millisecondsSinceEpoch: now + 20 * 86_400_000), actor: "setup")
            let second = try #require(try await site.store.staff.account(username: "clerkHere2"))
            let page = "/manage/votes/\(draft.id)"
            #expect(try await committee.get(page).body.contains(#"id="clerk-clerkhere2""#), "the form offers the estate's clerks")
            // act and check: one clerk is not enough, said in words; two are
            _ = try await committee.post(page + "/clerks", [("csrf", csrf), ("clerk", site.clerk)])
            let refused = try await committee.post(page + "/notice", [("csrf", csrf)])
            #expect(refused.status == .conflict && refused.body.contains("发布公告前须指定至少 2 名计票人（现有 1 名）"))
            _ = try await committee.post(page + "/clerks", [("csrf", csrf), ("clerk", site.clerk), ("clerk", second.id)])
            #expect(try await committee.post(page + "/notice", [("csrf", csrf)]).status == .seeOther)
            // A replacement after the notice needs a reason; the notice shows it.
            let late = try await site.store.staff.add(
                username: "wang", displayName: "录入员 王", password: "matrix password", role: .clerk, division: site.here, passwordCost: 4)
            let noReason = try await committee.post(
                page + "/clerks", [("csrf", csrf), ("replaced", second.id), ("replacement", late.id), ("reason", "")])
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("请写明替换原因"))
            _ = try await committee.post(
                page + "/clerks", [("csrf", csrf), ("replaced", second.id), ("replacement", late.id), ("reason", "因病住院")])
            let overview = try await committee.get(page)
            #expect(overview.body.contains("由 录入员 王 替换 clerkHere2：因病住院"))
            #expect(overview.body.contains("计票人：clerkHere、录入员 王") || overview.body.contains("计票人：录入员 王、clerkHere"))
            // The owners' notice of the fixture's open vote names its clerks and scrutineer.
            let owner = Visitor(client)
            let cookie = try #require(site.ownerSessions[.ownerHere]).cookie
            owner.cookies.withLock { $0["quorum_session"] = String(cookie.dropFirst("quorum_session=".count)) }
            let notice = try await owner.get("/votes/\(site.open.id)")
            #expect(notice.body.contains(#"id="named-staff""#) && notice.body.contains("clerkHere2") && notice.body.contains("监票人：streetHere"))
        }
    }

    @Test func accountsAreOpenedInScopeDisabledAndResetByTheirManager() async throws {
        try await SiteFixture.with { site, client in
            // setup: the street office over the estate, and the estate's clerk signed in
            let (street, csrf) = try await mass.signedIn(.streetHere, site, client)
            let (clerk, _) = try await mass.signedIn(.clerkHere, site, client)
            // act and check: no bureau account from a street office, nor a second committee
            let bureau = try await street.post(
                "/manage/staff",
                [
                    ("csrf", csrf), ("username", "b2"), ("display_name", "b2"), ("password", "a long password"), ("role", "bureau"),
                    ("division", String(site.here)),
                ])
            #expect(bureau.status == .badRequest && bureau.body.contains("您不能创建或管理"))
            let committee = try await street.post(
                "/manage/staff",
                [
                    ("csrf", csrf), ("username", "c2"), ("display_name", "c2"), ("password", "a long password"), ("role", "committee"),
                    ("division", String(site.here)),
                ])
            #expect(committee.body.contains("该小区的业委会已有成员账户"))
            // Disabled: the clerk's session ends at once.
            let account = "/manage/staff/\(site.clerk)"
            #expect(try await street.get(account).body.contains(#"id="toggle""#))
            _ = try await street.post(account, [("csrf", csrf), ("change", "disabled")])
            #expect(try await clerk.get("/manage").location == "/staff/login")
            _ = try await street.post(account, [("csrf", csrf), ("change", "enabled")])
            // Reset: the next sign-in goes to the new password before any other page.
            let reset = try await street.post(account, [("csrf", csrf), ("change", "password_reset"), ("value", "temporary password")])
            #expect(reset.status == .ok && reset.body.contains("下次登录须修改密码"))
            let again = try await signIn("clerkHere", "temporary password", client)
            #expect(try await again.get("/manage/votes/\(site.open.id)/entry").location == "/manage/password")
            let form = try await again.get("/manage/password")
            #expect(form.body.contains(#"id="forced""#))
            let token = try #require(form.field("csrf"))
            let changed = try await again.post(
                "/manage/password", [("csrf", token), ("current", "temporary password"), ("new", "my own new password")])
            #expect(changed.status == .ok && changed.body.contains("密码已修改"))
            #expect(try await again.get("/manage/votes/\(site.open.id)/entry").status == .ok)
        }
    }
}

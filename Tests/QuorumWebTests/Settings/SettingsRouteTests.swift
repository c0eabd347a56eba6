import HummingbirdTesting
import NIOCore
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 23: the estate's settings page: the committee changes them naming what
/// decided it, refused with the reason otherwise; the history shows who and why; the set-up
/// form shows what a new vote will take.
@Suite struct SettingsRouteTests {
    static let fields: [(String, String)] = [
        ("objection_days", "5"), ("answer_days", "7"), ("counting_days", "3"), ("proxy_cap", ""),
    ]

    @Test func theCommitteeChangesTheSettingsNamingWhatDecidedIt() async throws {
        try await SiteFixture.with { site, client in
            let credentials = try #require(try await site.credentials(.committeeHere))
            let committee = Visitor(client)
            committee.cookies.withLock { $0["quorum_staff"] = String(credentials.cookie.dropFirst("quorum_staff=".count)) }
            let url = SiteURL.estateSettings(estate: String(site.here)).path
            #expect(try await committee.get(url).body.contains("默认设置"))
            // refused, changing nothing: no basis; a vote whose result is not final
            let bare = try await committee.post(url, [("csrf", credentials.csrf)] + Self.fields)
            let notFinal = try await committee.post(url, [("csrf", credentials.csrf), ("basis", "vote"), ("vote", site.closed.id)] + Self.fields)
            #expect(bare.status == .unprocessableContent && bare.body.contains("请注明变更依据"))
            #expect(notFinal.status == .unprocessableContent && notFinal.body.contains("所选表决不是本小区已公布最终结果的表决"))
            #expect(notFinal.field("objection_days") == "5")  // the form keeps what was typed
            // a day count left empty, or a cap that is no number, is refused, not taken as a default
            let emptyDays = try await committee.post(
                url,
                [
                    ("csrf", credentials.csrf), ("basis", "vote"), ("vote", site.closed.id), ("objection_days", ""), ("answer_days", "7"),
                    ("counting_days", "3"),
                ])
            #expect(emptyDays.status == .unprocessableContent && emptyDays.body.contains("“结果异议期（天）”须在 0 到 60 之间"))
            let badCap = try await committee.post(
                url,
                [("csrf", credentials.csrf), ("basis", "vote"), ("vote", site.closed.id)] + [
                    ("objection_days", "5"), ("answer_days", "7"), ("counting_days", "3"), ("proxy_cap", "x"),
                ])
            #expect(badCap.status == .unprocessableContent && badCap.body.contains("“一名受托人最多代理（户，留空为不限）”须在 1 到 10000 之间"))
            #expect(try await site.store.settings.history(of: site.here).isEmpty)
            // act: the rules as adopted, uploaded
            let boundary = "quorum-test-boundary"
            var body = ByteBuffer()
            for (name, value) in [("csrf", credentials.csrf), ("basis", "document"), ("ballot_change", "1")] + Self.fields {
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
            }
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"议事规则.pdf\"\r\n")
            body.writeString("Content-Type: application/pdf\r\n\r\n%PDF-1.4 rules\r\n--\(boundary)--\r\n")
            let status = try await client.execute(
                uri: url, method: .post, headers: [.cookie: credentials.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                body: body
            ) { $0.status }
            // check: saved as revision 1, with what changed and the document that decided it
            #expect(status == .seeOther)
            let page = try await committee.get(url)
            #expect(page.body.contains("第 1 版") && page.body.contains("异议期 7 天 → 5 天") && page.body.contains("可修改网上投票 否 → 是"))
            #expect(page.body.contains(SiteURL.estateSettingsDocument(estate: String(site.here), revision: "1").path))
            let (settings, revision) = try await site.store.settings.current(of: site.here)
            #expect(revision == 1 && settings.objectionDays == 5 && settings.ballotChange)
            let document = try await client.execute(
                uri: SiteURL.estateSettingsDocument(estate: String(site.here), revision: "1").path, method: .get,
                headers: [.cookie: credentials.cookie]
            ) { String(buffer: $0.body) }
            #expect(document.contains("%PDF-1.4 rules"))
            // a new vote's form says what it will take
            let form = try await committee.get(SiteURL.newVote(estate: String(site.here)).path)
            #expect(form.body.contains("异议期：5 天") && form.body.contains("可修改网上投票：是"))
            // the street office reads the settings but has no form to change them
            let street = try #require(try await site.credentials(.streetHere))
            let seen = try await client.execute(uri: url, method: .get, headers: [.cookie: street.cookie]) { String(buffer: $0.body) }
            #expect(seen.contains("第 1 版") && !seen.contains("save-settings"))
        }
    }
}

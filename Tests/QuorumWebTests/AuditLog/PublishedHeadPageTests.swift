import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// Issue 13, items 5 and 17: the notice and the result show the head signed when they were
/// published; the result notice states each matter's verdict and why; the owner's list shows
/// the outcome; the verify page checks a head copied from a notice. On both databases.
@Suite struct PublishedHeadPageTests {
    typealias Role = SiteFixture.Role

    func get(_ client: any TestClientProtocol, _ uri: String, as credentials: SiteFixture.Credentials?, lang: String = "zh") async throws -> (
        HTTPResponse.Status, String
    ) {
        let cookie = (credentials.map { $0.cookie + "; " } ?? "") + "lang=\(lang)"
        return try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    @Test(arguments: TestDatabase.available)
    func theNoticeAndTheResultShowTheHeadSignedWithTheirPublication(_ database: TestDatabase) async throws {
        try await SiteFixture.with(on: database) { site, client in
            let owner = try await site.credentials(.ownerHere)
            let committee = try await site.credentials(.committeeHere)
            let noticeHead = try #require(try await site.store.log.head(covering: "notice_published", of: site.open.id))
            let resultHead = try #require(try await site.store.log.head(covering: "published", of: site.closed.id, last: true))
            // The log grew after both: the pages still show the heads of their moment.
            #expect(try await site.store.log.latestHead()!.size > max(noticeHead.size, resultHead.size))
            let (_, notice) = try await get(client, "/votes/\(site.open.id)", as: owner)
            #expect(notice.contains(#"<dd class="head-size">\#(noticeHead.size)</dd>"#))
            #expect(notice.contains(#"<dd class="head-root">\#(CopiedHead.grouped(noticeHead.root))</dd>"#))
            #expect(notice.contains(#"<dd class="head-key">\#(noticeHead.keyID)</dd>"#))
            #expect(notice.contains("公告发布时签名的树头"))
            #expect(notice.contains("/verify?size=\(noticeHead.size)"))
            // The organisers' page of the vote, where they print the notice from, shows the same head.
            let (_, overview) = try await get(client, "/manage/votes/\(site.open.id)", as: committee)
            #expect(overview.contains(#"<dd class="head-root">\#(CopiedHead.grouped(noticeHead.root))</dd>"#))
            for (uri, who) in [("/votes/\(site.closed.id)/result", owner), ("/manage/votes/\(site.closed.id)/result", committee)] {
                let (status, page) = try await get(client, uri, as: who, lang: "en")
                #expect(status == .ok, "\(uri)")
                #expect(page.contains(#"<dd class="head-root">\#(CopiedHead.grouped(resultHead.root))</dd>"#), "\(uri)")
                #expect(page.contains("The head signed when this result was published"), "\(uri)")
                #expect(page.contains(#"id="to-result-notice""#) && page.contains("\(site.closed.id)/result/notice"), "\(uri)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theResultNoticeStatesEachVerdictWithItsReasonAndTheOwnersListTheOutcome(_ database: TestDatabase) async throws {
        try await SiteFixture.with(on: database) { site, client in
            let owner = try await site.credentials(.ownerHere)
            let resultHead = try #require(try await site.store.log.head(covering: "published", of: site.closed.id, last: true))
            let published = try #require(try await site.store.voting.vote(site.closed.id)?.preliminaryAt)
            // One of two owners (100 of 180 m²) voted: participation below 2/3 by both.
            for (uri, who) in [
                ("/votes/\(site.closed.id)/result/notice", owner),
                ("/manage/votes/\(site.closed.id)/result/notice", try await site.credentials(.streetHere)),
            ] {
                let (status, zh) = try await get(client, uri, as: who)
                #expect(status == .ok, "\(uri)")
                #expect(zh.contains("组织者：小区A业主委员会"))
                #expect(zh.contains("初步结果，公布日期：\(published.localMinute.prefix(10))"))
                #expect(zh.contains("参与表决：人数 1 / 2（50.0%）· 面积 100.00 / 180.00 m²（55.6%）"))
                #expect(zh.contains("结果：未通过：参与表决的面积不足三分之二；参与表决的人数不足三分之二"))
                #expect(zh.contains(#"<dd class="head-root">\#(CopiedHead.grouped(resultHead.root))</dd>"#))
                #expect(zh.contains(#"id="seal""#) && zh.contains("（盖章）"))
                let (_, en) = try await get(client, uri, as: who, lang: "en")
                #expect(en.contains("Verdict: Not passed: participation below 2/3 of the area; participation below 2/3 of the owners"))
                #expect(en.contains("Took part: heads 1 / 2 (50.0%) | area 100.00 / 180.00 m² (55.6%)"))
            }
            // Not published yet: no notice.
            #expect(try await get(client, "/votes/\(site.open.id)/result/notice", as: owner).0 == .notFound)
            // The owner's list: the published vote's outcome, per matter.
            let (_, list) = try await get(client, "/votes", as: owner, lang: "en")
            #expect(list.contains(#"id="outcome-\#(site.closed.id)""#))
            #expect(list.contains("✗ Not passed | 事项"))
            #expect(!list.contains(#"id="outcome-\#(site.open.id)""#))
        }
    }

    @Test(arguments: TestDatabase.available)
    func theVerifyPageChecksAHeadCopiedFromANotice(_ database: TestDatabase) async throws {
        try await SiteFixture.with(on: database) { site, client in
            let head = try #require(try await site.store.log.head(covering: "notice_published", of: site.open.id))
            let latest = try #require(try await site.store.log.latestHead())
            func verify(size: String, root: String, post: Bool = false) async throws -> String {
                if post {
                    var headers = HTTPFields()
                    headers[.contentType] = "application/x-www-form-urlencoded"
                    let body = "size=\(size)&root=" + (root.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                    return try await client.execute(uri: "/verify", method: .post, headers: headers, body: ByteBuffer(string: body)) {
                        String(buffer: $0.body)
                    }
                }
                return try await get(client, "/verify?size=\(size)&root=\(root)&lang=en", as: nil).1
            }
            // consistent, as linked from the notice and as typed from paper (groups, upper case)
            let linked = try await verify(size: String(head.size), root: ByteText.hex(head.root))
            #expect(linked.contains(#"id="head-result" data-outcome="pass""#))
            #expect(linked.contains("today's log (\(latest.size) entries) proves"))
            let typed = try await verify(size: String(head.size), root: CopiedHead.grouped(head.root).uppercased(), post: true)
            #expect(typed.contains(#"id="head-result" data-outcome="pass""#))
            // a root one digit off, a size beyond the log, and nonsense: each fails and says why
            var wrong = head.root
            wrong[0] ^= 0x10
            let inconsistent = try await verify(size: String(head.size), root: ByteText.hex(wrong))
            #expect(inconsistent.contains(#"data-outcome="fail""#) && inconsistent.contains("do not match this root"))
            let beyond = try await verify(size: String(latest.size + 1), root: ByteText.hex(head.root))
            #expect(beyond.contains(#"data-outcome="fail""#) && beyond.contains("has only \(latest.size) signed ones"))
            let nonsense = try await verify(size: "x", root: "12")
            #expect(nonsense.contains(#"data-outcome="fail""#) && nonsense.contains("Cannot read this"))
        }
    }
}

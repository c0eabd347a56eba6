import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 20, as the committee records delivery: by hand, text, phone or post with the
/// day it happened, a public posting with its date and photo; a bad record is refused saying
/// why, and nothing is recorded.
@Suite struct DeliveryRouteTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    @Test func aDeliveryIsRecordedWithItsWayAndDayAndABadDayIsRefused() async throws {
        try await SiteFixture.with { site, client in
            let (committee, csrf) = try await MassActionRouteTests().signedIn(.committeeHere, site, client)
            let uri = "/manage/votes/\(site.open.id)/delivery"
            let person = try #require(try await site.store.organising.persons(of: site.open.id).first?.person)
            let today = String(site.store.now().localMinute.prefix(10))
            let page = try await committee.get(uri)
            #expect(page.body.contains(#"id="method-\#(person)""#) && page.body.contains(#"<option value="text">短信送达</option>"#))
            #expect(page.body.contains(#"<input type="date" name="day" value="\#(today)" aria-label="送达日期" max="\#(today)" id="day-\#(person)"/>"#))
            // act: a day after today, then a text today
            let refused = try await committee.post(uri, [("csrf", csrf), ("person", String(person)), ("method", "text"), ("day", "2099-01-01")])
            #expect(refused.status == .unprocessableContent && refused.body.contains("送达日期 2099-01-01 不在公告发布日"))
            #expect(try await site.store.organising.persons(of: site.open.id).first { $0.person == person }?.deliveries == [])
            let recorded = try await committee.post(uri, [("csrf", csrf), ("person", String(person)), ("method", "text"), ("day", today)])
            #expect(recorded.status == .seeOther && recorded.location?.hasSuffix("#p\(person)") == true)
            // check: the record with its way and day; the form offers only the ways not yet recorded
            let after = try await committee.get(uri)
            #expect(after.body.contains("短信送达 \(today)"))
            func texts(_ body: String) -> Int { body.components(separatedBy: #"<option value="text">"#).count - 1 }
            #expect(texts(after.body) == texts(page.body) - 1)
        }
    }

    @Test func aPostingNeedsItsPhotoWhichIsThenListedAndServed() async throws {
        try await SiteFixture.with { site, client in
            let credentials = try #require(try await site.credentials(.committeeHere))
            let today = String(site.store.now().localMinute.prefix(10))
            func post(photo: [UInt8]?) async throws -> (HTTPResponse.Status, String) {
                let boundary = "quorum-test-boundary"
                var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(credentials.csrf)\r\n")
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"day\"\r\n\r\n\(today)\r\n")
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"posting.png\"\r\n")
                body.writeString("Content-Type: image/png\r\n\r\n")
                body.writeBytes(photo ?? [])
                body.writeString("\r\n--\(boundary)--\r\n")
                return try await client.execute(
                    uri: "/manage/votes/\(site.open.id)/posting", method: .post,
                    headers: [.cookie: credentials.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], body: body
                ) { ($0.status, String(buffer: $0.body)) }
            }
            let unreached = try await site.store.organising.persons(of: site.open.id).filter { $0.deliveries.isEmpty }.count
            // act: without a photo, then with one
            let refused = try await post(photo: nil)
            #expect(refused.0 == .unprocessableContent && refused.1.contains("记录公告张贴须附张贴现场的照片"))
            #expect(try await site.store.organising.persons(of: site.open.id).filter { $0.deliveries.isEmpty }.count == unreached)
            let recorded = try await post(photo: Self.png)
            // check: covered, listed with its day, and the photo is served as a PNG
            #expect(recorded.0 == .ok && recorded.1.contains("已为 \(unreached) 位表决人记录公告送达"))
            #expect(recorded.1.contains("第 1 次张贴，\(today)：照片") && recorded.1.contains("/manage/votes/\(site.open.id)/posting/1"))
            let photo = try await client.execute(uri: "/manage/votes/\(site.open.id)/posting/1", method: .get, headers: [.cookie: credentials.cookie])
            {
                ($0.status, $0.headers[.contentType], Array(buffer: $0.body))
            }
            #expect(photo.0 == .ok && photo.1 == "image/png" && photo.2 == Self.png)
        }
    }

    @Test func longListsSearchByRoomAndPage() async throws {
        try await SiteFixture.with { site, client in
            let (committee, _) = try await MassActionRouteTests().signedIn(.committeeHere, site, client)
            let all = try await committee.get("/manage/votes/\(site.open.id)/lists/unbound")
            let found = try await committee.get("/manage/votes/\(site.open.id)/lists/unbound?q=101")
            let delivery = try await committee.get("/manage/votes/\(site.open.id)/delivery?q=102")
            // (1-101's owner has bound an account: only 1-102 is on the list)
            #expect(all.status == .ok && all.body.contains("<li>1-102</li>") && all.body.contains(#"id="search""#) && all.body.contains("共 1 项"))
            #expect(!found.body.contains("<li>1-102</li>") && found.body.contains("共 0 项"))
            #expect(delivery.body.contains(#"<td class="rooms">1-102</td>"#) && !delivery.body.contains(#"<td class="rooms">1-101</td>"#))
            #expect(!delivery.body.contains(#"id="page-next""#), "one page")
        }
    }
}

import Hummingbird
import HummingbirdTesting
import NIOCore
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 15, items 8-10 and 13 through the router: the property company records a servicing
/// (refused with the reason otherwise, nothing recorded), which moves what is overdue for the
/// owners; a bad facilities.csv is refused whole with every bad line named; a facility's public
/// page needs no sign-in and finds a code that is not ASCII.
@Suite struct FacilitiesRouteTests {
    static func multipart(_ fields: [(String, String)], file: (field: String, name: String, text: String)) -> (ByteBuffer, String) {
        let boundary = "quorum-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields { body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n") }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n")
        body.writeString("Content-Type: text/csv\r\n\r\n\(file.text)\r\n--\(boundary)--\r\n")
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    @Test func thePropertyCompanyRecordsAServicingAndTheOwnersSeeItNoLongerOverdue() async throws {
        try await SiteFixture.with { site, client in
            // setup
            let credentials = try #require(try await site.credentials(.propertyHere))
            let owner = try #require(try await site.credentials(.ownerHere))
            let property = Visitor(client)
            property.cookies.withLock { $0["quorum_staff"] = String(credentials.cookie.dropFirst("quorum_staff=".count)) }
            let url = SiteURL.facility(estate: String(site.here), code: SiteFixture.facility).path
            func ownersList() async throws -> String {
                try await client.execute(uri: SiteURL.votes.path, method: .get, headers: [.cookie: owner.cookie]) { String(buffer: $0.body) }
            }
            #expect(try await ownersList().contains("小区设施设备（1 台逾期未维保）"))
            // act: refused (a day after today, nobody named), then recorded
            let future = try await property.post(
                url, [("csrf", credentials.csrf), ("item", "lift_half_monthly"), ("day", "2024-02-07"), ("by", "张师傅"), ("passed", "1")])
            let nobody = try await property.post(
                url, [("csrf", credentials.csrf), ("item", "lift_half_monthly"), ("day", "2024-02-06"), ("by", " "), ("passed", "1")])
            let saved = try await property.post(
                url, [("csrf", credentials.csrf), ("item", "lift_half_monthly"), ("day", "2024-02-06"), ("by", "张师傅"), ("passed", "0")])
            // check
            #expect(future.status == .unprocessableContent && future.body.contains("日期“2024-02-07”无效"))
            #expect(nobody.status == .unprocessableContent && nobody.body.contains("请填写实施单位或人员"))
            #expect(saved.status == .seeOther)
            let timeline = try await site.store.facilities.timeline(of: SiteFixture.facility, estate: site.here)
            #expect(timeline.map(\.day) == ["2024-02-06", "2024-01-10"] && !timeline[0].passed)
            #expect(try await property.get(url).body.contains("不合格 · 张师傅"))
            #expect(try await ownersList().contains(#"id="facilities">小区设施设备</a>"#))
        }
    }

    @Test func aBadFileIsRefusedWholeWithEveryLineAndTheAssignedCodeHasItsPublicPage() async throws {
        try await SiteFixture.with { site, client in
            // setup
            let credentials = try #require(try await site.credentials(.committeeHere))
            let url = SiteURL.facilities(estate: String(site.here)).path
            func upload(_ text: String) async throws -> (HTTPResponse.Status, String) {
                let (body, type) = Self.multipart([("csrf", credentials.csrf)], file: ("file", "facilities.csv", text))
                return try await client.execute(
                    uri: url, method: .post, headers: [.cookie: credentials.cookie, .contentType: type], body: body
                ) { ($0.status, String(buffer: $0.body)) }
            }
            // act
            let (refused, page) = try await upload("kind,name,building\n飞船,A,1\nelevator,B,9\n")
            let (imported, done) = try await upload("code,kind,name,building\n东门-道闸,gate,东门道闸,\n")
            // check
            #expect(refused == .unprocessableContent)
            #expect(page.contains("第 2 行：kind (设备类型)：无法识别的值“飞船”") && page.contains("第 3 行：building (楼栋)：登记册中没有楼栋“9”"))
            #expect(imported == .ok && done.contains("已导入：新增 1，更新 0，未变 0。"))
            let shown = try await client.execute(
                uri: SiteURL.publicFacility(estate: String(site.here), code: "东门-道闸").path, method: .get
            ) { ($0.status, String(buffer: $0.body)) }
            #expect(shown.0 == .ok && shown.1.contains("东门道闸"))
            let missing = try await client.execute(uri: SiteURL.publicFacility(estate: String(site.here), code: "x").path, method: .get) {
                $0.status
            }
            #expect(missing == .notFound)
        }
    }

    @Test func theEstateAddsAScheduleOfItsOwnThatTheFacilitiesOfItsKindThenShow() async throws {
        try await SiteFixture.with { site, client in
            // setup
            let credentials = try #require(try await site.credentials(.committeeHere))
            let committee = Visitor(client)
            committee.cookies.withLock { $0["quorum_staff"] = String(credentials.cookie.dropFirst("quorum_staff=".count)) }
            let url = SiteURL.facilitySchedules(estate: String(site.here)).path
            // act
            let refused = try await committee.post(
                url, [("csrf", credentials.csrf), ("kind", "fire"), ("name", "喷淋季检"), ("every", "61"), ("unit", "months")])
            let added = try await committee.post(
                url, [("csrf", credentials.csrf), ("kind", "fire"), ("name", "喷淋季检"), ("every", "3"), ("unit", "months")])
            // check
            #expect(refused.status == .unprocessableContent && refused.body.contains("周期为 1 至 366 天或 1 至 60 个月"))
            #expect(added.status == .ok && added.body.contains("已添加维保周期"))
            let fire = try #require(try await site.store.facilities.facility("1-fire-01", of: site.here))
            #expect(fire.items.map(\.item) == ["own-1", "fire_annual"])
            #expect(try await committee.get(SiteURL.facility(estate: String(site.here), code: "1-fire-01").path).body.contains("喷淋季检"))
        }
    }
}

import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 21, as the street office sees it: one staff member records an owner's new
/// phone, the same one cannot confirm it, a second does; the bind page tells owners what is kept.
@Suite struct PhoneChangeRouteTests {
    @Test func twoPeopleOfTheStreetOfficePutANewPhoneOnFile() async throws {
        try await SiteFixture.with { site, client in
            let first = try #require(try await site.credentials(.streetHere))
            let second = try await site.store.staff.add(
                username: "street-2", displayName: "街道 第二人", password: "street-password-2", role: .street,
                division: try #require(try await site.store.register.ancestors(of: site.here).first { $0.level == .street }?.id), passwordCost: 4)
            let url = SiteURL.phoneChanges(estate: String(site.here)).path
            func post(_ who: SiteFixture.Credentials, _ path: String, _ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: path, method: .post,
                    headers: [.cookie: who.cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: .init(string: Visitor.encode([("csrf", who.csrf)] + fields))
                ) { ($0.status, String(buffer: $0.body)) }
            }
            // refused with the reason: an owner not on the register
            let unknown = try await post(first, url, [("name", "无此人"), ("id_number", "1"), ("phone", "13900000000"), ("reason", "换号")])
            #expect(unknown.0 == .unprocessableContent && unknown.1.contains("名册中没有这位业主"))
            // act: recorded by one, refused to the same, confirmed by another
            let recorded = try await post(
                first, url, [("name", "甲"), ("id_number", "110101199001010011"), ("phone", "13900000011"), ("reason", "原号码已停用")])
            #expect(recorded.0 == .ok && recorded.1.contains("待另一名工作人员确认") && recorded.1.contains("139****0011"))
            let change = try #require(try await site.store.binding.phoneChanges(in: site.here).first)
            let same = try await post(first, SiteURL.confirmPhoneChange(estate: String(site.here)).path, [("change", change.id)])
            #expect(same.0 == .unprocessableContent && same.1.contains("登记人不能自己确认"))
            let secondCredentials = try await site.store.staff.login(username: second.username, password: "street-password-2")
            let confirmer = SiteFixture.Credentials(cookie: "quorum_staff=\(secondCredentials.token)", csrf: secondCredentials.csrf)
            let done = try await post(confirmer, SiteURL.confirmPhoneChange(estate: String(site.here)).path, [("change", change.id)])
            // check
            #expect(done.0 == .ok && done.1.contains("\(change.id) 已生效"))
            #expect(try await site.store.binding.phoneChanges(in: site.here).first?.confirmedBy == second.id)
            // and the bind page says what is kept, why and for how long
            let bind = try await client.execute(uri: SiteURL.bind.path, method: .get) { String(buffer: $0.body) }
            #expect(bind.contains(#"id="privacy""#) && bind.contains("保存五年"))
        }
    }
}

import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13: the language switch of a form page sends its form, which comes back in the other
/// language holding what it held, and nothing is done — on the staff's account, settings,
/// phone and clerks forms and on the owner's objection and dispute forms (the set-up, paper,
/// ballot and binding forms have their own tests).
@Suite struct LanguageSwitchTests {
    typealias Credentials = SiteFixture.Credentials

    static func post(_ client: some TestClientProtocol, _ who: Credentials, _ path: String, _ fields: [(String, String)]) async throws -> (
        HTTPResponse.Status, String
    ) {
        try await client.execute(
            uri: path + "?lang=en", method: .post, headers: [.cookie: who.cookie, .contentType: "application/x-www-form-urlencoded"],
            body: .init(string: Visitor.encode([("csrf", who.csrf)] + fields + [("relang", "")]))
        ) { ($0.status, String(buffer: $0.body)) }
    }

    static func switched(_ answer: (HTTPResponse.Status, String), _ path: String) -> Bool {
        answer.0 == .ok && answer.1.contains(#"<html lang="en">"#) && answer.1.contains(#"formaction="\#(path)?lang=zh""#)
    }

    @Test func staffFormsComeBackHoldingWhatTheyHeld() async throws {
        try await SiteFixture.with { site, client in
            let street = try #require(try await site.credentials(.streetHere))
            let accounts = SiteURL.manageStaff().path
            let before = try await site.store.staff.accounts(visibleTo: try #require(try await site.store.staff.account(username: "streethere")))
            let account = try await Self.post(
                client, street, accounts,
                [
                    ("username", "new-clerk-7"), ("display_name", "新 计票人"), ("password", "secret-pass-77"), ("role", "clerk"),
                    ("division", String(site.here)),
                ])
            #expect(Self.switched(account, accounts))
            #expect(account.1.contains(#"value="new-clerk-7""#) && account.1.contains("新 计票人") && !account.1.contains("secret-pass-77"))
            #expect(account.1.contains(#"<option value="clerk" selected="selected">"#))
            let after = try await site.store.staff.accounts(visibleTo: try #require(try await site.store.staff.account(username: "streethere")))
            #expect(after.count == before.count, "switching makes no account")

            let phones = SiteURL.phoneChanges(estate: String(site.here)).path
            let phone = try await Self.post(
                client, street, phones, [("name", "甲"), ("id_number", "110101199001010011"), ("phone", "13900000011"), ("reason", "原号码已停用")])
            #expect(Self.switched(phone, phones))
            #expect(phone.1.contains(#"value="原号码已停用""#) && phone.1.contains(#"value="甲""#))
            #expect(!phone.1.contains("110101199001010011") && !phone.1.contains("13900000011"), "never the ID number or the phone")
            #expect(try await site.store.binding.phoneChanges(in: site.here).isEmpty)

            let committee = try #require(try await site.credentials(.committeeHere))
            let settings = SiteURL.estateSettings(estate: String(site.here)).path
            var fields = EstateSettings.Key.allCases.map { ($0.rawValue, $0.range == nil ? "1" : String($0.range!.upperBound)) }
            fields += [("basis", "document")]
            let setting = try await Self.post(client, committee, settings, fields)
            #expect(Self.switched(setting, settings))
            let key = try #require(EstateSettings.Key.allCases.first { $0.range != nil })
            #expect(setting.1.contains(#"name="\#(key.rawValue)" value="\#(key.range!.upperBound)""#))
            #expect(try await site.store.settings.history(of: site.here).isEmpty, "switching changes nothing")

            let clerks = SiteURL.manageVote(site.open.id, .clerks).path
            let named = try await site.store.organising.namedStaff(of: site.open.id)
            let leaving = try #require(named.first { $0.duty == .clerk })
            let clerk = try await Self.post(client, committee, clerks, [("replaced", leaving.account.id), ("reason", "因病住院")])
            #expect(Self.switched(clerk, clerks) && clerk.1.contains(">因病住院</textarea>"))
            #expect(clerk.1.contains(#"<option value="\#(leaving.account.id)" selected="selected">"#))
            #expect(try await site.store.organising.namedStaff(of: site.open.id) == named, "switching replaces no one")
        }
    }

    @Test func ownerFormsComeBackHoldingWhatTheyHeld() async throws {
        try await SiteFixture.with { site, client in
            let owner = try #require(try await site.credentials(.ownerHere))
            let objections = SiteURL.vote(site.closed.id, .objections).path
            let objection = try await Self.post(
                client, owner, objections, [("person", String(site.person)), ("matter", "m1"), ("text", "少计一票")])
            #expect(Self.switched(objection, objections) && objection.1.contains(">少计一票</textarea>"))
            #expect(objection.1.contains(#"<option value="m1" selected="selected">"#))
            #expect(!objection.1.contains(#"id="objection-message""#), "no message: nothing was sent")

            let dispute = SiteURL.vote(site.closed.id, .dispute()).path
            let disputed = try await Self.post(client, owner, dispute, [("person", String(site.person)), ("text", "我没有投这张票")])
            #expect(Self.switched(disputed, dispute) && disputed.1.contains(">我没有投这张票</textarea>"))
            let texts = try await site.store.tickets.tickets(about: site.closed.subject).map(\.text)
            #expect(!texts.contains("少计一票") && !texts.contains("我没有投这张票"), "switching files nothing")
        }
    }
}

/// Issue 13: the list of staff accounts searches by username or name and pages (50 a page).
@Suite struct AccountListTests {
    @Test func theAccountsListSearchesAndPages() async throws {
        try await SiteFixture.with { site, client in
            let admin = try #require(try await site.credentials(.admin))
            func list(_ url: SiteURL) async throws -> String {
                try await client.execute(uri: url.path, method: .get, headers: [.cookie: admin.cookie]) { String(buffer: $0.body) }
            }
            let manager = try #require(try await site.store.staff.account(username: "admin"))
            for number in 1...60 {
                _ = try await site.store.staff.add(
                    username: "extra-\(number)", displayName: "额外 \(number)", password: "extra password \(number)", role: .bureau,
                    division: try #require(try await site.store.register.findDivision(.district, named: "市南区")).id, passwordCost: 4)
            }
            let all = try await site.store.staff.accounts(visibleTo: manager).count
            // act
            let first = try await list(.manageStaff())
            let second = try await list(.manageStaff(page: 2))
            let found = try await list(.manageStaff(q: "clerkHere2"))
            // check
            #expect(first.contains("第 1 / \((all + 49) / 50) 页，共 \(all) 项") && all > 60)
            #expect(first.contains(#"id="page-next""#) && second.contains(#"id="page-previous""#))
            #expect(found.lowercased().contains(">clerkhere2</a>") && !found.contains(">extra-1</a>"))
        }
    }
}

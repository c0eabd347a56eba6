import HTTPTypes
import HummingbirdTesting
import QuorumCore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// Issue 13: the site's own 404 and error pages, in both languages.
@Suite struct ErrorPageTests {
    @Test func aBrowserGetsTheSitesOwnNotFoundPageInItsLanguageAndAScriptABareOne() async throws {
        try await withQuorumApp { client in
            for (cookie, words) in [("lang=zh", "页面不存在"), ("lang=en", "Page not found")] {
                try await client.execute(
                    uri: "/no/such/page", method: .get, headers: [.accept: "text/html,application/xhtml+xml", .cookie: cookie]
                ) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(String(buffer: response.body).contains(words))
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
            }
            try await client.execute(uri: "/no/such/page", method: .get, headers: [.accept: "application/json"]) { response in
                #expect(response.status == .notFound)
                #expect(!String(buffer: response.body).contains("页面不存在"))
            }
        }
    }

    @Test func aFailureOfOursIsAPageThatSaysSoWithoutDetail() async throws {
        try await Estate.with { estate, client in
            let owner = Visitor(client)
            _ = try await owner.bind(estate, name: "甲", idNumber: "110101199001010011")
            // A table the owner's list reads is gone: a failure no handler expects.
            try await estate.store.withConnection { try await $0.raw("DROP TABLE ballots").run() }
            let page = try await owner.get("/votes")
            #expect(page.status == .internalServerError)
            #expect(page.body.contains("出错了"))
            #expect(!page.body.contains("ballots"), "no detail of the failure on the page")
        }
    }
}

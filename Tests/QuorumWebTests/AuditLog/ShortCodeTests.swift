import HTTPTypes
import HummingbirdTesting
import QuorumCore
import Testing

@testable import QuorumWeb

/// Issue 13: owners are told to keep the short receipt code, but /verify took only the long link.
@Suite struct ShortCodeTests {
    @Test func theShortCodeProvesTheBallotIsLoggedAndShowsItsChoicesOnlyToItsOwner() async throws {
        try await SiteFixture.with { site, client in
            func page(_ role: SiteFixture.Role, _ code: String) async throws -> String {
                var headers: HTTPFields = [.cookie: "lang=en"]
                if let credentials = try await site.credentials(role) { headers[.cookie] = credentials.cookie + "; lang=en" }
                let uri = "/verify?r=" + (code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return try await client.execute(uri: uri, method: .get, headers: headers) { String(buffer: $0.body) }
            }
            for role in [SiteFixture.Role.anonymous, .ownerElsewhere] {
                let body = try await page(role, site.receiptCode)
                #expect(body.contains(#"data-outcome="pass""#), "\(role)")
                #expect(body.contains(#"id="choices-hidden""#), "\(role)")
                #expect(!body.contains("data-receipt="), "\(role): the browser check would carry the choices")
            }
            // The owner, signed in, sees the choices, and the code typed in lower case with spaces works too.
            let mine = try await page(.ownerHere, "  " + site.receiptCode.lowercased() + " ")
            #expect(mine.contains(#"data-outcome="pass""#))
            #expect(!mine.contains(#"id="choices-hidden""#))
            #expect(mine.contains("data-receipt="))
            // An unknown short code is unreadable, not a pass.
            #expect(try await page(.anonymous, "ZZZZ-ZZZZ-ZZZZ-Z").contains(#"data-outcome="unreadable""#))
        }
    }
}

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
                // In words: the vote's name and its matters' titles, not the choice (issue 13, item 7).
                #expect(body.contains("<dt>Vote</dt><dd>表决</dd>") && body.contains("<li>事项</li>"), "\(role)")
                #expect(!body.contains("<dd>\(S.agree.en)</dd>"), "\(role)")
                #expect(Self.folded(body), "\(role)")
            }
            // The owner, signed in, sees the choices, and the code typed in lower case with spaces works too.
            let mine = try await page(.ownerHere, "  " + site.receiptCode.lowercased() + " ")
            #expect(mine.contains(#"data-outcome="pass""#))
            #expect(!mine.contains(#"id="choices-hidden""#))
            #expect(mine.contains("data-receipt="))
            // The owner reads each matter's choice by its title, the time in local time, the numbers in the fold.
            #expect(mine.contains("<dt>事项</dt><dd>\(S.agree.en)</dd>"))
            let received = try #require(try await site.store.voting.receipt(code: site.receiptCode)?.receivedAt)
            #expect(mine.contains("<dt>Received</dt><dd>\(LocalTime.format(received))</dd>"))
            #expect(Self.folded(mine))
            // An unknown short code is unreadable, not a pass.
            #expect(try await page(.anonymous, "ZZZZ-ZZZZ-ZZZZ-Z").contains(#"data-outcome="unreadable""#))
        }
    }

    /// The log's index and heads only inside the "technical details" fold.
    static func folded(_ body: String) -> Bool {
        guard let fold = body.range(of: #"<details id="technical"><summary>\#(S.Verify.technical.en)</summary>"#),
            let index = body.range(of: "<dt>\(S.Verify.entry.en)</dt>"), let head = body.range(of: "<dt>\(S.Verify.signedHead.en)</dt>")
        else { return false }
        return fold.upperBound < index.lowerBound && fold.upperBound < head.lowerBound
    }
}

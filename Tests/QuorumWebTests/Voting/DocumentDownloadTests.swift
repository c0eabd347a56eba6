import Hummingbird
import HummingbirdTesting
import Testing

@testable import QuorumWeb

/// A vote's document as the owner and the organiser download it: its bytes, under its
/// stored type and name, as an attachment never cached; a number it lacks is a 404.
@Suite struct DocumentDownloadTests {
    @Test func theOwnerAndTheOrganiserDownloadTheDocumentAsStored() async throws {
        try await SiteFixture.with { site, client in
            // setup: the fixture's open vote has plan.pdf as document 1
            let owner = try #require(try await site.credentials(.ownerHere)).cookie
            let staff = try #require(try await site.credentials(.committeeHere)).cookie
            for (url, missing, cookie) in [
                (SiteURL.vote(site.open.id, .document("1")), SiteURL.vote(site.open.id, .document("2")), owner),
                (.manageVote(site.open.id, .document("1")), .manageVote(site.open.id, .document("2")), staff),
            ] {
                // act
                try await client.execute(uri: url.path, method: .get, headers: [.cookie: cookie]) { response in
                    // check
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/pdf")
                    #expect(response.headers[.contentDisposition] == "attachment; filename*=UTF-8''plan%2Epdf")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(Array(buffer: response.body) == Array("%PDF-1.4".utf8))
                }
                try await client.execute(uri: missing.path, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }
}

import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
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
                    // Issue 13: the name is ours, with the extension of the type read from the bytes, never the uploader's.
                    #expect(response.headers[.contentDisposition] == "attachment; filename*=UTF-8''vote%2D\(site.open.id)%2D1%2Epdf")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(Array(buffer: response.body) == Array("%PDF-1.4".utf8))
                }
                try await client.execute(uri: missing.path, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test func anUploadIsCheckedByItsBytesAndAttachedToTheDraft() async throws {
        try await SiteFixture.with { site, client in
            // setup: a draft in the fixture's estate, and a committee member of it
            let now = site.store.now().millisecondsSinceEpoch
            let draft = try await site.store.organising.createDraft(
                estate: site.here, definition: VoteDefinition(name: "表决", matters: [Matter(id: "m1", title: "事项", item: 5)]),
                opensAt: Timestamp(millisecondsSinceEpoch: now + 20 * 86_400_000),
                closesAt: Timestamp(millisecondsSinceEpoch: now + 30 * 86_400_000), actor: "setup")
            let staff = try #require(try await site.credentials(.committeeHere))
            func upload(_ name: String, _ bytes: [UInt8]) async throws -> (HTTPResponse.Status, String) {
                let boundary = "quorum-test-boundary"
                var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(staff.csrf)\r\n")
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"\(name)\"\r\n")
                body.writeString("Content-Type: application/pdf\r\n\r\n")
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                return try await client.execute(
                    uri: SiteURL.manageVote(draft.id, .documents).path, method: .post,
                    headers: [.cookie: staff.cookie + "; lang=en", .contentType: "multipart/form-data; boundary=\(boundary)"], body: body
                ) { ($0.status, String(buffer: $0.body)) }
            }
            // act: an executable claiming to be a PDF, then a PNG named as a PDF
            let refused = try await upload("rules.pdf", Array("MZ\u{90}\u{0}".utf8))
            let accepted = try await upload("plan.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1])
            // check
            #expect(refused.0 == .badRequest)
            #expect(refused.1.contains("only PDF, PNG or JPEG documents are accepted"))
            #expect(accepted.0 == .seeOther)
            let listed = try await site.store.documents.list(of: draft.subject)
            #expect(listed.map(\.name) == ["plan.pdf"])
            #expect(listed.map(\.mediaType) == ["image/png"])
        }
    }
}

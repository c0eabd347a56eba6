import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumFixtures
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// The log's routes and the verify page, on a fresh SQLite store holding ReceiptFixture.
@Suite struct VerifyPageTests {
    /// The app on a store holding ReceiptFixture.
    func withApp(_ body: @escaping @Sendable (ReceiptFixture, any TestClientProtocol) async throws -> Void) async throws {
        try await withQuorumApp(secret: "test", setUp: { store, _ in try await ReceiptFixture.make(in: store) }, body)
    }

    func json(_ response: TestResponse) throws -> JSONText {
        try #require(CanonicalJSONReader.parse(String(buffer: response.body)))
    }

    @Test func theJSONRoutesServeHeadsAndProofs() async throws {
        try await withApp { fixture, client in
            let receipt = fixture.receipt
            try await client.execute(uri: "/log/head", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let head = try #require(SignedTreeHead(json: try json(response)))
                #expect(head.size == 7)
            }
            try await client.execute(uri: "/log/proof?index=\(receipt.index)&size=\(receipt.head.size)", method: .get) { response in
                let proof = try #require(try json(response)["proof"]?.arrayValue).map { ByteText.bytes(base64: $0.stringValue!)! }
                let leaf = receipt.entry.leafHash(index: receipt.index)
                #expect(Merkle.verifyInclusion(index: receipt.index, size: receipt.head.size, leafHash: leaf, proof: proof, root: receipt.head.root))
            }
            try await client.execute(uri: "/log/consistency?from=\(receipt.head.size)&to=7", method: .get) { response in
                #expect(response.status == .ok)
                let proof = try json(response)["proof"]?.arrayValue
                #expect(proof?.isEmpty == false)
            }
            try await client.execute(uri: "/log/proof?index=9&size=99", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/log/public-key", method: .get) { response in
                let key = try #require(LogPublicKey(text: try json(response)["public_key"]!.stringValue!))
                #expect(receipt.head.isSigned(by: key))
            }
            try await client.execute(uri: "/log/public-key.pem", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("-----BEGIN PUBLIC KEY-----"))
            }
        }
    }

    @Test func theVerifyPageChecksATrueReceiptOnTheServer() async throws {
        try await withApp { fixture, client in
            try await client.execute(uri: "/verify?r=\(fixture.receipt.code)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"zh\">"))
                #expect(html.contains(#"id="server-result" data-outcome="pass""#))
                #expect(html.contains(S.Verify.passed.zh))
                #expect(html.contains(#"<script src="/static/verify.js" defer="defer"></script>"#))
                #expect(!html.contains("<script>"), "no inline script")
                #expect(html.contains("同意"), "the choices are shown in Chinese")
                // The script's words, each in its own attribute of the browser's check.
                let texts = [
                    ("working", S.Verify.browserWorking), ("passed", S.Verify.browserPassed), ("failed", S.Verify.browserFailed),
                    ("cannot-sign", S.Verify.browserCannotSign), ("receipt_head", S.Verify.stepReceiptHead),
                    ("included", S.Verify.stepIncluded), ("still_there", S.Verify.stepStillThere),
                ]
                let attributes = texts.map { #"data-text-\#($0.0)="\#($0.1.zh)""# }.joined(separator: " ")
                #expect(html.contains(#"id="browser-check" data-receipt="\#(fixture.receipt.code)" \#(attributes)>"#))
            }
            try await client.execute(uri: "/verify?lang=en&r=\(fixture.receipt.code)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">") && html.contains(S.Verify.passed.en))
            }
        }
    }

    @Test func aTamperedReceiptFailsAndSaysWhere() async throws {
        try await withApp { fixture, client in
            try await client.execute(uri: "/verify?r=\(fixture.tampered.code)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"data-outcome="fail""#))
                #expect(html.contains(S.Verify.failed.zh))
                #expect(html.contains(#"<li class="failed">\#(S.Verify.stepIncluded.zh)</li>"#))
            }
            try await client.execute(uri: "/verify?r=not-a-receipt", method: .get) { response in
                #expect(String(buffer: response.body).contains(S.Verify.unreadable.zh))
            }
        }
    }

    @Test func theFormWorksWithoutScriptByPost() async throws {
        try await withApp { fixture, client in
            try await client.execute(uri: "/verify", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<form action="/verify" method="post">"#))
                #expect(html.contains("id=\"key-id\""), "the log's key id is shown")
                #expect(!html.contains("server-result"))
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = "r=" + (fixture.receipt.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            try await client.execute(uri: "/verify", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(String(buffer: response.body).contains(#"data-outcome="pass""#))
            }
            try await client.execute(uri: "/static/verify.js", method: .get) { response in
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("crypto.subtle"))
            }
        }
    }
}

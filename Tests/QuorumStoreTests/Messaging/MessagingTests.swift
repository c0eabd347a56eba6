import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import Synchronization
import Testing

@Suite struct MessagingTests {
    @Test func theGatewaySenderPostsTheMessageWithItsToken() async throws {
        // A local fake of an SMS gateway: it records what it is sent.
        let received = Mutex<[(String?, String)]>([])
        let router = Router()
        router.post("/sms") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 10_000)
            received.withLock { $0.append((request.headers[.authorization], String(buffer: body))) }
            return .ok
        }
        router.post("/broken") { _, _ -> HTTPResponse.Status in .serviceUnavailable }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let sender = HTTPGatewaySender(url: URL(string: "http://127.0.0.1:\(port)/sms")!, token: "gateway-token", words: { _ in "验证码 123456" })
            try await sender.send(.bindingCode("123456"), to: "13800000001")
            let (authorization, body) = try #require(received.withLock { $0.first })
            #expect(authorization == "Bearer gateway-token")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
            #expect(json == ["to": "13800000001", "body": "验证码 123456", "purpose": "binding"])
            let broken = HTTPGatewaySender(url: URL(string: "http://127.0.0.1:\(port)/broken")!, token: "t", words: { _ in "x" })
            await #expect(throws: HTTPGatewaySender.GatewayError.self) {
                try await broken.send(.bindingCode("123456"), to: "13800000001")
            }
        }
    }
}

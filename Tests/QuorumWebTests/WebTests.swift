import Hummingbird
import HummingbirdTesting
import Testing

@testable import QuorumWeb

@Suite struct WebTests {
    @Test func healthAnswersOK() async throws {
        let app = buildApplication(configuration: WebConfiguration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func homePageIsChineseFirstAndFitsAPhone() async throws {
        let app = buildApplication(configuration: WebConfiguration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("name=\"viewport\""))
                #expect(html.contains("业主共同决定"))
            }
        }
    }
}

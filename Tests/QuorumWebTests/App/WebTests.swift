import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Plot
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// Router tests: every route answers as it should, without a browser (the browser tests
/// in Tests/browser drive the whole path in Chromium).
@Suite struct WebTests {
    @Test func healthAnswersOK() async throws {
        try await withQuorumApp { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func theHomePageIsChineseFirstFitsAPhoneAndSwitchesToEnglish() async throws {
        try await withQuorumApp { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"zh\">"))
                #expect(html.contains("name=\"viewport\""))
                #expect(html.contains("业主共同决定"))
                #expect(html.contains("href=\"/?lang=en\""))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Bind your owner identity to vote"))
                #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("lang=en") })
            }
        }
    }

    @Test func ownerPagesSendTheUnboundToBinding() async throws {
        try await withQuorumApp { client in
            let gets = ["/votes", "/votes/abc", "/votes/abc/ballot?person=0", "/votes/abc/progress.json", "/receipts/ABCD-EFGH-JKMN-P"]
            for uri in gets {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .seeOther, "\(uri)")
                    #expect(response.headers[.location] == "/bind", "\(uri)")
                }
            }
            for uri in ["/votes/abc/confirm", "/votes/abc/cast"] {
                try await client.execute(
                    uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "csrf=x&person=0&m.m1=agree")
                ) { response in
                    #expect(response.status == .seeOther, "\(uri)")
                    #expect(response.headers[.location] == "/bind", "\(uri)")
                }
            }
        }
    }

    @Test func theBindingFormSetsItsCSRFCookieAndAPostWithoutItIsRefused() async throws {
        try await withQuorumApp { client in
            try await client.execute(uri: "/bind", method: .get) { response in
                #expect(response.status == .ok)
                let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("quorum_pre=") } ?? ""
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            }
            try await client.execute(
                uri: "/bind", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "pre=forged&estate=1&name=x&id_number=y")
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func staticFilesAreServedAndUnknownOnesAreNot() async throws {
        try await withQuorumApp { client in
            try await client.execute(uri: "/static/app.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            try await client.execute(uri: "/static/app.js", method: .get) { response in
                #expect(String(buffer: response.body).contains("data-seats"))
            }
            try await client.execute(uri: "/static/secret.txt", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func formValuesAreDecodedAndAttributeValuesEscaped() {
        let form = FormData("name=%E7%8E%8B+%E4%BA%94&c.m3=c1&c.m3=c2&empty=")
        #expect(form["name"] == "王 五")
        #expect(form.all("c.m3") == ["c1", "c2"])
        #expect(form["empty"] == "")
        #expect(
            Input(type: .hidden, name: "n", value: "\"><script>&'").render()
                == #"<input type="hidden" name="n" value="&quot;&gt;&lt;script&gt;&amp;&#39;"/>"#)
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// What an operator relies on: health, readiness, metrics, a request id on every answer.
@Suite struct OperationsTests {
    @Test func healthReadinessMetricsAndRequestIDs() async throws {
        // setup: a logger that keeps metadata (the request id lives there) but writes only the critical
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        try await withQuorumApp(logger: quiet, testing: .live, metrics: WebMetrics()) { client in
            // act, check
            var ids = Set<String>()
            for _ in 0..<2 {
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(response.status == .ok)
                    ids.insert(try #require(response.headers[.init("X-Request-Id")!]))
                }
            }
            #expect(ids.count == 2, "each request its own id")
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                #expect(text.contains(#"quorum_http_requests_total{route="/health",method="GET",status="200"} 2"#))
                #expect(text.contains("quorum_http_request_duration_seconds_bucket{"))
                #expect(text.contains("quorum_ballots_accepted_total 0"))
                #expect(text.contains("quorum_audit_log_entries 0"))
            }
        }
    }
}

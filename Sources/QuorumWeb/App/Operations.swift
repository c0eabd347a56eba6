import Hummingbird
import Logging
import Prometheus
import QuorumStore
import Synchronization

/// What an operator watches (运维): request counts and latencies by route, ballots accepted,
/// the audit log's size, in Prometheus's text format at `/metrics`.
///
/// The registry is passed in rather than global, so every test builds an app of its own.
public final class WebMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let ballots: Counter
    private let batches: Counter
    private let logSize: Gauge
    /// The store's counts already added to the counters.
    private let reported = Mutex((ballots: 0, batches: 0))

    static let buckets: [Duration] = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500].map { .microseconds(Int64($0 * 1000)) }

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        ballots = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "quorum", metricName: "ballots_accepted", unitName: "total",
                helpText: "Online ballots committed with their log entries by this instance"))
        batches = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "quorum", metricName: "cast_batches", unitName: "total",
                helpText: "Transactions of the group commit (ballots per batch = ballots / batches)"))
        logSize = registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "quorum", metricName: "audit_log_entries", helpText: "Entries in the audit log"))
    }

    /// Counts one answered request.
    func record(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "quorum", metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "quorum", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Server time from request head to response head"),
            labels: [("route", route), ("method", method)], buckets: Self.buckets
        ).record(duration)
    }

    /// The exposition, with the store's figures read now.
    func exposition(store: Store) async throws -> String {
        logSize.set(Int64(try await store.log.size()))
        let counts = store.voting.castCounts
        let (newBallots, newBatches) = reported.withLock { reported in
            defer { reported = counts }
            return (counts.ballots - reported.ballots, counts.batches - reported.batches)
        }
        if newBallots > 0 { ballots.increment(by: Int64(newBallots)) }
        if newBatches > 0 { batches.increment(by: Int64(newBatches)) }
        return registry.emitToString()
    }
}

/// Gives every answer the request's id (`X-Request-Id`, the `hb.request.id` of every log line
/// written for it), logs it at info (method, route, status, milliseconds — never the query
/// string or a body, which can carry personal data), and counts it.
struct OperationsMiddleware: RouterMiddleware {
    typealias Context = QuorumRequestContext
    let metrics: WebMetrics?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        var response: Response
        do {
            response = try await next(request, context)
            status = Int(response.status.code)
        } catch {
            status = Int((error as? any HTTPResponseError)?.status.code ?? 500)
            finish(request, context: context, status: status, start: start)
            throw error
        }
        // The server sets the id on every request's logger (absent only in router tests).
        if let id = context.logger[metadataKey: "hb.request.id"] { response.headers[.init("X-Request-Id")!] = id.description }
        finish(request, context: context, status: status, start: start)
        return response
    }

    private func finish(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics?.record(route: route, method: request.method.rawValue, status: status, duration: duration)
        let milliseconds = Double(duration.components.attoseconds / 1_000_000_000_000) / 1000 + Double(duration.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route), "status": .stringConvertible(status),
                "ms": .stringConvertible(milliseconds),
            ])
    }
}

/// `/health/ready` and `/metrics` (`/health`, the liveness route, is at the top of the table).
enum OperationsRoutes {
    static func routes(store: Store, metrics: WebMetrics?) -> [RouteSpec] {
        [
            // Readiness: the database answers.
            .anyone(.get, .healthReady) { _, _ in
                do {
                    _ = try await store.log.size()
                    return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
                } catch {
                    return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "database unavailable")))
                }
            },
            // Counts only, nothing personal; still, serve it to the monitoring network, not the world.
            .anyone(.get, .metrics) { _, _ in
                guard let metrics else { throw HTTPError(.notFound) }
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
                headers[.cacheControl] = "no-store"
                return Response(
                    status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try await metrics.exposition(store: store))))
            },
        ]
    }
}

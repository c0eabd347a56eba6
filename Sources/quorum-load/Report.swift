import Foundation

/// Throughput and latency percentiles of a run.
struct Report {
    var target: Run.Target
    var rate: Int
    var connections: Int
    var seconds: Double
    var results: [WorkerResult]

    var latencies: [Int] { results.flatMap(\.latencies).sorted() }
    var statuses: [Int: Int] { results.reduce(into: [:]) { all, one in all.merge(one.statuses, uniquingKeysWith: +) } }
    var failures: Int { results.map(\.failures).reduce(0, +) }

    /// The expected status of a good answer: a cast is a redirect to its receipt.
    var good: Int { statuses[target == .cast ? 303 : 200] ?? 0 }

    func percentile(_ p: Double, of sorted: [Int]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
        return Double(sorted[max(0, rank)]) / 1000
    }

    var table: String {
        let sorted = latencies
        let statusText = statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        return """
            target \(target.rawValue), \(connections) connections, \(rate > 0 ? "\(rate)/s scheduled" : "flat out"), \(String(format: "%.2f", seconds)) s
            responses \(sorted.count) (\(statusText)), connection errors \(failures)
            throughput \(String(format: "%.0f", Double(good) / seconds)) good responses/s
            latency ms: p50 \(fmt(percentile(50, of: sorted))), p95 \(fmt(percentile(95, of: sorted))), p99 \(fmt(percentile(99, of: sorted))), max \(fmt(percentile(100, of: sorted)))
            """
    }

    var json: String {
        let sorted = latencies
        let statusText = statuses.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        return """
            {"target":"\(target.rawValue)","connections":\(connections),"rate":\(rate),"seconds":\(fmt(seconds)),\
            "responses":\(sorted.count),"good":\(good),"statuses":{\(statusText)},"errors":\(failures),\
            "throughput":\(String(format: "%.1f", Double(good) / seconds)),"p50_ms":\(fmt(percentile(50, of: sorted))),\
            "p95_ms":\(fmt(percentile(95, of: sorted))),"p99_ms":\(fmt(percentile(99, of: sorted))),"max_ms":\(fmt(percentile(100, of: sorted)))}
            """
    }

    func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
}

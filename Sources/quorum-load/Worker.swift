import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import QuorumWeb

/// What one connection saw.
struct WorkerResult: Sendable {
    /// Microseconds from each request's due time to its response's end.
    var latencies: [Int] = []
    var statuses: [Int: Int] = [:]
    var failures = 0
    var receipts: [(person: Int, code: String)] = []
}

/// One keep-alive connection, one request at a time; reconnects after an error.
struct Worker {
    let plan: Plan
    let group: MultiThreadedEventLoopGroup
    let host: String
    let port: Int

    func run() async throws -> WorkerResult {
        var result = WorkerResult()
        result.latencies.reserveCapacity(4096)
        var pending = plan.take()
        while pending != nil {
            do {
                let channel = try await ClientBootstrap(group: group)
                    .channelOption(.socketOption(.tcp_nodelay), value: 1)
                    .connect(host: host, port: port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHTTPClientHandlers()
                            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                        }
                    }
                try await channel.executeThenClose { inbound, outbound in
                    var responses = inbound.makeAsyncIterator()
                    while let (number, due) = pending {
                        let now = NIODeadline.now()
                        if due > now { try await Task.sleep(nanoseconds: UInt64((due - now).nanoseconds)) }
                        let request = plan.request(number)
                        try await outbound.write(.head(request.head))
                        if let body = request.body { try await outbound.write(.body(.byteBuffer(body))) }
                        try await outbound.write(.end(nil))
                        var status = 0
                        var location = ""
                        reading: while let part = try await responses.next() {
                            switch part {
                            case .head(let head):
                                status = Int(head.status.code)
                                location = head.headers.first(name: "Location") ?? ""
                            case .body: break
                            case .end: break reading
                            }
                        }
                        guard status != 0 else { throw ChannelError.eof }
                        result.latencies.append(Int((NIODeadline.now() - due).nanoseconds / 1000))
                        result.statuses[status, default: 0] += 1
                        if plan.target == .cast, status == 303, location.hasPrefix(SiteURL.receipt("").path) {
                            result.receipts.append((request.person, String(location.dropFirst(SiteURL.receipt("").path.count))))
                        }
                        pending = plan.take()
                    }
                }
            } catch {
                // The request in flight is lost (a crash test kills the server on purpose).
                result.failures += 1
                pending = plan.take()
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        return result
    }
}

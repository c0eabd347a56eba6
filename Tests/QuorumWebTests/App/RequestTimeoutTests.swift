import Foundation
import HummingbirdTesting
import QuorumTestSupport
import Testing

@testable import QuorumWeb

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 13: a slow client held a connection open for as long as it liked (Hummingbird has
/// an idle timeout only). Real sockets against a live server with short timeouts.
@Suite struct RequestTimeoutTests {
    static let timeouts = RequestTimeouts(head: .milliseconds(600), body: .milliseconds(1200))

    func withServer(_ timeouts: RequestTimeouts = Self.timeouts, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withQuorumApp(
            testing: .live, web: WebConfiguration(timeouts: timeouts), setUp: { _, _ in () },
            { _, client in try await body(try #require(client.port)) })
    }

    @Test func halfARequestLineIsCutOffAfterTheHeadTimeout() async throws {
        try await withServer { port in
            // setup and act: half a request line, then nothing
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            socket.write("GET /hea")
            let (closedAfter, answer) = await socket.waitForClose(sendingEvery: nil)
            // check: closed once the head's time is over, well before a client would give up
            #expect(answer.isEmpty)
            #expect(closedAfter >= 0.5 && closedAfter < 6, "closed after \(closedAfter) s")
        }
    }

    @Test func aBodyTricklingInIsCutOffAfterTheBodyTimeout() async throws {
        try await withServer { port in
            // setup: a form of 100 bytes, announced; act: one byte every 200 ms
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            socket.write("POST /verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n")
            let (closedAfter, answer) = await socket.waitForClose(sendingEvery: 0.2)
            // check: closed after the body's 1.2 s (a loaded machine may add some), not after the 20 s the trickle takes
            #expect(!answer.contains("200 OK"))
            #expect(closedAfter >= 1 && closedAfter < 8, "closed after \(closedAfter) s")
        }
    }

    @Test func aNormalRequestIsUnaffected() async throws {
        // (Timeouts well above the pauses, so that a loaded machine cannot make them meet.)
        try await withServer(RequestTimeouts(head: .seconds(5), body: .seconds(5))) { port in
            // A head in two pieces and a body in two, each within its time: answered in full.
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            await socket.write(
                [
                    "POST /verify HTTP/1.1\r\nHost: localhost\r\n",
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\nConnection: close\r\n\r\nr=", "abcd",
                ], pausing: 0.4)
            let (_, answer) = await socket.waitForClose(sendingEvery: nil)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(80))")
            // A kept-alive connection serves a second request too.
            let again = try RawSocket(port: port)
            defer { again.close() }
            await again.write(
                ["GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"],
                pausing: 0.4)
            let (_, both) = await again.waitForClose(sendingEvery: nil)
            #expect(both.components(separatedBy: "HTTP/1.1 200").count == 3, "\(both)")
        }
    }
}

/// A blocking TCP socket to the test server on localhost, read off the cooperative threads.
struct RawSocket: Sendable {
    let fd: Int32

    init(port: Int) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &found) == 0 else { throw POSIXError(.EHOSTUNREACH) }
        defer { freeaddrinfo(found) }
        var address = found
        while let current = address {
            let fd = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            if fd >= 0 && connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 {
                self.fd = fd
                // A test that fails rather than hangs: no read waits longer than 10 s.
                var limit = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                return
            }
            if fd >= 0 { _ = closeSocket(fd) }
            address = current.pointee.ai_next
        }
        throw POSIXError(.ECONNREFUSED)
    }

    func close() { _ = closeSocket(fd) }

    /// Sends `text`; false once the server has closed the connection.
    @discardableResult
    func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) } == bytes.count
    }

    /// Sends the pieces one after another, `pause` seconds apart, off the cooperative threads.
    func write(_ pieces: [String], pausing pause: Double) async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                for (number, piece) in pieces.enumerated() {
                    if number > 0 { usleep(UInt32(pause * 1_000_000)) }
                    self.write(piece)
                }
                continuation.resume()
            }
        }
    }

    /// Reads until the server closes the connection (sending a byte every `interval`
    /// seconds meanwhile, if given): how long that took, and what it answered.
    func waitForClose(sendingEvery interval: Double?) async -> (seconds: Double, answer: String) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let start = Date()
                var answer: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                var nextSend = start.addingTimeInterval(interval ?? .infinity)
                while Date().timeIntervalSince(start) < 20 {
                    let flags = interval == nil ? Int32(0) : Int32(MSG_DONTWAIT)
                    let count = recv(self.fd, &buffer, buffer.count, flags)
                    if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { break }
                    if count > 0 { answer += buffer[0..<count] }
                    if let interval, Date() >= nextSend {
                        guard self.write("x") else { break }
                        nextSend = Date().addingTimeInterval(interval)
                    }
                    if interval != nil { usleep(20_000) }
                }
                continuation.resume(returning: (Date().timeIntervalSince(start), String(decoding: answer, as: UTF8.self)))
            }
        }
    }
}

private func closeSocket(_ fd: Int32) -> Int32 { close(fd) }

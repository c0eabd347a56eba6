import Hummingbird
import NIOCore
import NIOHTTPTypes

/// How long a client may take to send a request (issue 13). Hummingbird closes only a
/// connection that is idle, so a client sending half a request line, or a body one byte a
/// second, held a connection (and its memory) for as long as it liked; a few hundred such
/// clients hold the server.
public struct RequestTimeouts: Sendable, Hashable {
    /// From the connection's opening, or the end of the previous response, to the end of the
    /// request's head (its line and headers): also how long a kept-alive connection waits
    /// for its next request.
    public var head: Duration
    /// From the end of the head to the end of the body (the largest upload, a 10 MiB
    /// document, needs 1.4 Mbit/s to be in within the default).
    public var body: Duration

    public init(head: Duration = .seconds(10), body: Duration = .seconds(60)) {
        (self.head, self.body) = (head, body)
    }
}

/// Closes the connection when a request's head or body is not in within its time
/// (`RequestTimeouts`); nothing runs while the app answers a request that is all in.
/// Sits in each connection's pipeline after the HTTP decoder, so it sees requests' parts.
final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeouts: RequestTimeouts
    private var timer: Scheduled<Void>?
    /// Requests whose head is in and whose response has not ended.
    private var unanswered = 0
    private var readingBody = false

    init(_ timeouts: RequestTimeouts) {
        self.timeouts = timeouts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { wait(timeouts.head, context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        wait(nil, context)
    }

    func channelActive(context: ChannelHandlerContext) {
        wait(timeouts.head, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        wait(nil, context)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            readingBody = true
            wait(timeouts.body, context)
        case .body: break
        case .end:
            readingBody = false
            // Answered already (a refusal before the body was read): wait for the next request.
            wait(unanswered == 0 ? timeouts.head : nil, context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 && !readingBody { wait(timeouts.head, context) }
        }
        context.write(data, promise: promise)
    }

    /// Replaces the running timer with one that closes the connection after `limit` (none: no timer).
    private func wait(_ limit: Duration?, _ context: ChannelHandlerContext) {
        timer?.cancel()
        timer = limit.map { limit in
            context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limit)) { context.close(promise: nil) }
        }
    }
}

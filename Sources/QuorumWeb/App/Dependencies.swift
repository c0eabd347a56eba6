import Foundation
import QuorumCore
import QuorumStore
import Synchronization

/// What the owners' routes need: the store, the message sender and the mode.
public struct OwnerDependencies: Sendable {
    public var store: Store
    public var sender: any MessageSender
    /// Demo mode shows each one-time code on the page; never on in production.
    public var showCodes: DevelopmentMessages?
    /// Whether cookies are marked Secure (behind TLS).
    public var secureCookies: Bool
    /// Identity providers whose signed credentials bind an owner (none: the option is hidden).
    public var trustedIssuers: [TrustedIssuer]
    /// Addresses of the proxies in front, whose `X-Forwarded-For` names the client.
    public var trustedProxies: Set<String>
    /// In demo mode, the clock organisers may move forward (a route exists only then).
    public var demoClock: DemoClock?
    /// The figures `/metrics` shows (`quorum serve` sets it; nil: `/metrics` answers 404).
    public var metrics: WebMetrics?

    public init(
        store: Store, sender: any MessageSender, showCodes: DevelopmentMessages? = nil, secureCookies: Bool = false,
        trustedIssuers: [TrustedIssuer] = [], trustedProxies: Set<String> = []
    ) {
        self.store = store
        self.sender = sender
        self.showCodes = showCodes
        self.secureCookies = secureCookies
        self.trustedIssuers = trustedIssuers
        self.trustedProxies = trustedProxies
    }
}

/// In demo mode: the last message to each (masked) phone, for the code page to show.
public final class DevelopmentMessages: MessageSender {
    private let last = Mutex<[String: String]>([:])
    private let next: any MessageSender

    public init(forwardingTo next: any MessageSender) {
        self.next = next
    }

    public func send(_ message: Message, to phone: String) async throws {
        try await next.send(message, to: phone)
        last.withLock { $0[Masking.phone(phone)] = message.text }
    }

    public func send(_ messages: [(Message, String)]) async throws {
        try await next.send(messages)
        last.withLock { last in for (message, phone) in messages { last[Masking.phone(phone)] = message.text } }
    }

    func message(to maskedPhone: String) -> String? {
        last.withLock { $0[maskedPhone] }
    }
}

import Foundation
import Logging
import QuorumCore
import SQLKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What a text message says, as values; its words are the web's (`Message.text`).
public enum Message: Sendable, Hashable {
    /// A binding's one-time code.
    case bindingCode(String)
    /// A reminder to an owner whose voting person has not voted.
    case reminder(title: String, closesAt: Timestamp)
    /// A ballot was received for the owner's rooms (online, by them or a co-owner, or on
    /// paper once two clerks agreed; `spoiled` when the paper one counts as spoiled), so a
    /// forged one is noticed in time (issue 13, item 22).
    case ballotReceived(rooms: String, at: Timestamp, channel: Channel, spoiled: Bool)

    /// The message as the outbox keeps it: a one-time code never in clear (issue 13), so
    /// whoever reads the database cannot bind in an owner's name with it.
    public var kept: Message {
        switch self {
        case .bindingCode: .bindingCode("******")
        case .reminder, .ballotReceived: self
        }
    }

    /// Why it was sent, as the outbox and the gateway record it.
    public var purpose: String {
        switch self {
        case .bindingCode: "binding"
        case .reminder: "reminder"
        case .ballotReceived: "ballot"
        }
    }
}

/// Sends a short text message to a phone. The default keeps messages in the outbox table
/// (and, in development, shows them in the server log); a gateway sends them for real. Both
/// are given the words of each message (`words`), which the store never holds.
public protocol MessageSender: Sendable {
    func send(_ message: Message, to phone: String) async throws
    /// Many messages at once (a sweep's ballot texts): a sender that can queue them in one
    /// write does, so a backlog of thousands does not become thousands of writes beside the
    /// ballots being cast.
    func send(_ messages: [(Message, String)]) async throws
}

extension MessageSender {
    public func send(_ messages: [(Message, String)]) async throws {
        for (message, phone) in messages { try await send(message, to: phone) }
    }
}

/// The default sender: keeps each message in the outbox table; in development mode it also
/// writes it to the server log, so a developer can read the code. Never in production.
public struct OutboxSender: MessageSender {
    let store: Store
    let logger: Logger
    let development: Bool
    let words: @Sendable (Message) -> String

    public init(store: Store, logger: Logger, development: Bool, words: @escaping @Sendable (Message) -> String) {
        self.store = store
        self.logger = logger
        self.development = development
        self.words = words
    }

    public func send(_ message: Message, to phone: String) async throws {
        let (body, purpose) = (words(message), message.purpose)
        try await send([(message, phone)], logging: false)
        if development {
            logger.notice("development outbox: message to \(Masking.phone(phone)): \(body)")
        } else {
            logger.info("message queued", metadata: ["to": "\(Masking.phone(phone))", "purpose": "\(purpose)"])
        }
    }

    /// Queues many messages in one insert per 200 (each a single statement, all or nothing).
    public func send(_ messages: [(Message, String)]) async throws {
        try await send(messages, logging: true)
    }

    private func send(_ messages: [(Message, String)], logging: Bool) async throws {
        let now = store.sessionClock().millisecondsSinceEpoch
        for chunk in stride(from: 0, to: messages.count, by: 200).map({ messages[$0..<min($0 + 200, messages.count)] }) {
            try await store.withConnection { db in
                var insert = db.insert(into: "outbox").columns("created_at", "recipient_masked", "purpose", "body")
                for (message, phone) in chunk {
                    insert = insert.values(SQLBind(now), SQLBind(Masking.phone(phone)), SQLBind(message.purpose), SQLBind(words(message.kept)))
                }
                try await insert.run()
            }
        }
        if logging && !messages.isEmpty {
            logger.info("messages queued", metadata: ["count": "\(messages.count)", "purpose": "\(messages[0].0.purpose)"])
        }
    }
}

/// Sends messages through an SMS gateway over HTTP: a JSON POST `{"to", "body", "purpose"}`
/// with a bearer token, as most Chinese SMS platforms' HTTP APIs take it. A failure is an
/// error (the owner is told to try again), never silence.
public struct HTTPGatewaySender: MessageSender {
    public let url: URL
    let token: String
    let session: URLSession
    let words: @Sendable (Message) -> String

    public init(url: URL, token: String, session: URLSession = .shared, words: @escaping @Sendable (Message) -> String) {
        self.url = url
        self.token = token
        self.session = session
        self.words = words
    }

    /// The gateway answered with an HTTP status outside 2xx.
    public struct GatewayError: Error {
        public let status: Int
    }

    public func send(_ message: Message, to phone: String) async throws {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let json = ["to": phone, "body": words(message), "purpose": message.purpose]
        request.httpBody = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let (_, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw GatewayError(status: status) }
    }
}

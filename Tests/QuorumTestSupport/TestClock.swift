import QuorumCore
import QuorumStore
import QuorumWeb
import Synchronization

/// The one test clock: starts at 2024-01-20 10:00 +08:00 and moves only when the test moves it.
public final class TestClock: Sendable {
    /// Where every test clock starts; also the fixed clock of a store that no test moves.
    public static let start = Timestamp(millisecondsSinceEpoch: 1_705_716_000_000)
    public static let fixed: @Sendable () -> Timestamp = { start }

    private let now = Mutex<Int64>(start.millisecondsSinceEpoch)

    public init() {}

    public var read: @Sendable () -> Timestamp {
        { [self] in Timestamp(millisecondsSinceEpoch: self.now.withLock { $0 }) }
    }

    public var current: Timestamp { read() }

    public func advance(minutes: Int64) {
        now.withLock { $0 += minutes * 60_000 }
    }

    public func advance(days: Int64) { advance(minutes: days * 1440) }
}

/// The one recording message sender: keeps each message as a phone would receive it, in the
/// web's words, after handing it on (to the outbox production uses, when a test wants its log lines).
public final class RecordingSender: MessageSender {
    public let sent = Mutex<[(to: String, body: String)]>([])
    let next: (any MessageSender)?

    public init(forwardingTo next: (any MessageSender)? = nil) {
        self.next = next
    }

    public func send(_ message: Message, to phone: String) async throws {
        try await next?.send(message, to: phone)
        sent.withLock { $0.append((phone, message.text)) }
    }

    /// The 6-digit code of the last message.
    public var lastCode: String? {
        sent.withLock { $0.last }.flatMap { message in
            message.body.split(whereSeparator: { !$0.isNumber }).first { $0.count == 6 }.map(String.init)
        }
    }
}

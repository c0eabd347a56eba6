import Logging
import Synchronization

/// Every line a logger wrote, for the tests that look for personal data in the logs.
public final class LogLines: Sendable {
    public let lines = Mutex<[String]>([])

    public init() {}

    public var all: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// A log handler that keeps each line — level, message, metadata and where it was logged —
/// in a `LogLines`, at every level.
public struct CapturingLogHandler: LogHandler {
    public let captured: LogLines
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init(captured: LogLines) {
        self.captured = captured
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let line = "\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata) \(event.source) \(event.file)"
        captured.lines.withLock { $0.append(line) }
    }
}

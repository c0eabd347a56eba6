import Foundation
import Logging
import QuorumCore

/// Log lines as JSON objects, one a line on standard error, for a log collector:
/// `{"label":…,"level":…,"message":…,"time":…}` and the metadata as members (a request's
/// lines carry `hb.request.id`). Keys and values are escaped by the project's JSON writer.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        var members: [(String, JSONText)] = [
            (
                "time",
                .string(ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds]))
            ),
            ("level", .string(level.rawValue)), ("label", .string(label)), ("message", .string(message.description)),
        ]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) {
            members.append((key, .string(value.description)))
        }
        FileHandle.standardError.write(Data((JSONText.object(members).compact() + "\n").utf8))
    }
}

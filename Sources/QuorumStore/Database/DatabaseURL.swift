import Foundation

/// Where the data lives, chosen by a URL: an SQLite file (the embedded default, for one
/// estate on the machine under the office desk) or a PostgreSQL server (a whole city behind
/// several app instances).
///
/// - `sqlite:///quorum.sqlite`, `sqlite:///./data/q.sqlite`: a path relative to the working
///   directory; `sqlite:////var/lib/quorum/q.sqlite` (four slashes): an absolute path.
/// - `postgres://user:password@host:5432/database` (or `postgresql://`), with optional
///   `?sslmode=disable|prefer|require` and `?schema=NAME` to keep Quorum's tables in a schema.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String, schema: String?)

    /// `sqlite:///./quorum.sqlite`: a file in the working directory.
    public static let defaultURL = "sqlite:///./quorum.sqlite"

    /// The environment variable read when no `--database` is given.
    public static let environmentVariable = "QUORUM_DATABASE_URL"

    /// The text is not a database URL of either kind.
    public struct Invalid: Error {
        public let text: String
    }

    public init(_ text: String) throws {
        if text.hasPrefix("sqlite:///") {
            let path = String(text.dropFirst("sqlite:///".count))
            guard !path.isEmpty else { throw Invalid(text: text) }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
            var components = URLComponents(string: text), components.user != nil, components.host?.isEmpty == false
        else { throw Invalid(text: text) }
        let schema = components.queryItems?.last { $0.name == "schema" }?.value
        components.queryItems = components.queryItems?.filter { $0.name != "schema" }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        guard let url = components.string else { throw Invalid(text: text) }
        self = .postgres(url: url, schema: schema.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The URL chosen by `--database`, else by `QUORUM_DATABASE_URL`, else the default file.
    public static func resolve(option: String?, environment: [String: String]) throws -> DatabaseURL {
        try DatabaseURL(option ?? environment[environmentVariable] ?? defaultURL)
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:///\(path)"
        case .postgres(let url, let schema):
            var components = URLComponents(string: url)
            if components?.password != nil { components?.password = "***" }
            let shown = components?.string ?? "postgres://…"
            guard let schema else { return shown }
            return shown + (shown.contains("?") ? "&" : "?") + "schema=\(schema)"
        }
    }
}

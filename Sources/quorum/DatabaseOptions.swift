import ArgumentParser
import Foundation
import Logging
import QuorumCore
import QuorumStore

/// `--database URL`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database: sqlite:///path/to/file.sqlite or postgres://user:password@host:port/database.",
            discussion: "Default: $QUORUM_DATABASE_URL, else sqlite:///./quorum.sqlite (./quorum.sqlite).",
            valueName: "url"))
    var database: String?

    /// The URL chosen by `--database`, else by `QUORUM_DATABASE_URL`, else the default file.
    func url() throws -> DatabaseURL {
        do {
            return try DatabaseURL.resolve(option: database, environment: ProcessInfo.processInfo.environment)
        } catch let error as DatabaseURL.Invalid {
            Terminal.standardError(Words.say(error))
            throw ExitCode.validationFailure
        }
    }

    /// Opens the store (personal data key from $QUORUM_SECRET, the audit log's signing key
    /// from $QUORUM_LOG_KEY, if set), runs `body`, closes it.
    func withStore<T>(
        logger: Logger = Logger(label: "quorum"), clock: @escaping @Sendable () -> Timestamp = Store.systemClock,
        sessionClock: (@Sendable () -> Timestamp)? = nil,
        _ body: (Store) async throws -> T
    ) async throws -> T {
        let environment = ProcessInfo.processInfo.environment
        let url = try self.url()
        let store: Store
        do {
            store = try await Store.open(
                url, secret: environment["QUORUM_SECRET"], logKey: environment["QUORUM_LOG_KEY"], logger: logger, clock: clock,
                sessionClock: sessionClock)
        } catch {
            Terminal.standardError("无法打开数据库 / cannot open the database \(url): \(String(reflecting: error))")
            throw Exit.unavailable
        }
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            switch error {
            case let error as StoreError: Terminal.standardError(Words.say(error))
            case let error as AuditLogError: Terminal.standardError(Words.say(error))
            default: throw error
            }
            throw Exit.unavailable
        }
    }
}

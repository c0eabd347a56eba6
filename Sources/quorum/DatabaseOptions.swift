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

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The file holding the personal-data secret and the audit log's signing key (mode 0600).",
            discussion: """
                Default: $QUORUM_KEY_FILE, else beside a SQLite database (quorum.sqlite.keys), created on first start. \
                $QUORUM_SECRET and $QUORUM_LOG_KEY, when set, take the place of the file's. PostgreSQL needs one or the other.
                """,
            valueName: "path"))
    var keyFile: String?

    /// The URL chosen by `--database`, else by `QUORUM_DATABASE_URL`, else the default file.
    func url() throws -> DatabaseURL {
        do {
            return try DatabaseURL.resolve(option: database, environment: ProcessInfo.processInfo.environment)
        } catch let error as DatabaseURL.Invalid {
            Terminal.standardError(Words.say(error))
            throw ExitCode.validationFailure
        }
    }

    /// Where the key file is (`KeyFile`): `--key-file`, `QUORUM_KEY_FILE`, or beside a SQLite database.
    func keyFilePath(for url: DatabaseURL) -> String? {
        keyFile ?? ProcessInfo.processInfo.environment["QUORUM_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? KeyFile.defaultPath(for: url)
    }

    /// Opens the store with its keys (`KeyFile.resolve`: the environment's, the key file's, or
    /// new ones beside a new SQLite database), runs `body`, closes it.
    func withStore<T>(
        logger: Logger = Logger(label: "quorum"), clock: @escaping @Sendable () -> Timestamp = Store.systemClock,
        sessionClock: (@Sendable () -> Timestamp)? = nil,
        _ body: (Store) async throws -> T
    ) async throws -> T {
        let environment = ProcessInfo.processInfo.environment
        let url = try self.url()
        let keys: StoreKeys
        do {
            keys = try await KeyFile.resolve(for: url, file: keyFile, environment: environment)
        } catch let error as KeyFileError {
            Terminal.standardError(Words.say(error))
            throw Exit.unavailable
        }
        let store: Store
        do {
            store = try await Store.open(url, secret: keys.secret, logKey: keys.logKey, logger: logger, clock: clock, sessionClock: sessionClock)
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

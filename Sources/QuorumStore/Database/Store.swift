import Foundation
import Logging
import QuorumCore
import SQLKit

/// The database of one installation: migrations and queries written once, run on SQLite
/// (the embedded default) or on PostgreSQL, chosen by the URL.
///
/// A store holds a small pool of connections; every operation takes one connection for
/// its length, so a transaction and an import's temporary tables never leave it.
public final class Store: Sendable {
    public enum Backend: String, Sendable {
        case sqlite, postgres
    }

    public let url: DatabaseURL
    public var backend: Backend {
        if case .sqlite = url { .sqlite } else { .postgres }
    }

    let logger: Logger
    let clock: @Sendable () -> Timestamp
    let sessionClock: @Sendable () -> Timestamp
    /// `QUORUM_SECRET` when set; otherwise the key is generated on first start and kept in
    /// the `settings` table (see docs/STORE.md).
    let configuredSecret: String?
    /// `QUORUM_LOG_KEY` when set; otherwise the audit log's key is generated on first start
    /// and kept in `settings` (docs/AUDIT-LOG.md).
    let configuredLogKey: String?
    /// The log's signing key once read (it never changes while the store is open).
    let logKeyCache = LogKeyCache()
    /// SQLite's writers, one at a time (see `transaction(on:)`).
    let writers = WriterQueue()
    /// The group commit of online ballots (`castOnline`).
    let casts = CastBatcher()
    /// Keys read once (the personal-data key).
    let caches = StoreCaches()
    private let connections: any ConnectionProvider

    /// The wall clock, as the binary uses it; tests pass a fixed one.
    public static let systemClock: @Sendable () -> Timestamp = {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }

    /// Opens the database and checks that it answers. Call `migrate()` before use.
    /// `sessionClock` (default: `clock`) times sign-ins, sessions and one-time codes: the
    /// demo moves `clock` forward through a vote but not its sessions.
    public static func open(
        _ url: DatabaseURL, secret: String? = nil, logKey: String? = nil, logger: Logger = Logger(label: "quorum.store"),
        clock: @escaping @Sendable () -> Timestamp = Store.systemClock, sessionClock: (@Sendable () -> Timestamp)? = nil
    ) async throws -> Store {
        let store = Store(
            url: url, connections: try url.makePool(logger: logger), secret: secret, logKey: logKey, logger: logger,
            clock: clock, sessionClock: sessionClock ?? clock)
        do {
            try await store.withConnection { try await $0.raw("SELECT 1").run() }
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    private init(
        url: DatabaseURL, connections: any ConnectionProvider, secret: String?, logKey: String?, logger: Logger,
        clock: @escaping @Sendable () -> Timestamp, sessionClock: @escaping @Sendable () -> Timestamp
    ) {
        self.url = url
        self.connections = connections
        self.configuredSecret = secret.flatMap { $0.isEmpty ? nil : $0 }
        self.configuredLogKey = logKey.flatMap { $0.isEmpty ? nil : $0 }
        self.logger = logger
        self.clock = clock
        self.sessionClock = sessionClock
    }

    /// Closes every connection. The store is unusable afterwards.
    public func close() async throws {
        try await connections.shutdown()
    }

    /// Runs `body` on one connection of the pool.
    public func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await connections.withConnection(body)
    }

    /// How a transaction body ends: its result, and whether its writes are kept.
    enum Ending<T> {
        case commit(T)
        case rollback(T)
    }

    /// Runs `body` in a transaction on `db`. A thrown error rolls it back.
    ///
    /// A writing transaction on SQLite starts with `BEGIN IMMEDIATE`, which takes the write
    /// lock at once: two importers then queue instead of one failing when it first writes.
    /// PostgreSQL has no such statement and needs none (row locks do the queueing).
    ///
    /// SQLite's writers also queue in the process before `BEGIN IMMEDIATE`: a writer that
    /// waited inside SQLite would hold one of the few threads SQLite's calls run on, and
    /// enough of them would leave none for the writer they wait for to commit.
    func transaction<T>(
        on db: any SQLDatabase, writing: Bool = true, _ body: () async throws -> Ending<T>
    ) async throws -> T {
        guard writing && backend == .sqlite else { return try await run(transaction: body, on: db, begin: "BEGIN") }
        await writers.acquire()
        do {
            let value = try await run(transaction: body, on: db, begin: "BEGIN IMMEDIATE")
            await writers.release()
            return value
        } catch {
            await writers.release()
            throw error
        }
    }

    private func run<T>(transaction body: () async throws -> Ending<T>, on db: any SQLDatabase, begin: String) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        let ending: Ending<T>
        do {
            ending = try await body()
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
        switch ending {
        case .commit(let value):
            try await db.raw("COMMIT").run()
            return value
        case .rollback(let value):
            try await db.raw("ROLLBACK").run()
            return value
        }
    }
}

/// A queue of writers: one holds the turn, the others wait without holding a thread.
actor WriterQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// Why the store refuses, in Chinese and English.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// `quorum migrate` has not been run on this database.
    case notMigrated
    /// The database's personal data was hashed with another secret than the one given.
    case secretMismatch
    /// More than one division matches a name; more of the path tells them apart.
    case ambiguousDivision(level: DivisionLevel, name: String, matches: Int)
    case estateNotFound(String)
    case estateNameMissing
    /// The database has migrations this program does not know: it is older than the data.
    case unknownMigrations([String])
    /// A stored value this program cannot read: the database was edited by hand.
    case corrupt(String)

    public var description: String {
        switch self {
        case .notMigrated:
            "数据库尚未初始化，请先运行 quorum migrate / the database is not set up: run `quorum migrate` first"
        case .secretMismatch:
            "QUORUM_SECRET 与数据库中已有数据所用的密钥不同 / QUORUM_SECRET differs from the secret the stored "
                + "ID numbers were hashed with: set the original secret"
        case .ambiguousDivision(let level, let name, let matches):
            "有 \(matches) 个名为“\(name)”的\(level.chinese)，请同时给出上级（如 --street）/ \(matches) divisions of "
                + "level \(level.rawValue) are named \"\(name)\": name a higher level too (e.g. --street)"
        case .estateNotFound(let path):
            "没有小区“\(path)” / no estate \"\(path)\""
        case .estateNameMissing:
            "小区名称为空 / the estate's name is empty"
        case .unknownMigrations(let ids):
            "数据库由较新版本的 Quorum 创建 / the database was migrated by a newer Quorum: \(ids.joined(separator: ", "))"
        case .corrupt(let what):
            "数据库中有无法读取的数据 / the database holds a value this program cannot read: \(what)"
        }
    }
}

import Logging
import QuorumCore
import SQLKit
import Synchronization

/// What every context of the store shares: the pool, the clocks, the keys read once, and
/// the one transaction helper. Each context (`VotingStore`, `PaperStore`, …) is a value
/// holding it.
final class StoreDatabase: Sendable {
    let url: DatabaseURL
    var backend: Store.Backend {
        if case .sqlite = url { .sqlite } else { .postgres }
    }

    let logger: Logger
    let clock: @Sendable () -> Timestamp
    let sessionClock: @Sendable () -> Timestamp
    /// The personal-data secret (`KeyFile`: the environment's or the key file's); never kept
    /// in the database. Nil: operations that need it refuse with `StoreError.noKeys`.
    let configuredSecret: String?
    /// The audit log's signing key (`KeyFile`), likewise never kept in the database; checking
    /// the log needs only the public half the database keeps.
    let configuredLogKey: String?
    /// The log's signing key and the personal-data key once read (neither changes while the store is open).
    let logKeyCache = Mutex<LogSigningKey?>(nil)
    let personalKeyCache = Mutex<PersonalDataKey?>(nil)
    /// SQLite's writers, one at a time (see `transaction(on:)`).
    let writers = WriterQueue()
    /// The group commit of online ballots (`castOnline`).
    let casts = CastBatcher()
    let connections: any ConnectionProvider

    init(
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

/// A context of the store: a value over the shared database, reaching the pool, the one
/// transaction helper, the clocks and the other contexts through it.
protocol StoreContext: Sendable {
    var database: StoreDatabase { get }
}

extension StoreContext {
    var logger: Logger { database.logger }
    var backend: Store.Backend { database.backend }
    func clock() -> Timestamp { database.clock() }
    func sessionClock() -> Timestamp { database.sessionClock() }

    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.connections.withConnection(body)
    }

    func transaction<T>(
        on db: any SQLDatabase, writing: Bool = true, _ body: () async throws -> StoreDatabase.Ending<T>
    ) async throws -> T {
        try await database.transaction(on: db, writing: writing, body)
    }

    /// Runs `body` in a writing transaction on a connection of its own, and commits.
    func writing<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in try await transaction(on: db) { .commit(try await body(db)) } }
    }

    var register: RegisterStore { RegisterStore(database: database) }
    var voting: VotingStore { VotingStore(database: database) }
    var organising: OrganisingStore { OrganisingStore(database: database) }
    var paper: PaperStore { PaperStore(database: database) }
    var log: LogStore { LogStore(database: database) }
    var documents: DocumentStore { DocumentStore(database: database) }
    var tickets: TicketStore { TicketStore(database: database) }
    var results: ResultsStore { ResultsStore(database: database) }
    var staff: StaffStore { StaffStore(database: database) }
    var settings: SettingsStore { SettingsStore(database: database) }
    var books: BooksStore { BooksStore(database: database) }
    var facilities: FacilitiesStore { FacilitiesStore(database: database) }
}

/// The store's contexts, one per feature folder: each groups that feature's operations.
public struct RegisterStore: StoreContext { let database: StoreDatabase }
public struct VotingStore: StoreContext { let database: StoreDatabase }
public struct OrganisingStore: StoreContext { let database: StoreDatabase }
public struct PaperStore: StoreContext { let database: StoreDatabase }
public struct ResultsStore: StoreContext { let database: StoreDatabase }
public struct LogStore: StoreContext { let database: StoreDatabase }
public struct StaffStore: StoreContext { let database: StoreDatabase }
public struct BindingStore: StoreContext { let database: StoreDatabase }
public struct DocumentStore: StoreContext { let database: StoreDatabase }
public struct TicketStore: StoreContext { let database: StoreDatabase }
public struct SettingsStore: StoreContext { let database: StoreDatabase }
public struct BooksStore: StoreContext { let database: StoreDatabase }
public struct FacilitiesStore: StoreContext { let database: StoreDatabase }

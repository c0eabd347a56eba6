import Foundation
import Logging
import QuorumCore
import SQLKit

/// The database of one installation: migrations and queries written once, run on SQLite
/// (the embedded default) or on PostgreSQL, chosen by the URL.
///
/// Its operations are grouped by context (`store.voting`, `store.paper`, `store.log`, …),
/// each a small value over the one shared `StoreDatabase`.
public struct Store: StoreContext {
    public enum Backend: String, Sendable {
        case sqlite, postgres
    }

    let database: StoreDatabase

    public var url: DatabaseURL { database.url }
    public var backend: Backend { database.backend }
    public var register: RegisterStore { RegisterStore(database: database) }
    public var voting: VotingStore { VotingStore(database: database) }
    public var organising: OrganisingStore { OrganisingStore(database: database) }
    public var paper: PaperStore { PaperStore(database: database) }
    public var results: ResultsStore { ResultsStore(database: database) }
    public var log: LogStore { LogStore(database: database) }
    public var staff: StaffStore { StaffStore(database: database) }
    public var binding: BindingStore { BindingStore(database: database) }
    public var documents: DocumentStore { DocumentStore(database: database) }
    public var tickets: TicketStore { TicketStore(database: database) }
    public var settings: SettingsStore { SettingsStore(database: database) }
    public var books: BooksStore { BooksStore(database: database) }
    public var facilities: FacilitiesStore { FacilitiesStore(database: database) }

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
            database: StoreDatabase(
                url: url, connections: try url.makePool(logger: logger), secret: secret, logKey: logKey, logger: logger,
                clock: clock, sessionClock: sessionClock ?? clock))
        do {
            try await store.withConnection { try await $0.raw("SELECT 1").run() }
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Closes every connection. The store is unusable afterwards.
    public func close() async throws {
        try await database.connections.shutdown()
    }

    /// Runs `body` on one connection of the pool.
    public func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.connections.withConnection(body)
    }

    /// The store's clock: the time every operation records.
    public func now() -> Timestamp { database.clock() }
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

/// Why the store refuses (the command line says it: `Words`).
public enum StoreError: Error, Equatable {
    /// `quorum migrate` has not been run on this database.
    case notMigrated
    /// The database's personal data was hashed with another secret than the one given.
    case secretMismatch
    /// Neither `QUORUM_SECRET` and `QUORUM_LOG_KEY` nor a key file were given (`KeyFile`).
    case noKeys
    /// More than one division matches a name; more of the path tells them apart.
    case ambiguousDivision(level: DivisionLevel, name: String, matches: Int)
    case estateNotFound(String)
    case estateNameMissing
    /// The database has migrations this program does not know: it is older than the data.
    case unknownMigrations([String])
    /// A stored value this program cannot read: the database was edited by hand.
    case corrupt(String)
}

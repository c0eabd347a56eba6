import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit

/// Hands out one connection at a time for the length of a closure, so that a transaction
/// and the temporary tables of an import stay on one connection.
protocol ConnectionProvider: Sendable {
    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` on every connection the pool holds or may open, each held at once.
    func everyConnection(_ body: (any SQLDatabase) async throws -> Void) async throws
    func shutdown() async throws
}

/// A pool of connections of either kind. AsyncKit's pool locks its own state but is not
/// marked `Sendable`; nothing here touches it outside the pool's own methods.
final class Pool<Source: ConnectionPoolSource>: ConnectionProvider, @unchecked Sendable
where Source.Connection: Sendable {
    private let pool: EventLoopGroupConnectionPool<Source>
    private let sql: @Sendable (Source.Connection) -> any SQLDatabase

    init(source: Source, size: Int, logger: Logger, sql: @escaping @Sendable (Source.Connection) -> any SQLDatabase) {
        pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: size, requestTimeout: .seconds(60), pruneInterval: nil,
            logger: logger, on: MultiThreadedEventLoopGroup.singleton)
        self.sql = sql
    }

    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection().get()
        defer { pool.releaseConnection(connection) }
        return try await body(sql(connection))
    }

    func everyConnection(_ body: (any SQLDatabase) async throws -> Void) async throws {
        for loop in pool.eventLoopGroup.makeIterator() {
            let onLoop = pool.pool(for: loop)
            var held: [Source.Connection] = []
            defer { for connection in held { onLoop.releaseConnection(connection) } }
            for _ in 0..<pool.maxConnectionsPerEventLoop { held.append(try await onLoop.requestConnection().get()) }
            for connection in held { try await body(sql(connection)) }
        }
    }

    func shutdown() async throws {
        try await pool.shutdownAsync()
    }
}

/// Opens SQLite connections set up for Quorum: write-ahead logging, so readers never wait
/// for the writer; foreign keys on; a writer waits for another rather than failing at once.
struct SQLiteSource: ConnectionPoolSource {
    let path: String

    static let pragmas = [
        "PRAGMA journal_mode = WAL",
        // FULL: every commit is flushed to disk (the WAL's fsync) before COMMIT returns, so a
        // receipt is never sent for a ballot a power cut could lose. NORMAL would survive a
        // crash of the process but not of the machine. The cast path commits ballots in
        // groups (CastBatcher), so the flush is paid once a batch, not once a ballot.
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 30000",
        // 128 MiB of page cache a connection: a city's indexes are inserted into at random.
        "PRAGMA cache_size = -131072",
        // Checkpoint the WAL every 40 MB rather than every 4 MB: fewer syncs of the database.
        "PRAGMA wal_autocheckpoint = 10000",
        // An import's staging tables are emptied before use, so their journal need not
        // survive a crash: keep it in memory rather than in a file made and removed each time.
        "PRAGMA temp.journal_mode = MEMORY",
    ]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        eventLoop.makeFutureWithTask {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: .singleton, logger: logger, on: eventLoop)
            do {
                for pragma in Self.pragmas { _ = try await connection.query(pragma) }
            } catch {
                try? await connection.close()
                throw error
            }
            return connection
        }
    }
}

extension DatabaseURL {
    /// The pool for this URL. No query is logged: binds carry personal data.
    func makePool(logger: Logger) throws -> any ConnectionProvider {
        switch self {
        case .sqlite(let path):
            return Pool(source: SQLiteSource(path: path), size: 2, logger: logger) { $0.sql(queryLogLevel: nil) }
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            return Pool(source: PostgresConnectionSource(sqlConfiguration: configuration), size: 4, logger: logger) {
                PostgresSQL(connection: $0)
            }
        }
    }
}

/// A PostgreSQL connection seen through SQLKit, which keeps the connection at hand for
/// the one thing SQL statements do slowly there: bulk loading with `COPY … FROM STDIN`.
struct PostgresSQL: SQLDatabase {
    let connection: PostgresConnection
    private let sql: any SQLDatabase

    init(connection: PostgresConnection) {
        self.connection = connection
        self.sql = connection.sql(queryLogLevel: nil)
    }

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    /// Loads rows of text values into a table with `COPY … FROM STDIN` (text format).
    func copy(into table: String, columns: [String], rows: some Sequence<[String]>) async throws {
        var buffer = ByteBuffer()
        for row in rows {
            for (position, value) in row.enumerated() {
                if position > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                Self.writeEscaped(value, to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        try await connection.copyFrom(table: table, columns: columns, logger: connection.logger) { writer in
            try await writer.write(buffer)
        }
    }

    /// COPY's text format: backslash, tab, newline and carriage return are escaped.
    private static func writeEscaped(_ value: String, to buffer: inout ByteBuffer) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}

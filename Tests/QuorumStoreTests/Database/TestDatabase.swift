import Foundation
import Logging
import QuorumCore
import QuorumStore
import SQLKit
import Testing

/// The databases every store test runs on: SQLite always, PostgreSQL when
/// `QUORUM_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["QUORUM_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// A fixed clock: 2024-01-20 10:00 +08:00.
    static let clock: @Sendable () -> Timestamp = { Timestamp(millisecondsSinceEpoch: 1_705_716_000_000) }

    /// Runs `body` on a fresh, migrated database of this kind, and removes it afterwards:
    /// a new SQLite file, or a new PostgreSQL schema.
    func withStore(
        secret: String? = "test secret", logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (Store) async throws -> Void
    ) async throws {
        try await withEmptyDatabase { url in
            let store = try await Store.open(url, secret: secret, logger: logger, clock: Self.clock)
            do {
                try await store.migrate()
                try await body(store)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }

    /// Runs `body` with the URL of an empty database of this kind, removed afterwards.
    func withEmptyDatabase(_ body: (DatabaseURL) async throws -> Void) async throws {
        let name = "quorum_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try await body(.sqlite(path: path))
        case .postgres:
            let base = try #require(Self.postgresURL)
            let admin = try await Store.open(try DatabaseURL(base))
            try await admin.withConnection { try await $0.raw("CREATE SCHEMA \(ident: name)").run() }
            do {
                try await body(try DatabaseURL(base + (base.contains("?") ? "&" : "?") + "schema=\(name)"))
            } catch {
                try? await admin.withConnection { try await $0.raw("DROP SCHEMA \(ident: name) CASCADE").run() }
                try? await admin.close()
                throw error
            }
            try await admin.withConnection { try await $0.raw("DROP SCHEMA \(ident: name) CASCADE").run() }
            try await admin.close()
        }
    }
}

/// Files written for a test, removed with the directory when the test ends.
struct TestFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

extension Store {
    /// Every row of every table of the register, as text, sorted: equal snapshots mean the
    /// database did not change.
    func snapshot() async throws -> [String] {
        let tables = [
            "quorum_migrations", "settings", "divisions", "division_ancestors", "register_revisions", "units", "owners",
        ]
        return try await withConnection { db in
            var lines: [String] = []
            for table in tables {
                for row in try await db.raw("SELECT * FROM \(ident: table)").all() {
                    lines.append(table + ": " + row.allColumns.sorted().map { "\($0)=\(row.text($0))" }.joined(separator: ", "))
                }
            }
            return lines.sorted()
        }
    }
}

extension SQLRow {
    /// A column's value as text, whatever its type.
    func text(_ column: String) -> String {
        if (try? decodeNil(column: column)) == true { return "NULL" }
        if let value = try? decode(column: column, as: Int64.self) { return String(value) }
        if let value = try? decode(column: column, as: String.self) { return value }
        return "?"
    }
}

/// A fresh store with one register file imported, and the folder the file is in.
struct Imported {
    let store: Store
    let result: RegisterImportResult
    let files: TestFiles
    let file: String

    var estate: Division { result.estate }

    /// The estate's register now, or at a revision.
    func register(at revision: Int? = nil) async throws -> StoredRegister {
        try #require(try await store.register.stored(of: estate.id, at: revision))
    }
}

extension TestDatabase {
    /// Runs `body` on a fresh store into which `text` was imported as `estate`'s register.
    func withImported(
        _ text: String, estate: EstatePath = EstatePath(estate: "天汇广场"),
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (Imported) async throws -> Void
    ) async throws {
        let files = try TestFiles()
        defer { files.remove() }
        let file = try files.write("registry.csv", text)
        try await withStore(logger: logger) { store in
            let result = try await store.register.importRegister(file: file, estate: estate)
            try await body(Imported(store: store, result: result, files: files, file: file))
        }
    }
}

/// What an import that must fail threw.
func rejection<T>(_ body: () async throws -> T) async -> RegisterRejected? {
    await #expect(throws: RegisterRejected.self) { _ = try await body() }
}

extension TestDatabase {
    /// A migrated store on a clock the test moves, with `registry` imported as `estate`.
    func withEstate(
        registry: String, estate: EstatePath, _ body: (Store, Int64, TestClock) async throws -> Void
    ) async throws {
        let clock = TestClock()
        try await withEmptyDatabase { url in
            let store = try await Store.open(url, secret: "test secret", clock: clock.read)
            defer { Task { try? await store.close() } }
            try await store.migrate()
            let files = try TestFiles()
            defer { files.remove() }
            let result = try await store.register.importRegister(file: try files.write("registry.csv", registry), estate: estate)
            try await body(store, result.estate.id, clock)
        }
    }
}

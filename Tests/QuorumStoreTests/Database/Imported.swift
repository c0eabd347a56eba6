import Foundation
import Logging
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

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
        try await withStore(clock: clock.read) { store in
            let files = try TestFiles()
            defer { files.remove() }
            let result = try await store.register.importRegister(file: try files.write("registry.csv", registry), estate: estate)
            try await body(store, result.estate.id, clock)
        }
    }
}

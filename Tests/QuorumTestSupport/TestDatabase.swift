import Foundation
import Logging
import QuorumCore
import QuorumStore
import SQLKit
import Testing

/// The databases every store and web test runs on: SQLite always, PostgreSQL when
/// `QUORUM_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
public enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["QUORUM_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var testDescription: String { rawValue }

    /// Runs `body` on a fresh, migrated database of this kind, and removes it afterwards:
    /// a new SQLite file, or a new PostgreSQL schema.
    public func withStore(
        secret: String? = "test secret", logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        logKey: String? = nil, clock: @escaping @Sendable () -> Timestamp = TestClock.fixed, _ body: (Store) async throws -> Void
    ) async throws {
        try await withEmptyDatabase { url in
            let store = try await Store.open(url, secret: secret, logKey: logKey, logger: logger, clock: clock)
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
    public func withEmptyDatabase(_ body: (DatabaseURL) async throws -> Void) async throws {
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
public struct TestFiles {
    public let directory: URL

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

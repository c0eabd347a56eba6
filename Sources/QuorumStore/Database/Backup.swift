import Foundation
import SQLKit

/// Why a backup or a restore was refused (the command line says it: `Words`).
public enum BackupError: Error, Equatable {
    /// PostgreSQL is backed up with its own tools (docs/PERFORMANCE.md: pg_dump).
    case notSQLite
    case exists(String)
    /// `PRAGMA integrity_check` found damage.
    case damaged(String)
}

extension Store {
    /// Writes a consistent copy of the whole SQLite database to a new file while it stays in
    /// use (`VACUUM INTO`: a read transaction, so writers carry on; the copy is compacted and
    /// holds every transaction committed before it began — a ballot is in it with its log
    /// entry or not at all).
    public func backup(to path: String) async throws {
        guard backend == .sqlite else { throw BackupError.notSQLite }
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path) }
        try await withConnection { try await $0.raw("VACUUM INTO \(bind: path)").run() }
    }

    /// SQLite's own check of every page and index: nil when sound, else its report.
    public func integrityProblems() async throws -> String? {
        guard backend == .sqlite else { return nil }
        let lines = try await withConnection { db in
            try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
        }
        return lines == ["ok"] ? nil : lines.prefix(20).joined(separator: "; ")
    }
}

import ArgumentParser
import Foundation
import QuorumStore

/// `quorum backup FILE`: a consistent copy of a live SQLite database, checked.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the SQLite database while it is in use, and check the copy (在线备份).",
        discussion:
            "PostgreSQL: use pg_dump (docs/PERFORMANCE.md). The copy is checked with SQLite's integrity check and `quorum verify`'s log check.")

    @Argument(help: "The new file to write.")
    var file: String

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await options.withStore { store in
            do {
                try await store.backup(to: file)
            } catch let error as BackupError {
                Terminal.standardError(Words.say(error))
                throw Exit.unavailable
            }
        }
        try await Self.check(file)
        Terminal.standardError("已备份并校验 / backed up and checked: \(file)")
    }

    /// A backup file is sound, and its audit log verifies (every hash, signature and proof).
    static func check(_ file: String) async throws {
        let store = try await Store.open(try DatabaseURL("sqlite:///" + URL(fileURLWithPath: file).path))
        let problems = try await store.integrityProblems()
        let log = problems == nil ? try await store.log.verify().result : nil
        try await store.close()
        if let problems {
            Terminal.standardError(Words.say(BackupError.damaged(problems)))
            throw Exit.badData
        }
        if case .failure(let problem) = log {
            Terminal.standardError(Words.say(problem, in: file))
            throw Exit.badData
        }
    }
}

/// `quorum restore FILE`: put a checked backup in place of the SQLite database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the SQLite database by a backup, after checking it (从备份恢复).",
        discussion: "Stop every `quorum serve` on the database first. PostgreSQL: use pg_restore (docs/PERFORMANCE.md).")

    @Argument(help: "The backup file (`quorum backup`).")
    var file: String

    @Flag(help: "Replace an existing database.")
    var force = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard case .sqlite(let target) = try options.url() else {
            Terminal.standardError(Words.say(BackupError.notSQLite))
            throw Exit.unavailable
        }
        try await BackupCommand.check(file)
        let manager = FileManager.default
        if manager.fileExists(atPath: target) && !force {
            Terminal.standardError("\(Words.say(BackupError.exists(target))) (--force 覆盖 / to replace it)")
            throw Exit.unavailable
        }
        // Copy beside the target, then rename over it: the database is either the old or the
        // restored one, never half of each. Its old write-ahead log must not be replayed on it.
        let staging = target + ".restoring"
        try? manager.removeItem(atPath: staging)
        try manager.copyItem(atPath: file, toPath: staging)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: staging))
        try handle.synchronize()
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target + suffix) }
        if rename(staging, target) != 0 { throw CocoaError(.fileWriteUnknown) }
        Terminal.standardError("已恢复 / restored \(file) → \(target)")
    }
}

import Foundation
import QuorumCore
import SQLKit

/// The two keys a database must not hold (issue 13): the personal-data secret (whoever has
/// it and the database reads ID numbers and phones) and the audit log's signing key (whoever
/// has it and the database rewrites history and signs it). They live in a key file of their
/// own, readable by its owner only, or in `QUORUM_SECRET` and `QUORUM_LOG_KEY`.
public struct StoreKeys: Sendable, Equatable {
    public var secret: String
    public var logKey: String

    public init(secret: String, logKey: String) {
        self.secret = secret
        self.logKey = logKey
    }

    /// New keys: a 256-bit secret and an Ed25519 seed.
    public static func generate() -> StoreKeys {
        StoreKeys(secret: PersonalDataKey.generateSecret(), logKey: LogSigningKey.generate().base64)
    }
}

/// Why the keys could not be had.
public enum KeyFileError: Error, Equatable {
    case unreadable(path: String)
    /// A line is neither a comment nor `QUORUM_SECRET=…` / `QUORUM_LOG_KEY=…`, or one is missing.
    case malformed(path: String)
    /// Others may read it (its mode, in octal).
    case exposed(path: String, mode: Int)
    /// On PostgreSQL nothing sits beside the database: every instance must be given the same keys.
    case required
    /// The database has data hashed and signed with keys that are nowhere to be found: its key
    /// file (here `path`) must be put back; new keys would read none of it.
    case lost(path: String)
}

/// The key file: `QUORUM_SECRET=…` and `QUORUM_LOG_KEY=…` lines (an environment file a
/// service manager can read too), mode 0600.
public enum KeyFile {
    /// Where a SQLite database's key file goes when none is named: beside it, `….keys`.
    public static func defaultPath(for url: DatabaseURL) -> String? {
        if case .sqlite(let path) = url { path + ".keys" } else { nil }
    }

    public static func read(_ path: String) throws -> StoreKeys {
        guard let data = FileManager.default.contents(atPath: path) else { throw KeyFileError.unreadable(path: path) }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw KeyFileError.exposed(path: path, mode: mode)
        }
        var values: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["QUORUM_SECRET", "QUORUM_LOG_KEY"].contains(parts[0]) else { throw KeyFileError.malformed(path: path) }
            values[parts[0]] = parts[1]
        }
        guard let secret = values["QUORUM_SECRET"], !secret.isEmpty, let logKey = values["QUORUM_LOG_KEY"], LogSigningKey(base64: logKey) != nil
        else { throw KeyFileError.malformed(path: path) }
        return StoreKeys(secret: secret, logKey: logKey)
    }

    /// Writes a new key file, readable by its owner only; an existing file is never replaced.
    public static func create(_ keys: StoreKeys, at path: String) throws {
        let text = """
            # Quorum's keys. Keep this file apart from the database and its backups, and keep it:
            # without it the ID numbers cannot be matched, the phones not read, the log not signed.
            QUORUM_SECRET=\(keys.secret)
            QUORUM_LOG_KEY=\(keys.logKey)

            """
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw KeyFileError.unreadable(path: path) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else { throw KeyFileError.unreadable(path: path) }
    }

    /// The keys for `url`: `QUORUM_SECRET` and `QUORUM_LOG_KEY` where set, else the key file
    /// (`file`, else `QUORUM_KEY_FILE`, else beside a SQLite database). Keys an earlier
    /// version kept in the database are moved out into the key file and cleared from it. On
    /// SQLite with none anywhere, new keys are written to the file beside the database; on
    /// PostgreSQL keys must be given.
    public static func resolve(for url: DatabaseURL, file: String?, environment: [String: String]) async throws -> StoreKeys {
        let path = file ?? environment["QUORUM_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath(for: url)
        let fromFile = try path.flatMap { FileManager.default.fileExists(atPath: $0) ? try read($0) : nil }
        let secret = environment["QUORUM_SECRET"].flatMap { $0.isEmpty ? nil : $0 } ?? fromFile?.secret
        let logKey = environment["QUORUM_LOG_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? fromFile?.logKey
        guard (secret != nil && logKey != nil) || path != nil else { throw KeyFileError.required }
        let legacy = try await Store.legacyKeys(at: url)
        let keys: StoreKeys
        if let secret, let logKey {
            keys = StoreKeys(secret: secret, logKey: logKey)
        } else if let path {
            // New keys only for a database that has none yet: one in use needs its own back.
            if legacy.inUse && (secret ?? legacy.secret) == nil { throw KeyFileError.lost(path: path) }
            keys = StoreKeys(
                secret: secret ?? legacy.secret ?? PersonalDataKey.generateSecret(),
                logKey: logKey ?? legacy.logKey ?? LogSigningKey.generate().base64)
            try create(keys, at: path)
        } else {
            throw KeyFileError.required
        }
        if legacy.secret != nil || legacy.logKey != nil { try await Store.clearLegacyKeys(at: url, matching: keys) }
        return keys
    }
}

extension Store {
    /// The keys an earlier version of Quorum kept in the database's `settings`, if any, and
    /// whether the database is in use (it holds a key's fingerprint).
    static func legacyKeys(at url: DatabaseURL) async throws -> (secret: String?, logKey: String?, inUse: Bool) {
        let rows = try await withBareConnection(to: url) { db in
            // A database not migrated yet has no settings table: nothing to move.
            try? await db.raw(
                """
                SELECT key, value FROM settings
                WHERE key IN ('personal_data_secret', 'audit_log_signing_key', 'personal_data_key_fingerprint')
                """
            ).all()
        }
        var found: [String: String] = [:]
        for row in rows ?? [] { found[try row.decode(column: "key", as: String.self)] = try row.decode(column: "value", as: String.self) }
        return (found["personal_data_secret"], found["audit_log_signing_key"], found["personal_data_key_fingerprint"] != nil)
    }

    /// Removes the keys an earlier version kept in the database, those that `keys` now holds.
    static func clearLegacyKeys(at url: DatabaseURL, matching keys: StoreKeys) async throws {
        try await withBareConnection(to: url) { db in
            try await db.raw(
                """
                DELETE FROM settings WHERE (key = 'personal_data_secret' AND value = \(bind: keys.secret))
                OR (key = 'audit_log_signing_key' AND value = \(bind: keys.logKey))
                """
            ).run()
        }
    }

    private static func withBareConnection<T>(to url: DatabaseURL, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let store = try await Store.open(url)
        do {
            let result = try await store.withConnection(body)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

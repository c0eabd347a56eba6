import QuorumCore
import SQLKit

/// Why the audit log refuses (the command line says it: `Words`).
public enum AuditLogError: Error, Equatable {
    /// `QUORUM_LOG_KEY` is not a base64 Ed25519 key of 32 bytes.
    case badLogKey
    /// The configured key is not the one the log's heads were signed with.
    case logKeyMismatch
    /// A proof was asked for sizes or an index the log does not have.
    case outOfRange
    /// The log has no entry yet, so there is no tree to sign.
    case emptyLog
}

extension LogStore {
    /// The audit log's Ed25519 signing key: `QUORUM_LOG_KEY` or the key file's, never kept
    /// in the database (`KeyFile`). The database keeps its public half, and a different key
    /// is refused rather than starting a second history.
    func logSigningKey(on db: any SQLDatabase, creating: Bool = false) async throws -> LogSigningKey {
        if !creating, let cached = database.logKeyCache.withLock({ $0 }) { return cached }
        guard let configuredLogKey = database.configuredLogKey else { throw StoreError.noKeys }
        guard let key = LogSigningKey(base64: configuredLogKey) else { throw AuditLogError.badLogKey }
        let publicKey = ByteText.base64(key.publicKey.raw)
        if creating { try await insertSetting("audit_log_public_key", publicKey, on: db) }
        guard let kept = try await setting("audit_log_public_key", on: db) else { throw StoreError.notMigrated }
        guard kept == publicKey else { throw AuditLogError.logKeyMismatch }
        database.logKeyCache.withLock { $0 = key }
        return key
    }

    /// The public half of the log's key as the database keeps it: all that checking the log
    /// needs, so it is checked without the signing key.
    func keptPublicKey(on db: any SQLDatabase) async throws -> LogPublicKey {
        if let cached = database.logKeyCache.withLock({ $0 }) { return cached.publicKey }
        guard let kept = try await setting("audit_log_public_key", on: db) else { throw StoreError.notMigrated }
        guard let key = LogPublicKey(text: kept) else { throw AuditLogError.badLogKey }
        return key
    }

    /// The public half of the log's key, as the site shows it.
    public func publicKey() async throws -> LogPublicKey {
        try await withConnection { try await keptPublicKey(on: $0) }
    }

    /// The pseudonymous voter id of a voting person in a vote (`Pseudonym.voter`).
    public func voterPseudonym(vote: String, person: String, on db: any SQLDatabase) async throws -> String {
        try await personalDataKey(on: db, creating: false).voter(vote: vote, person: person)
    }

    public func voterPseudonym(vote: String, person: String) async throws -> String {
        try await withConnection { try await voterPseudonym(vote: vote, person: person, on: $0) }
    }
}

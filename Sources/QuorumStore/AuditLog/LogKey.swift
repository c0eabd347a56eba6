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
    /// The audit log's Ed25519 signing key.
    ///
    /// With `QUORUM_LOG_KEY` set (base64 of the 32-byte seed), that is the key, and the
    /// database keeps only its public half. Without it, a key is generated on first start and
    /// kept in `settings`, shared by every instance on the database. Either way the public
    /// half is kept, and a different key is refused rather than starting a second history.
    func logSigningKey(on db: any SQLDatabase, creating: Bool = false) async throws -> LogSigningKey {
        if !creating, let cached = database.logKeyCache.withLock { $0 } { return cached }
        let key: LogSigningKey
        if let configuredLogKey = database.configuredLogKey {
            guard let configured = LogSigningKey(base64: configuredLogKey) else { throw AuditLogError.badLogKey }
            key = configured
        } else {
            if creating { try await insertSetting("audit_log_signing_key", LogSigningKey.generate().base64, on: db) }
            guard let stored = try await setting("audit_log_signing_key", on: db) else { throw StoreError.notMigrated }
            guard let parsed = LogSigningKey(base64: stored) else { throw AuditLogError.badLogKey }
            key = parsed
        }
        let publicKey = ByteText.base64(key.publicKey.raw)
        if creating { try await insertSetting("audit_log_public_key", publicKey, on: db) }
        guard let kept = try await setting("audit_log_public_key", on: db) else { throw StoreError.notMigrated }
        guard kept == publicKey else { throw AuditLogError.logKeyMismatch }
        database.logKeyCache.withLock { $0 = key }
        return key
    }

    /// The public half of the log's key, as the site shows it.
    public func publicKey() async throws -> LogPublicKey {
        try await withConnection { try await logSigningKey(on: $0).publicKey }
    }

    /// The pseudonymous voter id of a voting person in a vote (`Pseudonym.voter`).
    public func voterPseudonym(vote: String, person: String, on db: any SQLDatabase) async throws -> String {
        try await personalDataKey(on: db, creating: false).voter(vote: vote, person: person)
    }

    public func voterPseudonym(vote: String, person: String) async throws -> String {
        try await withConnection { try await voterPseudonym(vote: vote, person: person, on: $0) }
    }
}

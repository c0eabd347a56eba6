import Crypto
import Foundation
import Logging
import QuorumCore
import SQLKit

/// The start of a binding: the attempt to confirm with the code, and where the code went.
public struct BindingStart: Sendable, Hashable {
    public var attempt: String
    public var phoneMasked: String
}

/// A signed-in owner.
public struct OwnerSession: Sendable, Hashable {
    public var token: String
    public var estateID: Int64
    public var idHash: String
    public var ownerName: String
    /// The CSRF token every form of this session carries.
    public var csrf: String
}

extension BindingStore {
    /// Step 1 of binding by the register: the name and ID number must be an owner's of the
    /// estate with a phone on file; a 6-digit code goes to that phone.
    public func start(
        estate: Int64, name: String, idNumber: String, address: String, sender: any MessageSender
    ) async throws -> BindingStart {
        // An IPv6 client counts by its /64 (`AddressLimits`).
        let address = AddressLimits.key(for: address)
        let (attempt, phone, masked, code) = try await withConnection { db in
            let key = try await personalDataKey(on: db, creating: false)
            let now = sessionClock().millisecondsSinceEpoch
            func limit(_ column: String, _ value: String, to limit: Int) async throws {
                if let until = try await limitedUntil(column, value, limit: limit, now: now, on: db) {
                    throw BindingError.tooManyRequests(until: Timestamp(millisecondsSinceEpoch: until))
                }
            }
            // The address's limit first, whatever it asks: past it, a guess of a name and
            // number gets the same answer right or wrong, so guessing teaches nothing.
            try await limit("address", address, to: BindingLimits.codesPerAddressPerHour)
            let idHash = key.hash(idNumber.trimmingCharacters(in: .whitespaces).uppercased())
            let owner = try await db.raw(
                """
                SELECT phone_hash, phone_masked, phone_sealed FROM owners WHERE estate_id = \(bind: estate)
                AND id_hash = \(bind: idHash) AND name = \(bind: name.trimmingCharacters(in: .whitespaces))
                AND valid_to IS NULL ORDER BY phone_sealed DESC
                """
            ).first()
            let phoneHash = try owner?.decode(column: "phone_hash", as: String.self) ?? ""
            let phone = try owner.flatMap { key.open(try $0.decode(column: "phone_sealed", as: String.self)) }
            guard let owner, !phoneHash.isEmpty, let phone else {
                // A failed try counts against the address like a code sent: an attempt that
                // can never be confirmed (no code, already used).
                try await db.raw(
                    """
                    INSERT INTO binding_attempts (id, estate_id, id_hash, phone_hash, address, code_hash, created_at, expires_at, used)
                    VALUES (\(bind: randomHex(bytes: 16)), \(bind: estate), '', '',
                    \(bind: address), '', \(bind: now), \(bind: now), 1)
                    """
                ).run()
                throw owner == nil ? BindingError.noSuchOwner : BindingError.noPhoneOnFile
            }
            try await limit("phone_hash", phoneHash, to: BindingLimits.codesPerPhonePerHour)
            let attempt = randomHex(bytes: 16)
            let code = String(format: "%06d", Int.random(in: 0..<1_000_000))
            try await db.raw(
                """
                INSERT INTO binding_attempts (id, estate_id, id_hash, phone_hash, address, code_hash, created_at, expires_at)
                VALUES (\(bind: attempt), \(bind: estate), \(bind: idHash), \(bind: phoneHash), \(bind: address),
                \(bind: key.hash(attempt + code)), \(bind: now), \(bind: now + BindingLimits.codeLifetimeMilliseconds))
                """
            ).run()
            return (attempt, phone, try owner.decode(column: "phone_masked", as: String.self), code)
        }
        try await sender.send(.bindingCode(code), to: phone)
        return BindingStart(attempt: attempt, phoneMasked: masked)
    }

    /// Until when the attempts of the last hour whose `column` is `value` are at `limit`
    /// (the oldest of the last `limit` of them, an hour on); nil while below it.
    func limitedUntil(_ column: String, _ value: String, limit: Int, now: Int64, on db: any SQLDatabase) async throws -> Int64? {
        let times = try await db.raw(
            """
            SELECT created_at FROM binding_attempts WHERE \(ident: column) = \(bind: value) AND created_at > \(bind: now - 3_600_000)
            ORDER BY created_at DESC LIMIT \(bind: limit)
            """
        ).all(decodingColumn: "created_at", as: Int64.self)
        return times.count >= limit ? times[limit - 1] + 3_600_000 : nil
    }

    /// When the owner of `attempt` may ask for a new code (the code page says so after five
    /// wrong tries): now, unless their phone or address has had its codes for the hour.
    public func nextCodeAllowed(attempt: String) async throws -> Timestamp {
        try await withConnection { db in
            let now = sessionClock().millisecondsSinceEpoch
            guard let row = try await db.raw("SELECT phone_hash, address FROM binding_attempts WHERE id = \(bind: attempt)").first() else {
                return Timestamp(millisecondsSinceEpoch: now)
            }
            let phone = try await limitedUntil(
                "phone_hash", try row.decode(column: "phone_hash", as: String.self), limit: BindingLimits.codesPerPhonePerHour, now: now, on: db)
            let address = try await limitedUntil(
                "address", try row.decode(column: "address", as: String.self), limit: BindingLimits.codesPerAddressPerHour, now: now, on: db)
            return Timestamp(millisecondsSinceEpoch: max(now, phone ?? now, address ?? now))
        }
    }

    /// Step 2: the code. Five wrong tries lock the attempt; a code lives five minutes.
    public func confirm(attempt: String, code: String) async throws -> OwnerSession {
        try await withConnection { db in
            let key = try await personalDataKey(on: db, creating: false)
            let now = sessionClock().millisecondsSinceEpoch
            // The try is taken before the code is compared, in one statement: however many
            // guesses arrive at once, no more than the limit are ever compared (issue 13).
            guard
                let row = try await db.raw(
                    """
                    UPDATE binding_attempts SET tries = tries + 1
                    WHERE id = \(bind: attempt) AND used = 0 AND expires_at > \(bind: now) AND tries < \(bind: BindingLimits.triesPerCode)
                    RETURNING tries, code_hash, estate_id, id_hash
                    """
                ).first()
            else {
                let tries = try await db.raw("SELECT tries, used, expires_at FROM binding_attempts WHERE id = \(bind: attempt)").first()
                guard let tries, try tries.decode(column: "used", as: Int.self) == 0, now < (try tries.decode(column: "expires_at", as: Int64.self))
                else { throw BindingError.codeExpired }
                throw BindingError.locked
            }
            let tries = try row.decode(column: "tries", as: Int.self)
            guard key.hash(attempt + code.trimmingCharacters(in: .whitespaces)) == (try row.decode(column: "code_hash", as: String.self)) else {
                let left = BindingLimits.triesPerCode - tries
                throw left > 0 ? BindingError.wrongCode(triesLeft: left) : BindingError.locked
            }
            // Two right guesses at once: one binds.
            guard try await db.raw("UPDATE binding_attempts SET used = 1 WHERE id = \(bind: attempt) AND used = 0 RETURNING id").first() != nil
            else { throw BindingError.codeExpired }
            let estate = try row.decode(column: "estate_id", as: Int64.self)
            let idHash = try row.decode(column: "id_hash", as: String.self)
            return try await bind(estate: estate, idHash: idHash, method: "register", on: db, key: key)
        }
    }

    /// Records the binding and opens a new session (a new token at every binding).
    func bind(estate: Int64, idHash: String, method: String, on db: any SQLDatabase, key: PersonalDataKey) async throws -> OwnerSession {
        let now = sessionClock().millisecondsSinceEpoch
        try await db.raw(
            """
            INSERT INTO bindings (estate_id, id_hash, method, bound_at) VALUES (\(bind: estate), \(bind: idHash), \(bind: method), \(bind: now))
            ON CONFLICT (estate_id, id_hash) DO NOTHING
            """
        ).run()
        let name =
            try await db.raw(
                "SELECT name FROM owners WHERE estate_id = \(bind: estate) AND id_hash = \(bind: idHash) AND valid_to IS NULL"
            ).first(decodingColumn: "name", as: String.self) ?? ""
        let (token, csrf) = (randomHex(bytes: 32), randomHex(bytes: 16))
        try await db.raw(
            """
            INSERT INTO sessions (token_hash, estate_id, id_hash, owner_name, csrf, created_at, expires_at)
            VALUES (\(bind: Self.tokenHash(token)), \(bind: estate), \(bind: idHash), \(bind: name), \(bind: csrf), \(bind: now),
            \(bind: now + BindingLimits.sessionLifetimeMilliseconds))
            """
        ).run()
        return OwnerSession(token: token, estateID: estate, idHash: idHash, ownerName: name, csrf: csrf)
    }

    /// The live session of a token, if any: none once its owner has left the estate's
    /// register (an import without them), whatever the session's lifetime (issue 13, item 21).
    public func session(token: String) async throws -> OwnerSession? {
        try await withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT * FROM sessions WHERE token_hash = \(bind: Self.tokenHash(token)) AND revoked = 0
                    AND expires_at > \(bind: sessionClock().millisecondsSinceEpoch) AND EXISTS (SELECT 1 FROM owners o
                    WHERE o.id_hash = sessions.id_hash AND o.estate_id = sessions.estate_id AND o.valid_to IS NULL)
                    """
                ).first()
            else { return nil }
            return OwnerSession(
                token: token, estateID: try row.decode(column: "estate_id", as: Int64.self),
                idHash: try row.decode(column: "id_hash", as: String.self), ownerName: try row.decode(column: "owner_name", as: String.self),
                csrf: try row.decode(column: "csrf", as: String.self))
        }
    }

    /// Every estate whose register holds the owner now: an ID number has one keyed hash in
    /// every estate, so one binding sees them all (issue 13, item 20).
    public func estates(of idHash: String) async throws -> [Int64] {
        try await withConnection { db in
            try await db.raw("SELECT DISTINCT estate_id FROM owners WHERE id_hash = \(bind: idHash) AND valid_to IS NULL ORDER BY estate_id")
                .all(decodingColumn: "estate_id", as: Int64.self)
        }
    }

    /// Ends a session on the server: its cookie no longer signs anyone in.
    public func endSession(token: String) async throws {
        try await withConnection { db in
            try await db.raw("UPDATE sessions SET revoked = 1 WHERE token_hash = \(bind: Self.tokenHash(token))").run()
        }
    }

    static func tokenHash(_ token: String) -> String {
        hex(SHA256.hash(data: Array(token.utf8)))
    }

    /// Binding by a trusted digital identity: the verified credential's subject (the ID
    /// number) must be an owner's of the estate (and its name, when it gives one, match), and
    /// its `jti` must be new for its issuer: it is kept until the credential expires, so a
    /// credential binds once however often it is presented.
    public func bind(estate: Int64, credential: VerifiedCredential) async throws -> OwnerSession {
        try await withConnection { db in
            try await transaction(on: db) {
                let key = try await personalDataKey(on: db, creating: false)
                let idHash = key.hash(credential.subject.trimmingCharacters(in: .whitespaces).uppercased())
                let names = try await db.raw(
                    "SELECT name FROM owners WHERE estate_id = \(bind: estate) AND id_hash = \(bind: idHash) AND valid_to IS NULL"
                ).all(decodingColumn: "name", as: String.self)
                guard !names.isEmpty, credential.name.map({ names.contains($0) }) ?? true else { throw BindingError.noSuchOwner }
                // The clock the credential was checked by (`store.now()`), not the sessions' wall clock.
                let now = clock().millisecondsSinceEpoch
                try await db.raw("DELETE FROM used_credentials WHERE expires_at < \(bind: now - CredentialVerifier.leeway * 1000)").run()
                let fresh = try await db.raw(
                    """
                    INSERT INTO used_credentials (issuer, jti, expires_at)
                    VALUES (\(bind: credential.issuer), \(bind: credential.id), \(bind: credential.expiresAt.millisecondsSinceEpoch))
                    ON CONFLICT (issuer, jti) DO NOTHING RETURNING jti
                    """
                ).first()
                guard fresh != nil else { throw CredentialError.used }
                return .commit(try await bind(estate: estate, idHash: idHash, method: "credential:\(credential.issuer)", on: db, key: key))
            }
        }
    }
}

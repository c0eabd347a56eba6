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
        let (attempt, phone, masked, code) = try await withConnection { db in
            let key = try await personalDataKey(on: db, creating: false)
            let now = sessionClock().millisecondsSinceEpoch
            /// Refuses once the attempts of the last hour whose `column` is `value` reach `limit`.
            func limit(_ column: String, _ value: String, to limit: Int) async throws {
                let count = try await db.raw(
                    "SELECT COUNT(*) AS n FROM binding_attempts WHERE \(ident: column) = \(bind: value) AND created_at > \(bind: now - 3_600_000)"
                ).first(decodingColumn: "n", as: Int.self)
                guard count ?? 0 < limit else { throw BindingError.tooManyRequests }
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

    /// Step 2: the code. Five wrong tries lock the attempt; a code lives five minutes.
    public func confirm(attempt: String, code: String) async throws -> OwnerSession {
        try await withConnection { db in
            let key = try await personalDataKey(on: db, creating: false)
            guard let row = try await db.raw("SELECT * FROM binding_attempts WHERE id = \(bind: attempt)").first() else {
                throw BindingError.codeExpired
            }
            let now = sessionClock().millisecondsSinceEpoch
            let tries = try row.decode(column: "tries", as: Int.self)
            guard try row.decode(column: "used", as: Int.self) == 0, now < (try row.decode(column: "expires_at", as: Int64.self))
            else { throw BindingError.codeExpired }
            guard tries < BindingLimits.triesPerCode else { throw BindingError.locked }
            guard key.hash(attempt + code.trimmingCharacters(in: .whitespaces)) == (try row.decode(column: "code_hash", as: String.self))
            else {
                try await db.raw("UPDATE binding_attempts SET tries = tries + 1 WHERE id = \(bind: attempt)").run()
                let left = BindingLimits.triesPerCode - tries - 1
                throw left > 0 ? BindingError.wrongCode(triesLeft: left) : BindingError.locked
            }
            let estate = try row.decode(column: "estate_id", as: Int64.self)
            let idHash = try row.decode(column: "id_hash", as: String.self)
            try await db.raw("UPDATE binding_attempts SET used = 1 WHERE id = \(bind: attempt)").run()
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

    /// The live session of a token, if any.
    public func session(token: String) async throws -> OwnerSession? {
        try await withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT * FROM sessions WHERE token_hash = \(bind: Self.tokenHash(token)) AND revoked = 0
                    AND expires_at > \(bind: sessionClock().millisecondsSinceEpoch)
                    """
                ).first()
            else { return nil }
            return OwnerSession(
                token: token, estateID: try row.decode(column: "estate_id", as: Int64.self),
                idHash: try row.decode(column: "id_hash", as: String.self), ownerName: try row.decode(column: "owner_name", as: String.self),
                csrf: try row.decode(column: "csrf", as: String.self))
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
    /// number) must be an owner's of the estate (and its name, when it gives one, match).
    public func bind(estate: Int64, credential: VerifiedCredential) async throws -> OwnerSession {
        try await withConnection { db in
            let key = try await personalDataKey(on: db, creating: false)
            let idHash = key.hash(credential.subject.trimmingCharacters(in: .whitespaces).uppercased())
            let names = try await db.raw(
                "SELECT name FROM owners WHERE estate_id = \(bind: estate) AND id_hash = \(bind: idHash) AND valid_to IS NULL"
            ).all(decodingColumn: "name", as: String.self)
            guard !names.isEmpty, credential.name.map({ names.contains($0) }) ?? true else { throw BindingError.noSuchOwner }
            return try await bind(estate: estate, idHash: idHash, method: "credential:\(credential.issuer)", on: db, key: key)
        }
    }
}

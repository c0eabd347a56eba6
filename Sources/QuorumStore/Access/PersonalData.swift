import Crypto
import Foundation
import QuorumCore
import SQLKit

/// The key that turns an ID number or a phone into a keyed hash (HMAC-SHA256): equal
/// numbers give equal hashes, so owners can be matched and voting persons formed, but the
/// numbers cannot be read back without the key.
public struct PersonalDataKey: Sendable {
    /// HMAC with the key already absorbed: each hash starts from a copy of it.
    private let keyed: HMAC<SHA256>
    /// The key that seals what must be read back (a phone, to send its owner a code): AES-GCM,
    /// derived from the same secret, so one secret guards both.
    private let sealing: SymmetricKey

    public init(secret: String) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
        sealing = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Array(secret.utf8)), info: Array("quorum phone sealing".utf8), outputByteCount: 32)
    }

    /// The text sealed (AES-GCM, a random nonce), as base64; the empty text stays empty.
    public func seal(_ text: String) -> String {
        guard !text.isEmpty, let box = try? AES.GCM.seal(Array(text.utf8), using: sealing), let combined = box.combined
        else { return "" }
        return combined.base64EncodedString()
    }

    /// The text of a sealed value, or nil if it was not sealed with this key.
    public func open(_ sealed: String) -> String? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: sealing)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    /// The keyed hash (`Pseudonym.hash`); the empty text stays empty (no phone).
    public func hash(_ text: String) -> String {
        text.isEmpty ? "" : Pseudonym.hash(text.utf8, key: keyed)
    }

    /// The pseudonymous voter id of a voting person in a vote (`Pseudonym.voter`).
    public func voter(vote: String, person: String) -> String {
        Pseudonym.voter(vote: vote, person: person, key: keyed)
    }

    /// A hash of a fixed text, kept in the database to tell a wrong secret from the right one.
    var fingerprint: String { hash("quorum personal data key") }

    /// A new random secret of 256 bits, as hex.
    static func generateSecret() -> String {
        hex(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }
}

func hex(_ bytes: some Sequence<UInt8>) -> String {
    ByteText.hex(bytes)
}

/// `count` bytes from the system's CSPRNG, as hex: a token, a CSRF token, an attempt's id.
func randomHex(bytes count: Int) -> String {
    var random = SystemRandomNumberGenerator()
    return hex((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
}

extension StoreContext {
    /// The personal-data key of this database.
    ///
    /// With `QUORUM_SECRET` set, that is the key, and the database keeps only its
    /// fingerprint, so a copy of the database is no help in reversing the hashes. Without it,
    /// a key is generated on first start and kept in `settings` (shared by every app
    /// instance on the same database). Either way the fingerprint stops a second, different
    /// secret from silently splitting one owner into two.
    func personalDataKey(on db: any SQLDatabase, creating: Bool) async throws -> PersonalDataKey {
        let secret: String
        if let configured = database.configuredSecret {
            secret = configured
        } else {
            if creating {
                try await insertSetting("personal_data_secret", PersonalDataKey.generateSecret(), on: db)
            }
            guard let stored = try await setting("personal_data_secret", on: db) else { throw StoreError.notMigrated }
            secret = stored
        }
        let key = PersonalDataKey(secret: secret)
        if creating { try await insertSetting("personal_data_key_fingerprint", key.fingerprint, on: db) }
        guard let fingerprint = try await setting("personal_data_key_fingerprint", on: db) else {
            throw StoreError.notMigrated
        }
        guard fingerprint == key.fingerprint else { throw StoreError.secretMismatch }
        return key
    }

    /// Adds a setting unless it is there already (a second instance starting at the same
    /// time keeps the first one's value).
    func insertSetting(_ key: String, _ value: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            "INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value)) ON CONFLICT (key) DO NOTHING"
        ).run()
    }

    func setting(_ key: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first(decodingColumn: "value", as: String.self)
    }
}

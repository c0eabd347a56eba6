import Crypto
import Foundation

/// An identity provider the installation trusts (Shanghai's digital-identity wallet,
/// Guangzhou's face-recognition binding): its issuer name, the audience it issues our
/// credentials for, and its ES256 public key.
public struct TrustedIssuer: Sendable {
    public var issuer: String
    public var audience: String
    public var key: P256.Signing.PublicKey

    public init(issuer: String, audience: String, key: P256.Signing.PublicKey) {
        self.issuer = issuer
        self.audience = audience
        self.key = key
    }

    /// Reads a key in PEM form (`-----BEGIN PUBLIC KEY-----`).
    public init(issuer: String, audience: String, pem: String) throws {
        self.init(issuer: issuer, audience: audience, key: try P256.Signing.PublicKey(pemRepresentation: pem))
    }
}

/// What a verified credential says: whose it is, and what makes it one of a kind.
public struct VerifiedCredential: Sendable, Hashable {
    public var issuer: String
    /// The subject: the holder's ID number, as the register has it.
    public var subject: String
    public var name: String?
    /// Its `jti`, which the store accepts once per issuer.
    public var id: String
    /// Until when (`exp`) it could be presented: how long the store must remember its `jti`.
    public var expiresAt: Timestamp

    public init(issuer: String, subject: String, name: String?, id: String, expiresAt: Timestamp) {
        self.issuer = issuer
        self.subject = subject
        self.name = name
        self.id = id
        self.expiresAt = expiresAt
    }
}

/// Why a credential is refused.
public enum CredentialError: Error, Sendable, Hashable {
    case malformed
    case unsupportedAlgorithm(String)
    case untrustedIssuer(String)
    case badSignature
    case wrongAudience
    case expired
    case notYetValid
    case noSubject
    /// No `jti`, so it could not be told from a replay.
    case noID
    /// Valid for longer than `CredentialVerifier.maximumLifetime` from its `iat` (or no `iat`).
    case tooLong
    /// Its `jti` was presented before.
    case used
}

/// Verifies a signed credential, a JWT (RFC 7519) signed with ES256 (RFC 7518 §3.4): the
/// signature with the issuer's key, then issuer, audience, validity period and lifetime.
/// No claim's number can make it trap: a time is a whole number of seconds in a range
/// a clock can hold, or the credential is malformed.
public enum CredentialVerifier {
    /// Clock skew allowed either way, in seconds.
    public static let leeway: Int64 = 60
    /// The longest a credential may be valid, from `iat` to `exp`, in seconds: it is made for one binding.
    public static let maximumLifetime: Int64 = 10 * 60
    /// Times beyond the year 9999 are no time a provider means.
    static let latestTime: Int64 = 253_402_300_799

    public static func verify(_ token: String, trusted: [TrustedIssuer], now: Timestamp) throws -> VerifiedCredential {
        let parts = token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = base64URL(parts[0]), let payloadData = base64URL(parts[1]),
            let signature = base64URL(parts[2]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
            let claims = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any]
        else { throw CredentialError.malformed }
        let algorithm = header["alg"] as? String ?? ""
        guard algorithm == "ES256" else { throw CredentialError.unsupportedAlgorithm(algorithm) }
        let issuerName = claims["iss"] as? String ?? ""
        guard let issuer = trusted.first(where: { $0.issuer == issuerName }) else { throw CredentialError.untrustedIssuer(issuerName) }
        guard let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature),
            issuer.key.isValidSignature(ecdsa, for: Data("\(parts[0]).\(parts[1])".utf8))
        else { throw CredentialError.badSignature }
        let audiences = (claims["aud"] as? [String]) ?? [(claims["aud"] as? String) ?? ""]
        guard audiences.contains(issuer.audience) else { throw CredentialError.wrongAudience }
        let seconds = now.millisecondsSinceEpoch / 1000
        let expiry = try time(claims["exp"])
        let issued = try time(claims["iat"])
        let notBefore = try time(claims["nbf"])
        guard let expiry, seconds - leeway < expiry else { throw CredentialError.expired }
        if let notBefore, seconds + leeway < notBefore { throw CredentialError.notYetValid }
        guard let issued, expiry - issued <= maximumLifetime else { throw CredentialError.tooLong }
        guard seconds + leeway >= issued else { throw CredentialError.notYetValid }
        guard let subject = claims["sub"] as? String, !subject.isEmpty else { throw CredentialError.noSubject }
        guard let id = claims["jti"] as? String, !id.isEmpty, id.count <= 200 else { throw CredentialError.noID }
        return VerifiedCredential(
            issuer: issuerName, subject: subject, name: claims["name"] as? String, id: id,
            expiresAt: Timestamp(millisecondsSinceEpoch: expiry * 1000))
    }

    /// A claim's time in whole seconds since 1970, nil when absent; a number that is not a
    /// whole second between 1970 and 9999 makes the credential malformed.
    static func time(_ claim: Any?) throws -> Int64? {
        guard let claim else { return nil }
        guard let number = claim as? NSNumber else { throw CredentialError.malformed }
        let value = number.doubleValue
        guard value.isFinite, value >= 0, value <= Double(latestTime), value.rounded(.towardZero) == value else {
            throw CredentialError.malformed
        }
        return Int64(value)
    }

    static func base64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

/// Why binding an identity failed.
public enum BindingError: Error, Hashable, Sendable {
    /// Name and ID number match no owner of the estate (deliberately not saying which).
    case noSuchOwner
    /// The register holds no phone to send a code to.
    case noPhoneOnFile
    /// Too many codes asked for from this phone or address in the hour: again from `until`.
    case tooManyRequests(until: Timestamp)
    case codeExpired
    case wrongCode(triesLeft: Int)
    case locked
}

/// Limits that keep one-time codes from being guessed or sprayed.
public enum BindingLimits {
    public static let codeLifetimeMilliseconds: Int64 = 5 * 60 * 1000
    public static let triesPerCode = 5
    public static let codesPerPhonePerHour = 5
    /// Codes asked for and names and numbers that matched no owner, together, per client address.
    public static let codesPerAddressPerHour = 20
    public static let sessionLifetimeMilliseconds: Int64 = 30 * 24 * 3600 * 1000
}

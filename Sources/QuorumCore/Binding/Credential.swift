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

/// What a verified credential says: whose it is.
public struct VerifiedCredential: Sendable, Hashable {
    public var issuer: String
    /// The subject: the holder's ID number, as the register has it.
    public var subject: String
    public var name: String?

    public init(issuer: String, subject: String, name: String?) {
        self.issuer = issuer
        self.subject = subject
        self.name = name
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
}

/// Verifies a signed credential, a JWT (RFC 7519) signed with ES256 (RFC 7518 §3.4): the
/// signature with the issuer's key, then issuer, audience and validity period.
public enum CredentialVerifier {
    /// Clock skew allowed either way, in seconds.
    public static let leeway: Int64 = 60

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
        guard let expiry = (claims["exp"] as? NSNumber)?.int64Value, seconds < expiry + leeway else { throw CredentialError.expired }
        if let notBefore = (claims["nbf"] as? NSNumber)?.int64Value, seconds + leeway < notBefore { throw CredentialError.notYetValid }
        guard let subject = claims["sub"] as? String, !subject.isEmpty else { throw CredentialError.noSubject }
        return VerifiedCredential(issuer: issuerName, subject: subject, name: claims["name"] as? String)
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
    case tooManyRequests
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

import Crypto
import Foundation
import Testing

@testable import QuorumCore

/// Credentials minted here with a test key, as an identity provider would sign them.
enum TestIdentityProvider {
    static let key = P256.Signing.PrivateKey()
    static let issuer = TrustedIssuer(issuer: "https://id.example.gov.cn", audience: "quorum", key: key.publicKey)
    static let now = Timestamp(millisecondsSinceEpoch: 1_705_716_000_000)

    static func mint(
        claims: [String: Any], algorithm: String = "ES256", signer: P256.Signing.PrivateKey = key
    ) throws -> String {
        func encode(_ object: [String: Any]) throws -> String {
            try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).base64URL
        }
        let signingInput = "\(try encode(["alg": algorithm, "typ": "JWT"])).\(try encode(claims))"
        let signature = try signer.signature(for: Data(signingInput.utf8))
        return "\(signingInput).\(signature.rawRepresentation.base64URL)"
    }

    static func claims(subject: String = "110101199001010011", name: String? = "甲", expiresIn: Int64 = 300) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": issuer.issuer, "aud": "quorum", "sub": subject, "exp": now.millisecondsSinceEpoch / 1000 + expiresIn,
            "iat": now.millisecondsSinceEpoch / 1000,
        ]
        if let name { claims["name"] = name }
        return claims
    }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

@Suite struct CredentialTests {
    let trusted = [TestIdentityProvider.issuer]

    @Test func aCredentialSignedByATrustedIssuerVerifies() throws {
        let token = try TestIdentityProvider.mint(claims: TestIdentityProvider.claims())
        let verified = try CredentialVerifier.verify(token, trusted: trusted, now: TestIdentityProvider.now)
        #expect(verified == VerifiedCredential(issuer: "https://id.example.gov.cn", subject: "110101199001010011", name: "甲"))
    }

    @Test func everyFlawIsRefusedWithItsReason() throws {
        let now = TestIdentityProvider.now
        var claims = TestIdentityProvider.claims()
        func refusal(_ token: String) -> CredentialError? {
            do {
                _ = try CredentialVerifier.verify(token, trusted: trusted, now: now)
                return nil
            } catch { return error as? CredentialError }
        }
        #expect(refusal("not a token") == .malformed)
        #expect(refusal(try TestIdentityProvider.mint(claims: claims, signer: P256.Signing.PrivateKey())) == .badSignature)
        #expect(refusal(try TestIdentityProvider.mint(claims: claims, algorithm: "none")) == .unsupportedAlgorithm("none"))
        #expect(refusal(try TestIdentityProvider.mint(claims: TestIdentityProvider.claims(expiresIn: -120))) == .expired)
        claims["aud"] = "another-platform"
        #expect(refusal(try TestIdentityProvider.mint(claims: claims)) == .wrongAudience)
        claims = TestIdentityProvider.claims()
        claims["iss"] = "https://evil.example"
        #expect(refusal(try TestIdentityProvider.mint(claims: claims)) == .untrustedIssuer("https://evil.example"))
        claims = TestIdentityProvider.claims()
        claims["nbf"] = now.millisecondsSinceEpoch / 1000 + 3600
        #expect(refusal(try TestIdentityProvider.mint(claims: claims)) == .notYetValid)
        claims = TestIdentityProvider.claims()
        claims.removeValue(forKey: "sub")
        #expect(refusal(try TestIdentityProvider.mint(claims: claims)) == .noSubject)
        // A valid token whose payload is swapped for another keeps the old signature: refused.
        let genuine = try TestIdentityProvider.mint(claims: TestIdentityProvider.claims()).split(separator: ".")
        let forgedPayload = try JSONSerialization.data(
            withJSONObject: TestIdentityProvider.claims(subject: "110101199202020022"), options: [.sortedKeys]
        ).base64URL
        #expect(refusal("\(genuine[0]).\(forgedPayload).\(genuine[2])") == .badSignature)
    }
}

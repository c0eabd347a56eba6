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
            "iat": now.millisecondsSinceEpoch / 1000, "jti": UUID().uuidString,
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
        #expect(verified.issuer == "https://id.example.gov.cn" && verified.subject == "110101199001010011" && verified.name == "甲")
        #expect(!verified.id.isEmpty)
        #expect(verified.expiresAt.millisecondsSinceEpoch == TestIdentityProvider.now.millisecondsSinceEpoch / 1000 * 1000 + 300_000)
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

    /// Issue 13: a credential minted for a long life is one that can be replayed for long.
    @Test func aCredentialMustBeShortLivedAndNamed() throws {
        let now = TestIdentityProvider.now.millisecondsSinceEpoch / 1000
        func refusal(_ change: (inout [String: Any]) -> Void) throws -> CredentialError? {
            var claims = TestIdentityProvider.claims()
            change(&claims)
            do {
                _ = try CredentialVerifier.verify(try TestIdentityProvider.mint(claims: claims), trusted: trusted, now: TestIdentityProvider.now)
                return nil
            } catch { return error as? CredentialError }
        }
        #expect(try refusal { $0["exp"] = now + 601 } == .tooLong)
        #expect(try refusal { $0["exp"] = now + 600 } == nil)
        #expect(try refusal { $0.removeValue(forKey: "iat") } == .tooLong)
        #expect(
            try refusal {
                $0["iat"] = now + 3600
                $0["exp"] = now + 3700
            } == .notYetValid)
        #expect(try refusal { $0.removeValue(forKey: "jti") } == .noID)
        #expect(try refusal { $0["jti"] = "" } == .noID)
    }

    /// Issue 13: `exp` of Int64.max stopped the server (`expiry + leeway` trapped).
    @Test func noNumberInAnyTimeClaimTraps() throws {
        let extremes: [Any] = [
            Int64.max, Int64.min, Int64.max - 30, UInt64.max, 1e300, -1e300, 1.5, -1, Double.greatestFiniteMagnitude, "300",
        ]
        for claim in ["exp", "iat", "nbf"] {
            for value in extremes {
                var claims = TestIdentityProvider.claims()
                claims[claim] = value
                #expect(throws: CredentialError.self, "\(claim) = \(value)") {
                    _ = try CredentialVerifier.verify(try TestIdentityProvider.mint(claims: claims), trusted: trusted, now: TestIdentityProvider.now)
                }
            }
        }
    }
}

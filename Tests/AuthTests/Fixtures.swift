import Auth
import Crypto
import Foundation
import JWTKit

/// Keys, clocks and hand-made tokens shared by the auth tests. No network, no files unless a
/// test asks for a temporary directory.
enum Fixture {
    static let issuer = "pumpurs-test"
    static let audience = "pumpurs"
    /// A fixed instant so that time checks are exact.
    static let t0 = Date(timeIntervalSince1970: 1_760_000_000)

    static let trustedKey = ES256PrivateKey()
    static let otherKey = ES256PrivateKey()

    static let person = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
    static let institution = UUID(uuidString: "00000000-0000-4000-8000-0000000000a1")!

    static func verifier(at now: Date = t0, issuer: String = issuer, audience: String = audience,
                         leeway: Duration = .seconds(30)) async throws -> TokenVerifier {
        let keys = try VerificationKeys.developmentPublicKey(pem: trustedKey.publicKey.pemRepresentation)
        return await TokenVerifier(issuer: issuer, audience: audience, leeway: leeway, keys: keys, now: { now })
    }

    static func minter(key: ES256PrivateKey = trustedKey, at now: Date = t0) async -> TokenMinter {
        await TokenMinter(privateKey: key, issuer: issuer, audience: audience, now: { now })
    }

    static func preparerToken(at now: Date = t0, lifetime: Duration = .seconds(3600)) async throws -> String {
        try await minter(at: now).mint(personId: person, role: .preparer, scope: .institution(institution), lifetime: lifetime)
    }

    /// Valid claims for a preparer, to be altered by a test.
    static func claims(role: String? = "preparer", scopeKind: String? = "institution",
                       scopeId: String? = institution.uuidString, scopeName: String? = nil,
                       issuer: String = issuer, audience: [String] = [audience],
                       expiration: Date = t0.addingTimeInterval(3600), notBefore: Date? = t0,
                       issuedAt: Date? = t0) -> AccessClaims {
        AccessClaims(subject: person.uuidString, role: role, scopeKind: scopeKind, scopeId: scopeId, scopeName: scopeName,
                     issuer: issuer, audience: audience, expiration: expiration, notBefore: notBefore, issuedAt: issuedAt)
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `header.payload` with the given header JSON and valid preparer claims as payload.
    static func signingInput(header: String, claims: AccessClaims = claims()) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let payload = try encoder.encode(claims)
        return base64URL(Array(header.utf8)) + "." + base64URL(payload)
    }

    /// The classic confusion attack: HS256 with the verifier's public key PEM as the HMAC secret.
    static func hs256WithPublicKeyAsSecret(kid: String?) throws -> String {
        let kidMember = kid.map { #","kid":"\#($0)""# } ?? ""
        let input = try signingInput(header: #"{"alg":"HS256","typ":"JWT"\#(kidMember)}"#)
        let secret = SymmetricKey(data: Data(trustedKey.publicKey.pemRepresentation.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: secret)
        return input + "." + base64URL(Array(mac))
    }

    static var trustedKeyId: String { DevelopmentKeyPair.keyId(of: trustedKey.publicKey) }
}

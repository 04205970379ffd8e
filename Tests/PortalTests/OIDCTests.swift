import Auth
import Foundation
import JWTKit
import Portal
import Testing

/// The sign-in checks on crafted tokens, without sockets (issue #18).
@Suite("Portal: OpenID Connect checks")
struct OIDCTests {
    static let issuer = "http://localhost:9400"
    static let client = "pumpurs-portal"

    static func token(_ claims: IDTokenClaims, key: ES256PrivateKey, kid: String? = nil, alg: String? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid ?? DevelopmentKeyPair.keyId(of: key.publicKey)))
        let signed = try await keys.sign(claims, kid: JWKIdentifier(string: kid ?? DevelopmentKeyPair.keyId(of: key.publicKey)))
        guard let alg else { return signed }
        // Rewrite the header's alg (the signature no longer matters: the pin must refuse first).
        var parts = signed.split(separator: ".").map(String.init)
        parts[0] = Base64URLText.encode(Data(#"{"alg":"\#(alg)","typ":"JWT"}"#.utf8))
        return parts.joined(separator: ".")
    }

    static func claims(nonce: String = "n-1", audience: [String] = [client], expiresIn: TimeInterval = 300,
                       issuer: String = issuer) -> IDTokenClaims {
        let now = Int(Date().timeIntervalSince1970)
        return IDTokenClaims(iss: issuer, sub: "ilze@example.lv", aud: audience, exp: now + Int(expiresIn), iat: now, nonce: nonce)
    }

    @Test("PKCE S256 is BASE64URL(SHA-256(verifier)); each attempt's values are fresh")
    func pkce() {
        let attempt = SignInAttempt(state: "s", nonce: "n", codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r7wW1gFWFOEjXk")
        // Computed independently: python3 -c "import hashlib,base64; print(base64.urlsafe_b64encode(hashlib.sha256(b'…').digest()))"
        #expect(attempt.codeChallenge == "bwWFMyPfdG9qreDhH2lmftFx_dFeLDalzcT1gb_j68g")
        let url = attempt.authorizationURL(endpoint: "https://idp.example/authorize", clientId: Self.client,
                                           redirectURI: "https://portal.example/auth/callback", language: "lv")
        #expect(url.contains("code_challenge_method=S256") && url.contains("state=s") && url.contains("nonce=n"))
        #expect(!url.contains(attempt.codeVerifier))
        #expect(SignInAttempt.random() != SignInAttempt.random())
    }

    @Test("A good token passes; wrong algorithm, audience, issuer, nonce, expiry and key are each refused")
    func verifier() async throws {
        let key = ES256PrivateKey()
        let verifier = try await IDTokenVerifier(issuer: Self.issuer, clientId: Self.client, algorithm: "ES256",
                                                 jwks: DevelopmentKeyPair.jwks(for: key.publicKey))
        let good = try await Self.token(Self.claims(), key: key)
        #expect(try await verifier.verify(good, nonce: "n-1").sub == "ilze@example.lv")

        func refusal(_ token: String, nonce: String = "n-1") async -> IDTokenProblem? {
            do { _ = try await verifier.verify(token, nonce: nonce); return nil } catch { return error }
        }
        #expect(await refusal(try await Self.token(Self.claims(), key: key, alg: "HS256")) == .algorithm("HS256"))
        #expect(await refusal(try await Self.token(Self.claims(), key: key, alg: "none")) == .algorithm("none"))
        #expect(await refusal(try await Self.token(Self.claims(audience: ["someone-else"]), key: key)) == .audience)
        #expect(await refusal(try await Self.token(Self.claims(issuer: "https://evil.example"), key: key)) == .issuer)
        #expect(await refusal(good, nonce: "replayed-from-another-attempt") == .nonce)
        #expect(await refusal(try await Self.token(Self.claims(expiresIn: -3600), key: key)) == .expired)
        let stranger = ES256PrivateKey()
        let forged = try await Self.token(Self.claims(), key: stranger, kid: DevelopmentKeyPair.keyId(of: key.publicKey))
        #expect(await refusal(forged) == .signature)
        #expect(await refusal("not.a.token") == .malformed)
    }

    @Test("HMAC and none can never be the pinned algorithm")
    func pinnedAlgorithm() async {
        await #expect(throws: IDTokenProblem.self) {
            _ = try await IDTokenVerifier(issuer: Self.issuer, clientId: Self.client, algorithm: "HS256", jwks: #"{"keys":[]}"#)
        }
    }

    @Test("azp must be the client when several audiences are named")
    func authorizedParty() {
        var claims = Self.claims(audience: [Self.client, "other"])
        #expect(IDTokenCheck.check(claims, issuer: Self.issuer, clientId: Self.client, nonce: "n-1", now: Date()) == .authorizedParty)
        claims.azp = Self.client
        #expect(IDTokenCheck.check(claims, issuer: Self.issuer, clientId: Self.client, nonce: "n-1", now: Date()) == nil)
    }
}

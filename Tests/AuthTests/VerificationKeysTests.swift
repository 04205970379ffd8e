@testable import Auth
import Foundation
import JWTKit
import Testing

@Suite("Keys: development PEM pair and production JWKS")
struct VerificationKeysTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "auth-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("The dev key pair is created once with a private 0600 file, then reused; tokens verify from the files")
    func developmentPair() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let privatePath = directory + "/keys/jwt-private.pem", publicPath = directory + "/keys/jwt-public.pem"

        let created = try DevelopmentKeyPair.ensure(privateKeyFile: privatePath, publicKeyFile: publicPath)
        let attributes = try FileManager.default.attributesOfItem(atPath: privatePath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = try DevelopmentKeyPair.ensure(privateKeyFile: privatePath, publicKeyFile: publicPath)
        #expect(again == created)

        let minter = try await TokenMinter(privateKeyFile: privatePath, issuer: Fixture.issuer, audience: Fixture.audience)
        let token = try await minter.mint(personId: Fixture.person, role: .finance, scope: .national)
        let verifier = await TokenVerifier(issuer: Fixture.issuer, audience: Fixture.audience,
                                           keys: try .developmentPublicKey(file: publicPath))
        #expect(try await verifier.verify(token).role == .finance)

        // A lost public key is re-derived from the private one.
        try FileManager.default.removeItem(atPath: publicPath)
        try DevelopmentKeyPair.ensure(privateKeyFile: privatePath, publicKeyFile: publicPath)
        let rederived = await TokenVerifier(issuer: Fixture.issuer, audience: Fixture.audience,
                                            keys: try .developmentPublicKey(file: publicPath))
        #expect(try await rederived.verify(token).role == .finance)
    }

    @Test("A public key file without its private key is not silently replaced")
    func orphanPublicKey() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let publicPath = directory + "/public.pem"
        try Fixture.trustedKey.publicKey.pemRepresentation.write(toFile: publicPath, atomically: true, encoding: .utf8)
        #expect(throws: AuthConfigurationError.self) {
            try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/private.pem", publicKeyFile: publicPath)
        }
    }

    @Test("Unreadable or non-key files are configuration errors")
    func badFiles() throws {
        #expect(throws: AuthConfigurationError.self) { try VerificationKeys.developmentPublicKey(file: "/nonexistent/key.pem") }
        #expect(throws: AuthConfigurationError.self) { try VerificationKeys.developmentPublicKey(pem: "not a key") }
        #expect(throws: AuthConfigurationError.self) { try DevelopmentKeyPair.loadPrivateKey(file: "/nonexistent/key.pem") }
    }

    @Test("A JWKS with the issuer's key verifies its tokens")
    func jwks() async throws {
        let json = DevelopmentKeyPair.jwks(for: Fixture.trustedKey.publicKey)
        let verifier = await TokenVerifier(issuer: Fixture.issuer, audience: Fixture.audience,
                                           keys: try .jwks(json: json), now: { Fixture.t0 })
        #expect(try await verifier.verify(try await Fixture.preparerToken()).role == .preparer)
    }

    @Test("JWKS keys that are not ES256 signing keys are skipped; a token naming one is refused")
    func jwksFiltering() async throws {
        let es256 = Fixture.trustedKey.publicKey.parameters!
        let other = Fixture.otherKey.publicKey.parameters!
        let json = """
        {"keys":[
          {"kty":"RSA","kid":"rsa-1","alg":"RS256","n":"sXch","e":"AQAB"},
          {"kty":"oct","kid":"hmac-1","k":"c2VjcmV0"},
          {"kty":"EC","crv":"P-256","kid":"enc-1","use":"enc","x":"\(other.x)","y":"\(other.y)"},
          {"kty":"EC","crv":"P-256","kid":"es384-1","alg":"ES384","x":"\(other.x)","y":"\(other.y)"},
          {"kty":"EC","crv":"P-256","x":"\(other.x)","y":"\(other.y)"},
          {"kty":"EC","crv":"P-256","kid":"bad-point","x":"AAAA","y":"AAAA"},
          {"kty":"EC","crv":"P-256","kid":"idp-2026","x":"\(es256.x)","y":"\(es256.y)"}
        ]}
        """
        let keys = try VerificationKeys.jwks(json: json)
        #expect(keys.entries.map(\.keyId) == ["idp-2026"])

        let verifier = await TokenVerifier(issuer: Fixture.issuer, audience: Fixture.audience, keys: keys, now: { Fixture.t0 })
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: Fixture.trustedKey, kid: "idp-2026")
        let good = try await signer.sign(Fixture.claims(), kid: "idp-2026")
        #expect(try await verifier.verify(good).role == .preparer)
        // The IdP's key under an unknown kid (e.g. the skipped RSA one) is refused.
        let unknownKid = try await signer.sign(Fixture.claims(), header: ["kid": "rsa-1"])
        await #expect(throws: AuthFailure.badSignature) { try await verifier.verify(unknownKid) }
        // HS256 naming the skipped HMAC key is refused before any key is looked at.
        let hmac = try Fixture.hs256WithPublicKeyAsSecret(kid: "hmac-1")
        await #expect(throws: AuthFailure.algorithmNotAllowed) { try await verifier.verify(hmac) }
    }

    @Test("A JWKS with no usable key, or not a JWKS, is a configuration error")
    func jwksUnusable() {
        #expect(throws: AuthConfigurationError.self) { try VerificationKeys.jwks(json: #"{"keys":[{"kty":"RSA","kid":"r","n":"x","e":"AQAB"}]}"#) }
        #expect(throws: AuthConfigurationError.self) { try VerificationKeys.jwks(json: #"{"keys":[]}"#) }
        #expect(throws: AuthConfigurationError.self) { try VerificationKeys.jwks(json: "[]") }
        #expect(throws: AuthConfigurationError.self) { try VerificationKeys.jwks(json: "") }
    }

    @Test("Keys from the environment: JWKS JSON, JWKS file, dev public key file (development); never a private key")
    func environment() async throws {
        let json = DevelopmentKeyPair.jwks(for: Fixture.trustedKey.publicKey)
        let development = [EnvironmentKey.mode: "development"]
        let fromJSON = try KeySource.from(development.merging([EnvironmentKey.jwks: json]) { $1 }, mode: .development)
        #expect(try await fromJSON.load().entries.map(\.keyId) == [Fixture.trustedKeyId])

        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try json.write(toFile: directory + "/jwks.json", atomically: true, encoding: .utf8)
        let fromFile = try KeySource.from([EnvironmentKey.jwksFile: directory + "/jwks.json"], mode: .production)
        #expect(try await fromFile.load().entries.map(\.keyId) == [Fixture.trustedKeyId])

        try Fixture.trustedKey.publicKey.pemRepresentation.write(toFile: directory + "/pub.pem", atomically: true, encoding: .utf8)
        let fromPEM = try KeySource.from([EnvironmentKey.publicKeyFile: directory + "/pub.pem"], mode: .development)
        #expect(try await fromPEM.load().entries.map(\.keyId) == [Fixture.trustedKeyId])

        // A service never reads a private key: one configured alone is no key at all.
        try Fixture.trustedKey.pemRepresentation.write(toFile: directory + "/priv.pem", atomically: true, encoding: .utf8)
        #expect(throws: AuthConfigurationError.self) {
            try KeySource.from([EnvironmentKey.privateKeyFile: directory + "/priv.pem"], mode: .development)
        }
        #expect(throws: AuthConfigurationError.self) { try KeySource.from([:], mode: .development) }
    }

    @Test("All configured sources are trusted together; a JWKS URL not answering yet is skipped at start-up only")
    func severalSources() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixture.trustedKey.publicKey.pemRepresentation.write(toFile: directory + "/pub.pem", atomically: true, encoding: .utf8)
        let environment = [EnvironmentKey.publicKeyFile: directory + "/pub.pem",
                           EnvironmentKey.jwks: DevelopmentKeyPair.jwks(for: Fixture.otherKey.publicKey),
                           EnvironmentKey.jwksURL: "http://127.0.0.1:9/.well-known/jwks.json"]
        let sources = try KeySource.all(from: environment, mode: .development)
        #expect(sources.count == 3)
        let keys = try await KeySource.load(sources, startup: true)
        #expect(Set(keys.entries.map(\.keyId)) == [Fixture.trustedKeyId, DevelopmentKeyPair.keyId(of: Fixture.otherKey.publicKey)])
        await #expect(throws: (any Error).self) { try await KeySource.load(sources, startup: false) }
        // Only an unreachable URL: nothing to trust, so start-up fails.
        let onlyURL = try KeySource.all(from: [EnvironmentKey.jwksURL: "http://127.0.0.1:9/jwks"], mode: .production)
        await #expect(throws: (any Error).self) { try await KeySource.load(onlyURL, startup: true) }
        // Production never takes the development key, even next to a JWKS.
        #expect(throws: AuthConfigurationError.self) { try KeySource.all(from: environment, mode: .production) }
    }

    @Test("The key id is a stable SHA-256 thumbprint, different per key")
    func thumbprint() throws {
        // The key id: 43 base64url characters (SHA-256), stable, different per key.
        let id = DevelopmentKeyPair.keyId(of: Fixture.trustedKey.publicKey)
        #expect(id.count == 43)
        #expect(id == DevelopmentKeyPair.keyId(of: Fixture.trustedKey.publicKey))
        #expect(id != DevelopmentKeyPair.keyId(of: Fixture.otherKey.publicKey))
        #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}

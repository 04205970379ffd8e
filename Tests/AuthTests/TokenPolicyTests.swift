@testable import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing

/// What the security review found about tokens: rights lived as long as a token (a revoked role
/// kept working, the demo handed out week-long tokens), the documented leeway was never read,
/// and services fell back to the development private key. Each test here failed on that code.
@Suite("Token policy: lifetime, revocation, production mode, key rotation")
struct TokenPolicyTests {
    @Test("a token living longer than the maximum (default 12 h) is refused; 12 h is accepted")
    func lifetime() async throws {
        let verifier = try await Fixture.verifier(at: Fixture.t0)
        let twelveHours = try await Fixture.preparerToken(at: Fixture.t0, lifetime: .seconds(12 * 3600))
        #expect(try await verifier.verify(twelveHours).role == .preparer)
        let week = try await Fixture.preparerToken(at: Fixture.t0, lifetime: .seconds(7 * 24 * 3600))
        await #expect(throws: AuthFailure.lifetimeTooLong) { try await verifier.verify(week) }
    }

    @Test("a token without an issue time cannot show its lifetime and is refused")
    func noIssuedAt() async throws {
        let verifier = try await Fixture.verifier(at: Fixture.t0)
        let token = try await Fixture.minter().sign(Fixture.claims(issuedAt: nil))
        await #expect(throws: AuthFailure.lifetimeTooLong) { try await verifier.verify(token) }
    }

    @Test("a header naming a key twice is refused (parsers disagree on which alg counts)")
    func duplicateHeaderKey() throws {
        let input = try Fixture.signingInput(header: #"{"alg":"none","alg":"ES256","typ":"JWT"}"#)
        #expect(throws: AuthFailure.malformedToken) { try TokenVerifier.pinnedHeader(of: input + ".c2ln") }
    }

    @Test("a revoked role stops working at the next request: 403 auth.assignment_not_held")
    func revokedRole() async throws {
        let held = try Principal(personId: Fixture.person, role: .preparer, scope: .institution(Fixture.institution))
        let app = try await AuthenticationMiddlewareTests.application(assignments: FixedAssignments([held]))
        let preparer = try await AuthenticationMiddlewareTests.token(.preparer, .institution(Fixture.institution))
        let head = try await AuthenticationMiddlewareTests.token(.institutionHead, .institution(Fixture.institution))
        try await app.test(.router) { client in
            let ok = try await client.execute(uri: "/me", method: .get, headers: AuthenticationMiddlewareTests.bearer(preparer))
            #expect(ok.status == .ok)
            let revoked = try await client.execute(uri: "/me", method: .get, headers: AuthenticationMiddlewareTests.bearer(head))
            let body = try AuthenticationMiddlewareTests.problem(revoked, status: .forbidden, code: "auth.assignment_not_held",
                                                                 challenge: #"Bearer realm="pumpurs", error="insufficient_scope""#)
            #expect((body["detail"] as? String)?.contains("vairs nav piešķirta") == true)
        }
    }

    @Test("production is the default: it needs an issuer, refuses the development issuer and key")
    func productionMode() async throws {
        let directory = NSTemporaryDirectory() + "auth-mode-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DevelopmentKeyPair.jwks(for: Fixture.trustedKey.publicKey).write(toFile: directory + "/jwks.json", atomically: true, encoding: .utf8)
        try Fixture.trustedKey.publicKey.pemRepresentation.write(toFile: directory + "/pub.pem", atomically: true, encoding: .utf8)
        let jwks = [EnvironmentKey.jwksFile: directory + "/jwks.json"]

        #expect(try RunMode.from([:]) == .production)
        await #expect(throws: AuthConfigurationError.self) { try await TokenVerifier.fromEnvironment(jwks) }
        await #expect(throws: AuthConfigurationError.self) {
            try await TokenVerifier.fromEnvironment(jwks.merging([EnvironmentKey.issuer: RunMode.developmentIssuer]) { $1 })
        }
        await #expect(throws: AuthConfigurationError.self) {
            try await TokenVerifier.fromEnvironment([EnvironmentKey.issuer: "https://idp.example", EnvironmentKey.publicKeyFile: directory + "/pub.pem"])
        }
        let production = try await TokenVerifier.fromEnvironment(jwks.merging([EnvironmentKey.issuer: "https://idp.example"]) { $1 })
        #expect(production.issuer == "https://idp.example" && production.maximumLifetime == .seconds(12 * 3600))

        let development = try await TokenVerifier.fromEnvironment([EnvironmentKey.mode: "development", EnvironmentKey.publicKeyFile: directory + "/pub.pem",
                                                                   EnvironmentKey.leewaySeconds: "5", EnvironmentKey.maximumLifetimeSeconds: "600"])
        #expect(development.issuer == RunMode.developmentIssuer)
        #expect(development.leeway == .seconds(5) && development.maximumLifetime == .seconds(600))
        await #expect(throws: AuthConfigurationError.self) {
            try await TokenVerifier.fromEnvironment([EnvironmentKey.mode: "development", EnvironmentKey.publicKeyFile: directory + "/pub.pem",
                                                     EnvironmentKey.leewaySeconds: "a minute"])
        }
        await #expect(throws: AuthConfigurationError.self) { try await TokenVerifier.fromEnvironment([EnvironmentKey.mode: "staging"] ) }
    }

    @Test("the development tools refuse to run outside development mode")
    func toolsNeedDevelopment() throws {
        #expect(throws: AuthConfigurationError.self) { try RunMode.requireDevelopment([:], for: "pumpurs token") }
        #expect(throws: AuthConfigurationError.self) { try RunMode.requireDevelopment([EnvironmentKey.mode: "production"], for: "pumpurs token") }
        try RunMode.requireDevelopment([EnvironmentKey.mode: "development"], for: "pumpurs token")
    }

    @Test("a JWKS file is read again when a token names a key it does not hold yet (rotation)")
    func rotation() async throws {
        let directory = NSTemporaryDirectory() + "auth-rotate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/jwks.json"
        try DevelopmentKeyPair.jwks(for: Fixture.trustedKey.publicKey).write(toFile: file, atomically: true, encoding: .utf8)
        let verifier = try await TokenVerifier.fromEnvironment([EnvironmentKey.jwksFile: file, EnvironmentKey.issuer: Fixture.issuer])
        let rotated = try await Fixture.minter(key: Fixture.otherKey, at: Date()).mint(
            personId: Fixture.person, role: .preparer, scope: .institution(Fixture.institution))

        // The provider publishes both keys, then signs with the new one.
        let both = #"{"keys":[\#(Self.key(Fixture.trustedKey)),\#(Self.key(Fixture.otherKey))]}"#
        try both.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try await verifier.verify(rotated).personId == Fixture.person)
    }

    static func key(_ key: ES256PrivateKey) -> String {
        let document = DevelopmentKeyPair.jwks(for: key.publicKey)
        return String(document.dropFirst(#"{"keys":["#.count).dropLast(2))
    }
}

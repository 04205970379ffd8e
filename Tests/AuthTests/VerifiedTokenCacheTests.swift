@testable import Auth
import Foundation
import JWTKit
import Synchronization
import Testing

/// The verified-token cache saves the signature check, never the other checks.
@Suite("Verified tokens are remembered, not trusted blindly")
struct VerifiedTokenCacheTests {
    /// A clock the test moves.
    final class Clock: Sendable {
        let now = Mutex(Fixture.t0)
        func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    func verifier(_ clock: Clock) async throws -> TokenVerifier {
        let keys = try VerificationKeys.developmentPublicKey(pem: Fixture.trustedKey.publicKey.pemRepresentation)
        return await TokenVerifier(issuer: Fixture.issuer, audience: Fixture.audience, keys: keys,
                                   now: { clock.now.withLock { $0 } })
    }

    @Test("A remembered token still expires")
    func rememberedTokenExpires() async throws {
        let clock = Clock()
        let verifier = try await verifier(clock)
        let token = try await Fixture.preparerToken(lifetime: .seconds(600))
        _ = try await verifier.verify(token)
        #expect(verifier.rememberedTokens == 1)
        _ = try await verifier.verify(token)
        #expect(verifier.rememberedTokens == 1)
        clock.advance(600 + 31)
        await #expect(throws: AuthFailure.expired) { try await verifier.verify(token) }
    }

    @Test("A token differing in one byte is verified afresh and refused")
    func alteredTokenIsChecked() async throws {
        let verifier = try await verifier(Clock())
        let token = try await Fixture.preparerToken()
        _ = try await verifier.verify(token)
        // Change one signature character to another letter of the alphabet.
        var bytes = Array(token.utf8)
        let index = bytes.count - 5
        bytes[index] = bytes[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let altered = String(decoding: bytes, as: UTF8.self)
        await #expect(throws: AuthFailure.badSignature) { try await verifier.verify(altered) }
        #expect(verifier.rememberedTokens == 1)
    }

    @Test("Refused tokens are not remembered; the cache is bounded")
    func boundedAndOnlyVerified() async throws {
        let other = try await Fixture.minter(key: Fixture.otherKey).mint(personId: Fixture.person, role: .ikvdAdmin, scope: .national)
        let verifier = try await verifier(Clock())
        await #expect(throws: AuthFailure.badSignature) { try await verifier.verify(other) }
        #expect(verifier.rememberedTokens == 0)

        let cache = VerifiedTokenCache(capacity: 3)
        let claims = Fixture.claims()
        for index in 0..<7 { cache.store(claims, for: "token-\(index)") }
        #expect(cache.count <= 3)
        #expect(cache.claims(for: "token-6") == claims)
    }
}

@Suite("base64url")
struct Base64URLTests {
    @Test("Round-trips every length and agrees with Foundation's base64")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(text == foundation)
            #expect(Base64URL.decode(Substring(text)) == Data(bytes))
        }
    }

    @Test("Refuses characters outside the alphabet and impossible lengths")
    func refuses() {
        #expect(Base64URL.decode("abc+") == nil)
        #expect(Base64URL.decode("ab/c") == nil)
        #expect(Base64URL.decode("abcd=") == nil)
        #expect(Base64URL.decode("abcde") == nil)
        #expect(Base64URL.decode("ab c") == nil)
        #expect(Base64URL.decode("") == Data())
    }
}

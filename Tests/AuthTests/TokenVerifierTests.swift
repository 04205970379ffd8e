import Auth
import Foundation
import JWTKit
import Testing

@Suite("Token verification")
struct TokenVerifierTests {
    @Test("A minted token verifies to its principal")
    func mintedTokenVerifies() async throws {
        let actingFor = UUID()
        let token = try await Fixture.minter().mint(personId: Fixture.person, role: .preparer,
                                                    scope: .institution(Fixture.institution), actingFor: actingFor)
        let principal = try await Fixture.verifier().verify(token)
        #expect(principal.personId == Fixture.person)
        #expect(principal.role == .preparer)
        #expect(principal.scope == .institution(Fixture.institution))
        #expect(principal.actingFor == actingFor)
    }

    @Test("Every role with a permitted scope round-trips", arguments: [
        (Role.ikvdAdmin, Scope.national), (.ikvdExpert, .national), (.ikvdExpert, .region("Rīgas reģions")),
        (.municipalityCoordinator, .municipality(UUID())), (.vpiiCoordinator, .institution(UUID())),
        (.institutionHead, .institution(UUID())), (.institutionCoordinator, .institution(UUID())),
        (.preparer, .institution(UUID())), (.specialist, .institution(UUID())), (.finance, .national),
    ])
    func roundTrip(role: Role, scope: Scope) async throws {
        let token = try await Fixture.minter().mint(personId: Fixture.person, role: role, scope: scope)
        let principal = try await Fixture.verifier().verify(token)
        #expect(principal.role == role)
        #expect(principal.scope == scope)
        #expect(principal.actingFor == nil)
    }

    @Test("The header carries alg ES256 and the key's thumbprint as kid")
    func header() async throws {
        let token = try await Fixture.preparerToken()
        let headerPart = try #require(token.split(separator: ".").first)
        var base64 = headerPart.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let data = try #require(Data(base64Encoded: base64))
        let header = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(header["alg"] as? String == "ES256")
        #expect(header["kid"] as? String == Fixture.trustedKeyId)
    }

    @Test("Expired: refused after exp + leeway, accepted within the leeway")
    func expired() async throws {
        let token = try await Fixture.preparerToken(lifetime: .seconds(3600))
        await #expect(throws: AuthFailure.expired) {
            try await Fixture.verifier(at: Fixture.t0.addingTimeInterval(7200)).verify(token)
        }
        await #expect(throws: AuthFailure.expired) {
            try await Fixture.verifier(at: Fixture.t0.addingTimeInterval(3630)).verify(token)
        }
        _ = try await Fixture.verifier(at: Fixture.t0.addingTimeInterval(3610)).verify(token)
    }

    @Test("Not yet valid: nbf in the future beyond the leeway")
    func notYetValid() async throws {
        let claims = Fixture.claims(notBefore: Fixture.t0.addingTimeInterval(300))
        let token = try await Fixture.minter().sign(claims)
        await #expect(throws: AuthFailure.notYetValid) { try await Fixture.verifier().verify(token) }
        // Within the leeway a slightly fast issuer clock is tolerated.
        let early = try await Fixture.minter().sign(Fixture.claims(notBefore: Fixture.t0.addingTimeInterval(10)))
        _ = try await Fixture.verifier().verify(early)
        // Once nbf has come, it verifies.
        _ = try await Fixture.verifier(at: Fixture.t0.addingTimeInterval(300)).verify(token)
    }

    @Test("Issued in the future is not yet valid")
    func issuedInFuture() async throws {
        let token = try await Fixture.minter().sign(Fixture.claims(issuedAt: Fixture.t0.addingTimeInterval(600)))
        await #expect(throws: AuthFailure.notYetValid) { try await Fixture.verifier().verify(token) }
    }

    @Test("Wrong issuer")
    func wrongIssuer() async throws {
        let token = try await Fixture.preparerToken()
        await #expect(throws: AuthFailure.wrongIssuer) { try await Fixture.verifier(issuer: "someone-else").verify(token) }
    }

    @Test("Wrong audience; one of several audiences is enough")
    func wrongAudience() async throws {
        let token = try await Fixture.preparerToken()
        await #expect(throws: AuthFailure.wrongAudience) { try await Fixture.verifier(audience: "payouts").verify(token) }
        let multi = try await Fixture.minter().sign(Fixture.claims(audience: ["other", Fixture.audience]))
        _ = try await Fixture.verifier().verify(multi)
    }

    @Test("Signed with another key (its own kid) is refused")
    func otherKey() async throws {
        let token = try await Fixture.minter(key: Fixture.otherKey).mint(
            personId: Fixture.person, role: .ikvdAdmin, scope: .national)
        await #expect(throws: AuthFailure.badSignature) { try await Fixture.verifier().verify(token) }
    }

    @Test("Signed with another key under the trusted kid, or with no kid, is refused")
    func otherKeyForgedKid() async throws {
        let forger = JWTKeyCollection()
        await forger.add(ecdsa: Fixture.otherKey, kid: JWKIdentifier(string: Fixture.trustedKeyId))
        let withKid = try await forger.sign(Fixture.claims(), kid: JWKIdentifier(string: Fixture.trustedKeyId))
        await #expect(throws: AuthFailure.badSignature) { try await Fixture.verifier().verify(withKid) }

        let anonymous = JWTKeyCollection()
        await anonymous.add(ecdsa: Fixture.otherKey)
        let withoutKid = try await anonymous.sign(Fixture.claims())
        await #expect(throws: AuthFailure.badSignature) { try await Fixture.verifier().verify(withoutKid) }
    }

    @Test("A tampered payload breaks the signature")
    func tamperedPayload() async throws {
        let token = try await Fixture.preparerToken()
        let parts = token.split(separator: ".").map(String.init)
        let admin = try Fixture.signingInput(header: #"{"alg":"ES256"}"#,
                                             claims: Fixture.claims(role: "ikvd_admin", scopeKind: "national", scopeId: nil))
        let forgedPayload = String(admin.split(separator: ".")[1])
        let forged = [parts[0], forgedPayload, parts[2]].joined(separator: ".")
        await #expect(throws: AuthFailure.badSignature) { try await Fixture.verifier().verify(forged) }
    }

    @Test("alg none (empty signature) is refused, with or without a known kid", arguments: [
        #"{"alg":"none","typ":"JWT"}"#, #"{"alg":"none"}"#, #"{"alg":"None"}"#, #"{"alg":"NONE","typ":"JWT"}"#,
    ])
    func algNone(header: String) async throws {
        let unsigned = try Fixture.signingInput(header: header) + "."
        await #expect(throws: AuthFailure.algorithmNotAllowed) { try await Fixture.verifier().verify(unsigned) }
        let withKid = header.replacingOccurrences(of: "}", with: #","kid":"\#(Fixture.trustedKeyId)"}"#)
        let unsignedWithKid = try Fixture.signingInput(header: withKid) + "."
        await #expect(throws: AuthFailure.algorithmNotAllowed) { try await Fixture.verifier().verify(unsignedWithKid) }
    }

    @Test("HS256 with the public key PEM as the HMAC secret (key confusion) is refused")
    func hmacConfusion() async throws {
        for kid in [nil, Fixture.trustedKeyId] {
            let token = try Fixture.hs256WithPublicKeyAsSecret(kid: kid)
            await #expect(throws: AuthFailure.algorithmNotAllowed) { try await Fixture.verifier().verify(token) }
        }
    }

    @Test("Any header alg but exactly ES256 is refused", arguments: [
        "HS256", "HS512", "RS256", "PS256", "ES384", "ES512", "EdDSA", "es256", "ES256 ", "",
    ])
    func otherAlgorithms(alg: String) async throws {
        let token = try Fixture.signingInput(header: #"{"alg":"\#(alg)","kid":"\#(Fixture.trustedKeyId)"}"#) + ".c2ln"
        await #expect(throws: AuthFailure.algorithmNotAllowed) { try await Fixture.verifier().verify(token) }
    }

    @Test("A header without alg, or with alg not a string, is refused")
    func missingAlg() async throws {
        for header in [#"{"typ":"JWT"}"#, #"{"alg":["ES256"]}"#, #"{"alg":null}"#] {
            let token = try Fixture.signingInput(header: header) + ".c2ln"
            await #expect(throws: AuthFailure.algorithmNotAllowed) { try await Fixture.verifier().verify(token) }
        }
    }

    @Test("ES256 header with an empty signature is a bad signature")
    func es256EmptySignature() async throws {
        let token = try Fixture.signingInput(header: #"{"alg":"ES256"}"#) + "."
        await #expect(throws: AuthFailure.badSignature) { try await Fixture.verifier().verify(token) }
    }

    @Test("A critical header extension is refused")
    func criticalHeader() async throws {
        let token = try Fixture.signingInput(header: #"{"alg":"ES256","crit":["exp"],"exp":1}"#) + ".c2ln"
        await #expect(throws: AuthFailure.malformedToken) { try await Fixture.verifier().verify(token) }
    }

    @Test("Missing or unknown role", arguments: [nil, "", "superuser", "IKVD_ADMIN"] as [String?])
    func missingRole(role: String?) async throws {
        let token = try await Fixture.minter().sign(Fixture.claims(role: role))
        await #expect(throws: AuthFailure.missingRole) { try await Fixture.verifier().verify(token) }
    }

    @Test("Institution role with a national scope (and other inconsistent scopes) is refused")
    func scopeMismatch() async throws {
        let inconsistent: [AccessClaims] = [
            Fixture.claims(role: "preparer", scopeKind: "national", scopeId: nil),
            Fixture.claims(role: "institution_head", scopeKind: "region", scopeId: nil, scopeName: "Latgale"),
            Fixture.claims(role: "ikvd_admin", scopeKind: "institution"),
            Fixture.claims(role: "finance", scopeKind: "municipality"),
            Fixture.claims(role: "municipality_coordinator", scopeKind: "institution"),
            Fixture.claims(role: "preparer", scopeKind: nil, scopeId: nil),
            Fixture.claims(role: "preparer", scopeKind: "institution", scopeId: nil),
            Fixture.claims(role: "preparer", scopeKind: "institution", scopeId: "not-a-uuid"),
            Fixture.claims(role: "preparer", scopeKind: "school"),
            Fixture.claims(role: "ikvd_expert", scopeKind: "region", scopeId: nil, scopeName: ""),
            Fixture.claims(role: "ikvd_admin", scopeKind: "national", scopeId: UUID().uuidString),
        ]
        for claims in inconsistent {
            let token = try await Fixture.minter().sign(claims)
            await #expect(throws: AuthFailure.scopeMismatch) { try await Fixture.verifier().verify(token) }
        }
    }

    @Test("The minter refuses a role with a scope it may not hold")
    func minterRefusesMismatch() async throws {
        await #expect(throws: AuthFailure.scopeMismatch) {
            try await Fixture.minter().mint(personId: Fixture.person, role: .preparer, scope: .national)
        }
    }

    @Test("A subject that is not a person id is malformed")
    func badSubject() async throws {
        var claims = Fixture.claims()
        claims.subject = SubjectClaim(value: "alice")
        let token = try await Fixture.minter().sign(claims)
        await #expect(throws: AuthFailure.malformedToken) { try await Fixture.verifier().verify(token) }
    }

    @Test("Garbage is refused as malformed, never crashes", arguments: [
        "", "abc", "a.b", "a.b.c.d", "...", "..", "a..c", ".b.c", "eyJ.eyJ.", "Bearer x.y.z",
        "ä.ö.ü", "e30.e30.e30", "W10.e30.c2ln", "bnVsbA.e30.c2ln", "eyJhbGciOiJFUzI1NiJ9.!!!.c2ln",
        "eyJhbGciOiJFUzI1NiJ9.e30.%%%", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln", "eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2ln",
        String(repeating: "a", count: 9000), String(repeating: "a.", count: 3000) + "a",
    ])
    func garbage(token: String) async throws {
        do {
            _ = try await Fixture.verifier().verify(token)
            Issue.record("garbage verified")
        } catch let error as AuthFailure {
            #expect(error.status == 401)
            #expect([AuthFailure.malformedToken, .algorithmNotAllowed, .badSignature].contains(error))
        }
    }

    @Test("Errors carry codes and texts only, never the token")
    func errorsNeverEchoTheToken() async throws {
        let token = try await Fixture.preparerToken()
        do {
            _ = try await Fixture.verifier(issuer: "elsewhere").verify(token)
            Issue.record("verified")
        } catch let error as AuthFailure {
            for text in [error.description, error.detailLv, error.detailEn, "\(error)", String(reflecting: error)] {
                #expect(!text.contains(token))
                #expect(!text.contains(String(token.split(separator: ".")[1])))
            }
        }
    }
}

import Foundation
import JWTKit

/// Signs development access tokens (`pumpurs token`) with the development ES256 key.
public struct TokenMinter: Sendable {
    /// `iss` of minted tokens.
    public let issuer: String
    /// `aud` of minted tokens.
    public let audience: String
    /// Header `kid`: the RFC 7638 thumbprint of the public key, as ``VerificationKeys`` expects.
    public let keyId: String

    private let keys: JWTKeyCollection
    private let now: @Sendable () -> Date

    /// Creates a minter signing with `privateKey`.
    public init(privateKey: ES256PrivateKey, issuer: String, audience: String,
                now: @escaping @Sendable () -> Date = { Date() }) async {
        self.issuer = issuer
        self.audience = audience
        self.now = now
        self.keyId = DevelopmentKeyPair.keyId(of: privateKey.publicKey)
        let collection = JWTKeyCollection()
        await collection.add(ecdsa: privateKey, kid: JWKIdentifier(string: keyId))
        self.keys = collection
    }

    /// Creates a minter from the private key PEM file (`PUMPURS_JWT_PRIVATE_KEY_FILE`).
    public init(privateKeyFile: String, issuer: String, audience: String,
                now: @escaping @Sendable () -> Date = { Date() }) async throws(AuthConfigurationError) {
        let key = try DevelopmentKeyPair.loadPrivateKey(file: privateKeyFile)
        await self.init(privateKey: key, issuer: issuer, audience: audience, now: now)
    }

    /// A token for `personId` as `role` over `scope`, valid from now for `lifetime`.
    /// Throws ``AuthFailure/scopeMismatch`` when the role may not hold the scope.
    public func mint(personId: UUID, role: Role, scope: Scope, actingFor: UUID? = nil,
                     lifetime: Duration = .seconds(3600)) async throws -> String {
        let principal = try Principal(personId: personId, role: role, scope: scope, actingFor: actingFor)
        return try await mint(principal, lifetime: lifetime)
    }

    /// A token for `principal`, valid from now for `lifetime`.
    public func mint(_ principal: Principal, lifetime: Duration = .seconds(3600)) async throws -> String {
        let issuedAt = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        let claims = AccessClaims(principal: principal, issuer: issuer, audience: audience, issuedAt: issuedAt,
                                  notBefore: issuedAt,
                                  expiration: issuedAt.addingTimeInterval(TokenVerifier.seconds(lifetime)))
        return try await sign(claims)
    }

    /// Signs arbitrary claims (tests of the verifier's claim checks).
    public func sign(_ claims: AccessClaims) async throws -> String {
        var header = JWTHeader()
        header.typ = "JWT"
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyId), header: header)
    }
}

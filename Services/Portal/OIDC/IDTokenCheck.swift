import Foundation
import JWTKit

/// The claims of an OpenID Connect ID token that sign-in relies on.
public struct IDTokenClaims: JWTPayload, Equatable {
    public var iss: String
    public var sub: String
    public var aud: AudienceClaim
    public var exp: Int
    public var iat: Int?
    public var nonce: String?
    /// Authorized party: when present it must be our client id.
    public var azp: String?

    public init(iss: String, sub: String, aud: [String], exp: Int, iat: Int?, nonce: String?, azp: String? = nil) {
        self.iss = iss
        self.sub = sub
        self.aud = AudienceClaim(value: aud)
        self.exp = exp
        self.iat = iat
        self.nonce = nonce
        self.azp = azp
    }

    /// jwt-kit calls this after the signature; the real checks are ``IDTokenCheck``'s (pure, testable).
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Why an ID token was refused. Never carries the token or its subject.
public enum IDTokenProblem: Error, Equatable, Sendable {
    case malformed
    case algorithm(String)
    case unknownKey
    case signature
    case issuer
    case audience
    case authorizedParty
    case expired
    case issuedInFuture
    case nonce
    case missingSubject
}

/// The checks OpenID Connect Core §3.1.3.7 asks of an ID token, on claims whose signature was
/// already verified: issuer, audience (and `azp`), expiry, issue time, nonce, subject. Pure.
public enum IDTokenCheck {
    public static func check(_ claims: IDTokenClaims, issuer: String, clientId: String, nonce: String, now: Date,
                             leeway: TimeInterval = 60) -> IDTokenProblem? {
        guard claims.iss == issuer else { return .issuer }
        guard claims.aud.value.contains(clientId) else { return .audience }
        if claims.aud.value.count > 1 || claims.azp != nil {
            guard claims.azp == clientId else { return .authorizedParty }
        }
        let seconds = now.timeIntervalSince1970
        guard Double(claims.exp) + leeway > seconds else { return .expired }
        if let iat = claims.iat, Double(iat) - leeway > seconds { return .issuedInFuture }
        guard let sent = claims.nonce, !sent.isEmpty, sent == nonce else { return .nonce }
        guard !claims.sub.isEmpty, claims.sub.utf8.count <= 255 else { return .missingSubject }
        return nil
    }

    /// The header's `alg`, read before any key is touched (the pinned algorithm must match).
    public static func algorithm(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Base64URLText.decode(String(parts[0])),
              let header = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return header["alg"] as? String
    }
}

/// Verifies an ID token's signature with the provider's JWKS (algorithm pinned), then runs ``IDTokenCheck``.
public struct IDTokenVerifier: Sendable {
    public let issuer: String
    public let clientId: String
    /// The only algorithm accepted (e.g. `RS256`); `none` and HMAC can never be configured.
    public let algorithm: String
    let keys: JWTKeyCollection

    public init(issuer: String, clientId: String, algorithm: String, jwks: String) async throws {
        guard ["RS256", "PS256", "ES256"].contains(algorithm) else { throw IDTokenProblem.algorithm(algorithm) }
        self.issuer = issuer
        self.clientId = clientId
        self.algorithm = algorithm
        let collection = JWTKeyCollection()
        try await collection.add(jwksJSON: jwks)
        self.keys = collection
    }

    public func verify(_ token: String, nonce: String, now: Date = Date()) async throws(IDTokenProblem) -> IDTokenClaims {
        guard let alg = IDTokenCheck.algorithm(of: token) else { throw .malformed }
        guard alg == algorithm else { throw .algorithm(alg) }
        let claims: IDTokenClaims
        do {
            claims = try await keys.verify(token, as: IDTokenClaims.self)
        } catch let error as JWTError where "\(error)".contains("kid") || "\(error)".contains("key") {
            throw .unknownKey
        } catch {
            throw .signature
        }
        if let problem = IDTokenCheck.check(claims, issuer: issuer, clientId: clientId, nonce: nonce, now: now) { throw problem }
        return claims
    }
}

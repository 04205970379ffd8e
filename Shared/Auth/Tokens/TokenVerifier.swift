import Contracts
import Foundation
import JWTKit

/// Verifies PuMPuRS access tokens and turns them into a ``Principal``.
///
/// The algorithm is pinned to ES256: the header's `alg` must be exactly `ES256` before any key is
/// looked at, and only P-256 keys are loaded, so `none`, `HS256` (the public key used as an HMAC
/// secret) or any other algorithm is refused even when a key with the token's `kid` exists.
/// Then the signature, `iss`, `aud`, `exp`, `nbf` (with leeway), the lifetime (`exp − iat` at
/// most ``maximumLifetime``: a stolen week-long token is a week of someone else's rights) and the
/// role/scope claims are checked.
public struct TokenVerifier: Sendable {
    /// The pinned algorithm.
    public static let algorithm = "ES256"
    /// Tokens longer than this are refused unread (a header value has no business being larger).
    public static let maximumTokenLength = 8 * 1024

    /// Expected `iss`.
    public let issuer: String
    /// This service's audience; `aud` must contain it.
    public let audience: String
    /// Allowed clock skew for `exp`, `nbf` and `iat`.
    public let leeway: Duration
    /// The longest `exp − iat` accepted.
    public let maximumLifetime: Duration

    /// The default ``maximumLifetime``: one working day.
    public static let defaultMaximumLifetime: Duration = .seconds(12 * 3600)

    private let ring: VerificationKeyRing
    private let now: @Sendable () -> Date
    /// Claims of tokens whose signature already verified here (time checks still run each time).
    private let verified = VerifiedTokenCache()

    /// Creates a verifier trusting `keys`.
    /// - Parameter reload: reads the keys again when a token names an unknown `kid` (a JWKS
    ///   file or URL; at most once per 30 s); nil for a fixed set.
    /// - Parameter now: the clock (tests pass a fixed one).
    public init(issuer: String, audience: String, leeway: Duration = .seconds(30),
                maximumLifetime: Duration = TokenVerifier.defaultMaximumLifetime, keys: VerificationKeys,
                reload: (@Sendable () async throws -> VerificationKeys)? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) async {
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.maximumLifetime = maximumLifetime
        self.now = now
        self.ring = await VerificationKeyRing(keys, reload: reload)
    }

    /// The principal `token` grants, or why it grants none. The error never contains the token.
    public func verify(_ token: String) async throws(AuthFailure) -> Principal {
        try await verifiedClaims(token).principal()
    }

    /// The signature-checked and time/issuer/audience-checked claims of `token`.
    public func verifiedClaims(_ token: String) async throws(AuthFailure) -> AccessClaims {
        if let claims = verified.claims(for: token) {
            try check(claims)
            return claims
        }
        let header = try Self.pinnedHeader(of: token)
        let keys = await ring.keys(for: header.kid)
        if let kid = header.kid, !keys.keyIds.contains(kid) { throw .badSignature }

        let claims: AccessClaims
        do {
            claims = try await keys.collection.verify(token, as: AccessClaims.self, iteratingKeys: header.kid == nil)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .malformedToken
        } catch is DecodingError {
            throw .malformedToken
        } catch {
            throw .badSignature
        }
        try check(claims)
        verified.store(claims, for: token)
        return claims
    }

    /// How many verified tokens are remembered now (for tests).
    var rememberedTokens: Int { verified.count }

    /// Issuer, audience and time; role and scope are checked by ``AccessClaims/principal()``.
    private func check(_ claims: AccessClaims) throws(AuthFailure) {
        guard claims.issuer.value == issuer else { throw .wrongIssuer }
        guard claims.audience.value.contains(audience) else { throw .wrongAudience }
        let now = now()
        let skew = Self.seconds(leeway)
        guard now.timeIntervalSince(claims.expiration.value) < skew else { throw .expired }
        if let notBefore = claims.notBefore?.value, notBefore.timeIntervalSince(now) > skew { throw .notYetValid }
        if let issuedAt = claims.issuedAt?.value, issuedAt.timeIntervalSince(now) > skew { throw .notYetValid }
        // The lifetime is measured from the issue time; a token without one could live for ever.
        guard let issuedAt = claims.issuedAt?.value,
              claims.expiration.value.timeIntervalSince(issuedAt) <= Self.seconds(maximumLifetime) else { throw .lifetimeTooLong }
    }

    struct Header {
        var kid: String?
    }

    /// Reads the JOSE header without trusting it: three base64url parts, a JSON object whose
    /// `alg` is exactly ES256, no `crit` extensions (RFC 7515 §4.1.11: we understand none).
    static func pinnedHeader(of token: String) throws(AuthFailure) -> Header {
        guard !token.isEmpty, token.utf8.count <= maximumTokenLength else { throw .malformedToken }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformedToken }
        // A header with a key twice is refused: parsers disagree on which `alg` would count.
        guard let headerData = Base64URL.decode(parts[0]), (try? JSONTree.parse(Array(headerData), refusingDuplicateKeys: true)) != nil,
              let object = try? JSONSerialization.jsonObject(with: headerData),
              let header = object as? [String: Any] else { throw .malformedToken }
        guard let alg = header["alg"] as? String, alg == algorithm else { throw .algorithmNotAllowed }
        guard header["crit"] == nil else { throw .malformedToken }
        if let typ = header["typ"] {
            guard let typ = typ as? String, ["jwt", "at+jwt"].contains(typ.lowercased()) else { throw .malformedToken }
        }
        var kid: String?
        if let rawKid = header["kid"] {
            guard let value = rawKid as? String else { throw .malformedToken }
            kid = value
        }
        guard !parts[2].isEmpty, Base64URL.decode(parts[1]) != nil, Base64URL.decode(parts[2]) != nil else {
            throw parts[2].isEmpty ? .badSignature : .malformedToken
        }
        return Header(kid: kid)
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}


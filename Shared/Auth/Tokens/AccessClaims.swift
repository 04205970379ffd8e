import Foundation
import JWTKit

/// The claims of a PuMPuRS access token, as they travel on the wire.
///
/// Role and scope are kept as the raw strings the issuer sent so that a missing or unknown value
/// is reported precisely (``AuthFailure/missingRole``, ``AuthFailure/scopeMismatch``) instead of
/// as an undecodable token; ``TokenVerifier`` turns them into a ``Principal``.
///
/// ```json
/// {"sub":"<person uuid>","role":"preparer","scope":"institution","scope_id":"<uuid>",
///  "iss":"pumpurs-dev","aud":"pumpurs","exp":…,"nbf":…,"iat":…,"acting_for":"<uuid>"}
/// ```
public struct AccessClaims: JWTPayload, Equatable {
    /// Person id (UUID string).
    public var subject: SubjectClaim
    /// ``Role`` raw value.
    public var role: String?
    /// ``Scope/Kind`` raw value.
    public var scopeKind: String?
    /// Municipality or institution id, for those scope kinds.
    public var scopeId: String?
    /// Region name, for a region scope.
    public var scopeName: String?
    /// Issuer.
    public var issuer: IssuerClaim
    /// Audience(s).
    public var audience: AudienceClaim
    /// Expiry (required).
    public var expiration: ExpirationClaim
    /// Not before; checked when present (the dev minter always sets it).
    public var notBefore: NotBeforeClaim?
    /// Issued at.
    public var issuedAt: IssuedAtClaim?
    /// The person this one acts for (UUID string), if any.
    public var actingFor: String?

    enum CodingKeys: String, CodingKey {
        case subject = "sub", role, scopeKind = "scope", scopeId = "scope_id", scopeName = "scope_name"
        case issuer = "iss", audience = "aud", expiration = "exp", notBefore = "nbf", issuedAt = "iat"
        case actingFor = "acting_for"
    }

    /// Creates the claims for `principal`, valid from `notBefore` until `expiration`.
    public init(principal: Principal, issuer: String, audience: String,
                issuedAt: Date, notBefore: Date, expiration: Date) {
        self.subject = SubjectClaim(value: principal.personId.uuidString.lowercased())
        self.role = principal.role.rawValue
        self.scopeKind = principal.scope.kind.rawValue
        switch principal.scope {
        case .national: break
        case .region(let name): self.scopeName = name
        case .municipality(let id), .institution(let id): self.scopeId = id.uuidString.lowercased()
        }
        self.issuer = IssuerClaim(value: issuer)
        self.audience = AudienceClaim(value: [audience])
        self.expiration = ExpirationClaim(value: expiration)
        self.notBefore = NotBeforeClaim(value: notBefore)
        self.issuedAt = IssuedAtClaim(value: issuedAt)
        self.actingFor = principal.actingFor?.uuidString.lowercased()
    }

    /// Creates claims field by field (tests and unusual issuers).
    public init(subject: String, role: String?, scopeKind: String?, scopeId: String? = nil, scopeName: String? = nil,
                issuer: String, audience: [String], expiration: Date, notBefore: Date?, issuedAt: Date?,
                actingFor: String? = nil) {
        self.subject = SubjectClaim(value: subject)
        self.role = role
        self.scopeKind = scopeKind
        self.scopeId = scopeId
        self.scopeName = scopeName
        self.issuer = IssuerClaim(value: issuer)
        self.audience = AudienceClaim(value: audience)
        self.expiration = ExpirationClaim(value: expiration)
        self.notBefore = notBefore.map { NotBeforeClaim(value: $0) }
        self.issuedAt = issuedAt.map { IssuedAtClaim(value: $0) }
        self.actingFor = actingFor
    }

    /// Intentionally empty: time, issuer and audience depend on configuration (clock, leeway,
    /// expected values) that jwt-kit cannot pass in, so ``TokenVerifier`` checks them right after
    /// the signature. Never verify these claims with a bare `JWTKeyCollection`.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The principal these claims describe, or why they describe none.
    public func principal() throws(AuthFailure) -> Principal {
        guard let personId = UUID(uuidString: subject.value) else { throw .malformedToken }
        guard let rawRole = role, let role = Role(rawValue: rawRole) else { throw .missingRole }
        let scope = try self.scope()
        var actingForId: UUID?
        if let actingFor {
            guard let id = UUID(uuidString: actingFor) else { throw .malformedToken }
            actingForId = id
        }
        return try Principal(personId: personId, role: role, scope: scope, actingFor: actingForId)
    }

    /// The scope from `scope` + `scope_id`/`scope_name`; a value that does not belong to the kind
    /// (an id on a national scope) is refused rather than ignored.
    private func scope() throws(AuthFailure) -> Scope {
        guard let rawKind = scopeKind, let kind = Scope.Kind(rawValue: rawKind) else { throw .scopeMismatch }
        switch kind {
        case .national:
            guard scopeId == nil, scopeName == nil else { throw .scopeMismatch }
            return .national
        case .region:
            guard scopeId == nil, let name = scopeName, !name.isEmpty else { throw .scopeMismatch }
            return .region(name)
        case .municipality, .institution:
            guard scopeName == nil, let raw = scopeId, let id = UUID(uuidString: raw) else { throw .scopeMismatch }
            return kind == .municipality ? .municipality(id) : .institution(id)
        }
    }
}

/// Why a request was not authenticated or not authorised: a stable code, an HTTP status and a
/// text in Latvian and English. Never carries the token or any part of it.
public enum AuthFailure: Error, Sendable, Hashable, CaseIterable {
    /// No `Authorization: Bearer` header.
    case missingToken
    /// Not three base64url parts, undecodable JSON, or a claim of the wrong type.
    case malformedToken
    /// The header names an algorithm other than the pinned ES256 (`none`, `HS256`, …).
    case algorithmNotAllowed
    /// The signature does not verify with any trusted key, or the key id is unknown.
    case badSignature
    /// `exp` is in the past (beyond the leeway).
    case expired
    /// `nbf` is in the future (beyond the leeway).
    case notYetValid
    /// `exp` lies further after `iat` than the configured maximum lifetime, or `iat` is missing.
    case lifetimeTooLong
    /// `iss` is not the configured issuer.
    case wrongIssuer
    /// `aud` does not name this service's audience.
    case wrongAudience
    /// `role` is missing or unknown.
    case missingRole
    /// The scope claims are missing, malformed, or not a scope the role may hold.
    case scopeMismatch
    /// Authenticated, but the role may not use this operation.
    case roleNotAllowed
    /// Authenticated, but the object lies outside the principal's scope.
    case outOfScope
    /// The token is genuine, but the person no longer holds its role in its scope (revoked, or
    /// not (yet) known to this service's directory copy).
    case assignmentNotHeld

    /// Stable machine-readable code, e.g. `auth.expired`; also the tail of ``type``.
    public var code: String {
        switch self {
        case .missingToken: "auth.missing_token"
        case .malformedToken: "auth.malformed_token"
        case .algorithmNotAllowed: "auth.algorithm_not_allowed"
        case .badSignature: "auth.bad_signature"
        case .expired: "auth.expired"
        case .notYetValid: "auth.not_yet_valid"
        case .lifetimeTooLong: "auth.lifetime_too_long"
        case .wrongIssuer: "auth.wrong_issuer"
        case .wrongAudience: "auth.wrong_audience"
        case .missingRole: "auth.missing_role"
        case .scopeMismatch: "auth.scope_mismatch"
        case .roleNotAllowed: "auth.role_not_allowed"
        case .outOfScope: "auth.out_of_scope"
        case .assignmentNotHeld: "auth.assignment_not_held"
        }
    }

    /// HTTP status: 401 when the caller is not authenticated, 403 when authenticated but refused.
    public var status: Int {
        switch self {
        case .roleNotAllowed, .outOfScope, .assignmentNotHeld: 403
        default: 401
        }
    }

    /// Whether the failure means "not authenticated" (401) rather than "forbidden" (403).
    public var isAuthentication: Bool { status == 401 }

    /// RFC 9457 problem type URI.
    public var type: String { "urn:pumpurs:problem:\(code)" }

    /// Short summary in Latvian.
    public var titleLv: String {
        isAuthentication ? "Nepieciešama autentifikācija" : "Piekļuve liegta"
    }

    /// Short summary in English.
    public var titleEn: String {
        isAuthentication ? "Authentication required" : "Access denied"
    }

    /// Explanation in Latvian.
    public var detailLv: String {
        switch self {
        case .missingToken: "Pieprasījumam nav piekļuves pilnvaras (Authorization: Bearer)."
        case .malformedToken: "Piekļuves pilnvara ir bojāta."
        case .algorithmNotAllowed: "Piekļuves pilnvaras paraksta algoritms nav atļauts."
        case .badSignature: "Piekļuves pilnvaras paraksts nav derīgs."
        case .expired: "Piekļuves pilnvaras derīguma termiņš ir beidzies."
        case .notYetValid: "Piekļuves pilnvara vēl nav derīga."
        case .lifetimeTooLong: "Piekļuves pilnvaras derīguma laiks ir pārāk garš (vai nav norādīts izdošanas laiks)."
        case .wrongIssuer: "Piekļuves pilnvaru izdevis neuzticams izdevējs."
        case .wrongAudience: "Piekļuves pilnvara nav paredzēta šim pakalpojumam."
        case .missingRole: "Piekļuves pilnvarā nav derīgas lomas."
        case .scopeMismatch: "Piekļuves pilnvaras darbības joma neatbilst lomai."
        case .roleNotAllowed: "Jūsu lomai šī darbība nav atļauta."
        case .outOfScope: "Šis ieraksts ir ārpus jūsu darbības jomas."
        case .assignmentNotHeld: "Jums šī loma šajā darbības jomā vairs nav piešķirta."
        }
    }

    /// Explanation in English.
    public var detailEn: String {
        switch self {
        case .missingToken: "The request carries no access token (Authorization: Bearer)."
        case .malformedToken: "The access token is malformed."
        case .algorithmNotAllowed: "The access token's signing algorithm is not allowed."
        case .badSignature: "The access token's signature is not valid."
        case .expired: "The access token has expired."
        case .notYetValid: "The access token is not valid yet."
        case .lifetimeTooLong: "The access token lives longer than allowed (or carries no issue time)."
        case .wrongIssuer: "The access token was issued by an untrusted issuer."
        case .wrongAudience: "The access token is not meant for this service."
        case .missingRole: "The access token carries no valid role."
        case .scopeMismatch: "The access token's scope does not fit its role."
        case .roleNotAllowed: "Your role may not perform this operation."
        case .outOfScope: "This record is outside your scope."
        case .assignmentNotHeld: "You no longer hold this role in this scope."
        }
    }
}

extension AuthFailure: CustomStringConvertible {
    /// `code: English detail`, safe to log.
    public var description: String { "\(code): \(detailEn)" }
}

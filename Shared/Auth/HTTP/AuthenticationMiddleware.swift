import HTTPTypes
import Hummingbird
import Logging

/// Verifies `Authorization: Bearer <token>`, checks that the person still holds the token's
/// role in its scope, and stores the ``Principal`` in the context.
///
/// A missing or invalid token ends the request with 401 problem+json (``AuthProblem``), a
/// genuine token whose role was revoked with 403 `auth.assignment_not_held`; the token never
/// reaches a log line or a response.
public struct AuthenticationMiddleware<Context: PrincipalRequestContext>: RouterMiddleware {
    private let verifier: TokenVerifier
    private let assignments: any AssignmentCheck
    private let allowsAnonymous: Bool

    /// Creates the middleware.
    /// - Parameter assignments: the service's directory copy, asked on every request.
    /// - Parameter allowsAnonymous: let a request *without* an `Authorization` header through with
    ///   `principal == nil` (for routes that check with ``PrincipalRequestContext/requirePrincipal()``
    ///   themselves); a present but invalid token is refused either way.
    public init(verifier: TokenVerifier, assignments: any AssignmentCheck, allowsAnonymous: Bool = false) {
        self.verifier = verifier
        self.assignments = assignments
        self.allowsAnonymous = allowsAnonymous
    }

    /// Authenticates, then calls `next`.
    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let values = request.headers[values: .authorization]
        if values.isEmpty {
            guard allowsAnonymous else { throw AuthProblem(.missingToken) }
            context.principal = nil
            return try await next(request, context)
        }
        guard values.count == 1, let token = Self.bearerToken(values[0]) else { throw AuthProblem(.malformedToken) }
        let principal: Principal
        do {
            principal = try await verifier.verify(token)
        } catch {
            context.logger.debug("access token refused", metadata: ["auth.failure": "\(error.code)"])
            throw AuthProblem(error)
        }
        guard try await assignments.holds(principal) else {
            context.logger.info("role no longer held", metadata: ["auth.failure": "\(AuthFailure.assignmentNotHeld.code)",
                                                                  "auth.role": "\(principal.role.rawValue)"])
            throw AuthProblem(.assignmentNotHeld)
        }
        context.principal = principal
        return try await next(request, context)
    }

    /// The token of a `Bearer` credential (scheme case-insensitive, RFC 7235 §2.1), or `nil`.
    static func bearerToken(_ value: String) -> String? {
        let trimmed = value.drop { $0 == " " }
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).drop { $0 == " " }
        guard !token.isEmpty, !token.contains(" ") else { return nil }
        return String(token)
    }
}

/// Lets a request through only when the authenticated principal holds one of the roles:
/// `router.group("plans").add(middleware: RequireRoleMiddleware([.preparer]))`.
public struct RequireRoleMiddleware<Context: PrincipalRequestContext>: RouterMiddleware {
    /// The roles allowed.
    public let roles: Set<Role>

    /// Allows `roles`.
    public init(_ roles: Set<Role>) {
        self.roles = roles
    }

    /// 401 without a principal, 403 for another role, otherwise `next`.
    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        try context.requireRole(roles)
        return try await next(request, context)
    }
}

import Hummingbird

/// A request context that can carry the authenticated ``Principal``; services whose context
/// holds more than this conform their own context to it.
public protocol PrincipalRequestContext: RequestContext {
    /// The authenticated caller, set by ``AuthenticationMiddleware``; `nil` before it ran or
    /// when it let an anonymous request through.
    var principal: Principal? { get set }
}

/// The smallest context with a principal, shaped like Hummingbird's `BasicRequestContext`.
public struct AuthenticatedRequestContext: PrincipalRequestContext {
    /// Hummingbird's core context.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller.
    public var principal: Principal?

    /// Creates an unauthenticated context for a new request.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.principal = nil
    }
}

extension PrincipalRequestContext {
    /// The authenticated caller, or a 401 problem.
    public func requirePrincipal() throws(AuthProblem) -> Principal {
        guard let principal else { throw AuthProblem(.missingToken) }
        return principal
    }

    /// The caller when they hold one of `roles`; 401 without a principal, 403 otherwise.
    @discardableResult
    public func requireRole(_ roles: Set<Role>) throws(AuthProblem) -> Principal {
        let principal = try requirePrincipal()
        guard principal.has(anyOf: roles) else { throw AuthProblem(.roleNotAllowed) }
        return principal
    }

    /// The caller when their scope reaches `institution`; 401 without a principal, 403 otherwise.
    @discardableResult
    public func requireCoverage(of institution: InstitutionScopeFacts) throws(AuthProblem) -> Principal {
        let principal = try requirePrincipal()
        guard principal.covers(institution: institution) else { throw AuthProblem(.outOfScope) }
        return principal
    }
}

import Foundation

/// The authenticated caller: who they are, in which role, over which scope.
///
/// A principal is always consistent: its role permits its scope (``Role/permits(_:)``), so the
/// scope checks never meet, say, a preparer with a national scope.
public struct Principal: Sendable, Hashable {
    /// The person (the token's `sub`).
    public let personId: UUID
    /// The role this token grants.
    public let role: Role
    /// Where the role applies.
    public let scope: Scope
    /// The person on whose behalf this one acts (a substitute), if any.
    public let actingFor: UUID?

    /// Creates a principal, refusing a role that may not hold `scope`.
    public init(personId: UUID, role: Role, scope: Scope, actingFor: UUID? = nil) throws(AuthFailure) {
        guard role.permits(scope) else { throw AuthFailure.scopeMismatch }
        self.personId = personId
        self.role = role
        self.scope = scope
        self.actingFor = actingFor
    }

    /// Whether the principal holds one of `roles`.
    public func has(anyOf roles: Set<Role>) -> Bool {
        roles.contains(role)
    }
}

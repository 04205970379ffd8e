/// Whether a person holds, now, the role and scope their token names.
///
/// A token is a claim made when it was issued; the directory is the truth now. Every service
/// asks its own directory copy (intake: the directory itself; the others: the replica built from
/// `directory.*` events) on every request, so a revoked role stops working everywhere as soon as
/// the revocation event has arrived, not when the token expires.
public protocol AssignmentCheck: Sendable {
    /// Whether `principal.personId` holds `principal.role` over exactly `principal.scope`, unrevoked.
    func holds(_ principal: Principal) async throws -> Bool
}

/// A fixed set of grants (unit tests of HTTP routes; never a service's real check).
public struct FixedAssignments: AssignmentCheck {
    /// The grants held.
    public var grants: Set<Principal>

    /// Holds exactly `grants` (compared by person, role and scope; `actingFor` is ignored).
    public init(_ grants: Set<Principal>) {
        self.grants = Set(grants.compactMap { try? Principal(personId: $0.personId, role: $0.role, scope: $0.scope) })
    }

    /// Whether the grant is in the set.
    public func holds(_ principal: Principal) async throws -> Bool {
        guard let plain = try? Principal(personId: principal.personId, role: principal.role, scope: principal.scope) else { return false }
        return grants.contains(plain)
    }
}

import Auth
import Foundation
import Postgres

/// A scope as the directory's assignment columns hold it (`scope_kind`, `scope_id`,
/// `scope_region`): one mapping for intake's directory, the replicas and the delegations.
public struct AssignmentColumns: Sendable, Hashable {
    /// `national`, `region`, `municipality` or `institution`.
    public var kind: String
    /// The municipality or institution id.
    public var id: UUID?
    /// The region name.
    public var region: String?

    /// The columns of `scope`.
    public init(_ scope: Scope) {
        switch scope {
        case .national: (kind, id, region) = ("national", nil, nil)
        case .region(let name): (kind, id, region) = ("region", nil, name)
        case .municipality(let id): (kind, self.id, region) = ("municipality", id, nil)
        case .institution(let id): (kind, self.id, region) = ("institution", id, nil)
        }
    }
}

/// The rights check every service but intake makes: the service's directory replica.
public struct ReplicaAssignments: AssignmentCheck {
    let pool: PostgresPool

    /// Asks the replica on `pool`.
    public init(pool: PostgresPool) { self.pool = pool }

    /// Whether the replica holds the grant, unrevoked.
    public func holds(_ principal: Principal) async throws -> Bool {
        let scope = AssignmentColumns(principal.scope)
        return try await pool.withConnection { connection in
            try connection.query("""
                SELECT 1 FROM replica_assignments WHERE person_id = $1 AND role = $2 AND scope_kind = $3
                  AND scope_id IS NOT DISTINCT FROM $4 AND scope_region IS NOT DISTINCT FROM $5 AND NOT revoked LIMIT 1
                """, [principal.personId, principal.role.rawValue, scope.kind, scope.id, scope.region]).first != nil
        }
    }
}

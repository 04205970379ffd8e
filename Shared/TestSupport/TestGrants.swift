import Auth
import Foundation
import Postgres
import ServiceKit

/// Test fixtures for the per-request rights check: the grant a test's token names, written where
/// the service under test looks it up (its directory replica, or intake's directory), as the
/// `directory.*` events or the directory API would have written it.
public enum TestGrants {
    /// Records `principal`'s grant in a service's `replica_assignments` (idempotent).
    public static func replica(_ principal: Principal, on pool: PostgresPool) async throws {
        // The service's own check decides whether the grant is there already.
        guard try await !ReplicaAssignments(pool: pool).holds(principal) else { return }
        let scope = AssignmentColumns(principal.scope)
        try await pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO replica_assignments (id, person_id, role, scope_kind, scope_id, scope_region) VALUES ($1, $2, $3, $4, $5, $6)
                """, [UUID(), principal.personId, principal.role.rawValue, scope.kind, scope.id, scope.region])
        }
    }

    /// Records `principal` as a person with the assignment in intake's own directory (idempotent).
    public static func directory(_ principal: Principal, on pool: PostgresPool) async throws {
        let scope = AssignmentColumns(principal.scope)
        let grantor = UUID(uuidString: "00000000-0000-0000-0000-000000000000") ?? UUID()
        try await pool.withTransaction { connection in
            try connection.execute("""
                INSERT INTO people (id, name, email, language, created_by) VALUES ($1, $2, $3, 'lv', $4) ON CONFLICT DO NOTHING
                """, [principal.personId, "Tests \(principal.role.rawValue)", "\(principal.personId.uuidString.lowercased())@tests.example.lv",
                      grantor])
            guard try connection.query("""
                SELECT 1 FROM role_assignments WHERE person_id = $1 AND role = $2 AND scope_kind = $3
                  AND scope_id IS NOT DISTINCT FROM $4 AND scope_region IS NOT DISTINCT FROM $5 AND revoked_at IS NULL
                """, [principal.personId, principal.role.rawValue, scope.kind, scope.id, scope.region]).first == nil else { return }
            try connection.execute("""
                INSERT INTO role_assignments (id, person_id, role, scope_kind, scope_id, scope_region, assigned_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [UUID(), principal.personId, principal.role.rawValue, scope.kind, scope.id, scope.region, grantor])
        }
    }
}

import Auth
import Foundation
import Postgres
import ServiceKit

/// Intake's rights check: the directory itself (intake owns it), asked on every request.
struct DirectoryAssignments: AssignmentCheck {
    let pool: PostgresPool

    func holds(_ principal: Principal) async throws -> Bool {
        let scope = AssignmentColumns(principal.scope)
        return try await pool.withConnection { connection in
            try connection.query("""
                SELECT 1 FROM role_assignments WHERE person_id = $1 AND role = $2 AND scope_kind = $3
                  AND scope_id IS NOT DISTINCT FROM $4 AND scope_region IS NOT DISTINCT FROM $5 AND revoked_at IS NULL LIMIT 1
                """, [principal.personId, principal.role.rawValue, scope.kind, scope.id, scope.region]).first != nil
        }
    }
}

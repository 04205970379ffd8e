import Auth
import Foundation
import Postgres
import ServiceKit

/// What a scope check needs about an institution. A principal scoped to one institution is
/// checked by id alone, so a specialist's own records never wait for the directory's copy;
/// every wider scope (and a VPII coordinator's, which depends on the institution being a VPII)
/// needs the replica's municipality and region, and sees nothing of an institution not yet in it.
enum ScopeFacts {
    static func of(_ institutionId: UUID, for principal: Principal, on connection: PostgresConnection) throws -> InstitutionScopeFacts? {
        if case .institution = principal.scope, principal.role != .vpiiCoordinator {
            return InstitutionScopeFacts(institutionId: institutionId, municipalityId: nil, region: "")
        }
        return try DirectoryReplica.institution(institutionId, on: connection)?.scopeFacts
    }

    /// The SQL condition limiting work records `w` (joined `LEFT JOIN replica_institutions i`) to
    /// what `principal` may see, with its parameters numbered after `offset`.
    static func workLogCondition(_ principal: Principal, parameterOffset offset: Int) -> (String, [any PostgresBindable]) {
        var (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "w.institution_id", parameterOffset: offset)
        if !(principal.scope.kind == .institution && principal.role != .vpiiCoordinator) {
            condition += " AND i.id IS NOT NULL"
        }
        if !WorkLogAccess.overseers.contains(principal.role) {
            parameters.append(principal.personId)
            condition += " AND w.person_id = $\(offset + parameters.count)"
        }
        return ("(\(condition))", parameters)
    }
}

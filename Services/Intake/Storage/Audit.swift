import Auth
import Foundation
import Postgres

/// Audit rows: who (person, role, scope), what, on what, when, in which flow. Callers pass
/// subjects as ids (`plan:<uuid>`, `student:<uuid>`), never personal data.
public enum Audit {
    /// Records one audited action on the caller's transaction.
    public static func record(actor: Principal, action: String, subject: String, correlationId: UUID?,
                              on connection: PostgresConnection) throws {
        try connection.execute(
            "INSERT INTO audit (actor, role, scope, action, subject, correlation_id) VALUES ($1, $2, $3, $4, $5, $6)",
            [actor.personId, actor.role.rawValue, describe(actor.scope), action, subject, correlationId])
    }

    /// `national`, `region:<name>`, `municipality:<uuid>`, `institution:<uuid>`.
    static func describe(_ scope: Scope) -> String {
        switch scope {
        case .national: "national"
        case .region(let name): "region:\(name)"
        case .municipality(let id): "municipality:\(id.uuidString.lowercased())"
        case .institution(let id): "institution:\(id.uuidString.lowercased())"
        }
    }
}

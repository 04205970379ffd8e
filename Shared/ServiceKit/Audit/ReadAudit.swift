import Auth
import Foundation
import Hummingbird
import Postgres

/// One audit row per read of personal or case content (a plan's free text, a report, a receipt,
/// an approval summary with comments, a work log), in the schema of the service that served it
/// (issue #17, item 9): who (person, role, scope), what (action and subject id), on which plan,
/// when, and why (the route). Subjects and routes carry ids only, never personal data.
public enum ReadAudit {
    /// Records one read on `connection` (the caller's transaction, if any, so a read that fails
    /// afterwards leaves no row claiming it happened).
    public static func record(_ principal: Principal, action: String, subject: String, planId: UUID?,
                              request: Request, on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO read_audit (actor, role, scope, action, subject, plan_id, route, correlation_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [principal.personId, principal.role.rawValue, describe(principal.scope), action, subject, planId,
                  route(of: request), RequestCorrelation.id(of: request)])
    }

    /// `GET /path` without the query (the path holds ids only).
    static func route(of request: Request) -> String {
        "\(request.method.rawValue) \(request.uri.path)"
    }

    /// `national`, `region:<name>`, `municipality:<uuid>`, `institution:<uuid>`.
    public static func describe(_ scope: Scope) -> String {
        switch scope {
        case .national: "national"
        case .region(let name): "region:\(name)"
        case .municipality(let id): "municipality:\(id.uuidString.lowercased())"
        case .institution(let id): "institution:\(id.uuidString.lowercased())"
        }
    }
}

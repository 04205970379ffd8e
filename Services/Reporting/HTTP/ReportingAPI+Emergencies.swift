import Auth
import Foundation
import Hummingbird
import Postgres
import ServiceKit

/// `GET /statistics/emergencies`: each emergency period's effect (issue #19 item 8), for IKVD, who
/// declare them. Figures are counts of plans per planning region: exact for IKVD, and not offered
/// to other roles (their scope's small counts would need the statistics' suppression).
extension ReportingAPI {
    static let emergencyReaders: Set<Role> = [.ikvdAdmin, .ikvdExpert]

    func registerEmergencies(_ api: RouterGroup<AuthenticatedRequestContext>) {
        api.get("statistics/emergencies") { _, context in
            _ = try context.requireRole(Self.emergencyReaders)
            let items = try await pool.withConnection { try EmergencyEffect.list(on: $0) }
            return try JSONResponse.make(.ok, ["items": items], headers: [.cacheControl: "no-store"])
        }
    }
}

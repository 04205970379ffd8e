import Auth
import Foundation
import Hummingbird
import Postgres
import ServiceKit

/// The emergency routes (seed 004): declare, list, read one with its per-plan results, end.
/// Declaring and ending run in one transaction each: the per-plan rows and the event are stored
/// together or not at all, so a retry after a failure starts clean.
extension ApprovalAPI {
    func registerEmergencies(on approvals: RouterGroup<AuthenticatedRequestContext>) {
        approvals.post("emergencies") { request, context in
            let principal = try context.requirePrincipal()
            try Emergencies.requireDeclarer(principal)
            let input = try await BoundedBody.decode(NewEmergency.self, from: request, limit: jsonLimit)
            let page = try Pagination(request)
            let detail = try await pool.withTransaction {
                try emergencies.declare(input, by: principal, outbox: outbox(request), page: page, on: $0)
            }
            return try JSONResponse.make(.created, detail,
                                         headers: [.location: "/approvals/emergencies/\(detail.emergency.id.uuidString.lowercased())"])
        }
        approvals.get("emergencies") { _, context in
            _ = try context.requireRole(Emergencies.readers)
            return try JSONResponse.make(.ok, ["items": try await pool.withConnection { try emergencies.list(on: $0) }])
        }
        approvals.get("emergencies/:emergencyId") { request, context in
            let principal = try context.requireRole(Emergencies.readers)
            let id = try context.parameters.requireUUID("emergencyId")
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try emergencies.detail(id, for: principal, page: page, on: $0) })
        }
        approvals.post("emergencies/:emergencyId/resume") { request, context in
            let principal = try context.requirePrincipal()
            try Emergencies.requireDeclarer(principal)
            let id = try context.parameters.requireUUID("emergencyId")
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            let input = body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) ? EndEmergency() : try StrictJSON.decode(EndEmergency.self, from: body)
            _ = try Self.limited(input.comment)
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withTransaction {
                try emergencies.end(id, input, by: principal, outbox: outbox(request), page: page, on: $0)
            })
        }
    }
}

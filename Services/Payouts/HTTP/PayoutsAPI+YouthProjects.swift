import Auth
import Foundation
import Hummingbird
import Postgres
import ServiceKit

/// Youth initiative projects (DOMAIN.md §9b) under `/payouts/youth/…`: a partner's coordinator
/// registers competitions and the NGO applications received, decides them and pays the awarded
/// projects; IKVD and finance read everything. See `PayoutsOpenAPI+YouthProjects.swift`.
extension PayoutsAPI {
    func registerYouthRoutes(_ group: RouterGroup<AuthenticatedRequestContext>) {
        let competitions = YouthCompetitions()
        let applications = YouthApplications(terms: youthTerms)
        let decisions = YouthDecisions(terms: youthTerms)
        group.post("youth/competitions") { request, context in
            let principal = try context.requireRole([.municipalityCoordinator, .vpiiCoordinator])
            let input = try await BoundedBody.decode(YouthCompetitions.Input.self, from: request, limit: jsonLimit)
            let view = try await pool.withTransaction { try competitions.register(input, by: principal, on: $0) }
            return try JSONResponse.make(.created, view, headers: [.location: "/payouts/youth/competitions/\(view.competitionId.uuidString.lowercased())"])
        }
        group.get("youth/competitions") { request, context in
            let principal = try context.requireRole(YouthPartner.roles)
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try competitions.list(for: principal, page: page, on: $0) })
        }
        group.get("youth/competitions/:competitionId") { _, context in
            let principal = try context.requireRole(YouthPartner.roles)
            let id = try context.parameters.requireUUID("competitionId")
            return try JSONResponse.make(.ok, try await pool.withConnection { try competitions.view(id, for: principal, on: $0) })
        }
        group.post("youth/competitions/:competitionId/applications") { request, context in
            let principal = try context.requireRole([.municipalityCoordinator, .vpiiCoordinator])
            let id = try context.parameters.requireUUID("competitionId")
            let input = try await BoundedBody.decode(YouthApplications.Input.self, from: request, limit: jsonLimit)
            let view = try await pool.withTransaction { try applications.register(input, competitionId: id, by: principal, on: $0) }
            return try JSONResponse.make(.created, view, headers: [.location: "/payouts/youth/applications/\(view.applicationId.uuidString.lowercased())"])
        }
        group.get("youth/competitions/:competitionId/applications") { request, context in
            let principal = try context.requireRole(YouthPartner.roles)
            let id = try context.parameters.requireUUID("competitionId")
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection {
                try applications.list(competitionId: id, for: principal, page: page, on: $0)
            })
        }
        group.get("youth/applications/:applicationId") { _, context in
            let principal = try context.requireRole(YouthPartner.roles)
            let id = try context.parameters.requireUUID("applicationId")
            return try JSONResponse.make(.ok, try await pool.withConnection { try YouthApplicationView.load(id, for: principal, on: $0) })
        }
        group.post("youth/applications/:applicationId/award") { request, context in
            let principal = try context.requireRole([.municipalityCoordinator, .vpiiCoordinator])
            let id = try context.parameters.requireUUID("applicationId")
            let input = try await BoundedBody.decode(YouthDecisions.AwardInput.self, from: request, limit: jsonLimit)
            return try JSONResponse.make(.ok, try await pool.withTransaction { try decisions.award(id, input, by: principal, on: $0) })
        }
        group.post("youth/applications/:applicationId/refuse") { request, context in
            let principal = try context.requireRole([.municipalityCoordinator, .vpiiCoordinator])
            let id = try context.parameters.requireUUID("applicationId")
            let input = try await BoundedBody.decode(YouthDecisions.ReasonInput.self, from: request, limit: jsonLimit)
            return try JSONResponse.make(.ok, try await pool.withTransaction { try decisions.refuse(id, input, by: principal, on: $0) })
        }
        group.post("youth/applications/:applicationId/withdraw") { request, context in
            let principal = try context.requireRole([.municipalityCoordinator, .vpiiCoordinator])
            let id = try context.parameters.requireUUID("applicationId")
            let input = try await BoundedBody.decode(YouthDecisions.ReasonInput.self, from: request, limit: jsonLimit)
            return try JSONResponse.make(.ok, try await pool.withTransaction { try decisions.withdraw(id, input, by: principal, on: $0) })
        }
        group.post("youth/applications/:applicationId/payments") { request, context in
            let principal = try context.requireRole([.municipalityCoordinator, .vpiiCoordinator])
            let id = try context.parameters.requireUUID("applicationId")
            let input = try await BoundedBody.decode(YouthProjectPayments.Input.self, from: request, limit: jsonLimit)
            guard let today = today() else { throw CommonProblems.clockUnavailable }
            let (payment, created) = try await pool.withTransaction {
                try YouthProjectPayments().pay(id, input, today: today, by: principal, outbox: outbox(request), on: $0)
            }
            // The same instalment again is the payment already made (200), never a second one.
            return try JSONResponse.make(created ? .created : .ok, payment)
        }
    }
}

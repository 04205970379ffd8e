import Auth
import Foundation
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// `/timesheets/contracts`: staff contracts (issue #19 item 5). The institution's coordinator or
/// head enters and ends them; the person, finance and the overseers of the institution read them.
extension TimesheetsAPI {
    /// `POST /timesheets/contracts/{id}/end` body.
    struct ContractEnd: Codable, Sendable {
        var validUntil: CalendarDate
        var reason: String
    }

    /// `GET /timesheets/deliveries` answer.
    struct DeliveriesView: Codable, Sendable {
        var institutionId: String
        var month: String
        var lines: [ServicesDelivered.Line]
    }

    func registerContracts(on timesheets: RouterGroup<AuthenticatedRequestContext>) {
        let store = StaffContractStore(programme: settings.programmePeriod)
        timesheets.post("contracts") { request, context in
            let principal = try context.requireRole(StaffContractStore.keepers)
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            let terms = try StrictJSON.decode(NewStaffContract.self, from: body)
            return try await idempotent.perform(request, actor: principal.personId, route: "POST /timesheets/contracts", body: body) { connection in
                let view = try store.create(terms, by: principal, on: connection)
                return try StoredResponse(status: .created, json: view, location: "/timesheets/contracts/\(view.id.uuidString.lowercased())")
            }
        }
        timesheets.post("contracts/:contractId/end") { request, context in
            let principal = try context.requireRole(StaffContractStore.keepers)
            let id = try context.parameters.requireUUID("contractId")
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            let input = try StrictJSON.decode(ContractEnd.self, from: body)
            return try await idempotent.perform(request, actor: principal.personId, route: "POST /timesheets/contracts/\(id)/end",
                                                body: body) { connection in
                try StoredResponse(status: .ok, json: try store.end(id, lastDay: input.validUntil, reason: input.reason, by: principal,
                                                                   on: connection))
            }
        }
        timesheets.get("contracts") { request, context in
            let principal = try context.requireRole(StaffContractStore.readers)
            let query = request.uri.queryParameters
            func uuid(_ name: String) throws -> UUID? {
                guard let text = query[Substring(name)].map(String.init), !text.isEmpty else { return nil }
                guard let id = UUID(uuidString: text) else {
                    throw Refusal.invalid(name, "request.uuid", lv: "Nederīgs identifikators.", en: "Not a valid id.")
                }
                return id
            }
            let institution = try uuid("institutionId"), person = try uuid("personId")
            let items = try await pool.withConnection { try store.list(for: principal, institution: institution, person: person, on: $0) }
            return try JSONResponse.make(.ok, ["items": items])
        }
        timesheets.get("deliveries") { request, context in
            let principal = try context.requireRole(ServicesDelivered.viewers)
            guard case .institution(let institution) = principal.scope else { throw AuthProblem(.roleNotAllowed) }
            guard let text = request.uri.queryParameters["month"], let month = WorkMonth(text: String(text)) else {
                throw Refusal.invalid("month", "worklog.month_format", lv: "Mēnesis jānorāda kā 2022-10.", en: "Give the month as 2022-10.")
            }
            let lines = try await pool.withConnection { try ServicesDelivered().lines(institution: institution, month: month, on: $0) }
            return try JSONResponse.make(.ok, DeliveriesView(institutionId: institution.uuidString.lowercased(), month: month.description,
                                                             lines: lines))
        }
        timesheets.get("contracts/:contractId") { request, context in
            let principal = try context.requireRole(StaffContractStore.readers)
            let id = try context.parameters.requireUUID("contractId")
            let found = try await pool.withConnection { connection in
                try store.list(for: principal, institution: nil, person: nil, on: connection).first { $0.id == id }
            }
            guard let found else { throw Refusal.notFound("contractId", "contract.unknown", lv: "Līgums nav atrasts.", en: "Contract not found.") }
            return try JSONResponse.make(.ok, found)
        }
    }
}

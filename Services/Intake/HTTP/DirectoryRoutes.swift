import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import ServiceKit

/// `/directory`: municipalities, institutions, people and role assignments (DOMAIN.md §2).
extension IntakeAPI {
    func registerDirectory(on router: Router<AuthenticatedRequestContext>) {
        let directory = router.group("directory").add(middleware: AuthenticationMiddleware(verifier: verifier))
        directory.post("municipalities") { request, context in
            let actor = try context.requireRole([.ikvdAdmin])
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(NewMunicipality.self, from: body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/municipalities", body: body) { connection in
                let view = try store.registerMunicipality(input, actor: actor, outbox: outbox(request), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/directory/municipalities/\(view.id.lowercased)")
            }
        }
        directory.post("institutions") { request, context in
            let actor = try context.requireRole([.ikvdAdmin])
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(NewInstitution.self, from: body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/institutions", body: body) { connection in
                let view = try store.registerInstitution(input, actor: actor, outbox: outbox(request), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/directory/institutions/\(view.id.lowercased)")
            }
        }
        directory.get("institutions") { request, context in
            let principal = try context.requirePrincipal()
            let page = try Pagination(request)
            let result = try await pool.withConnection { connection in
                try store.institutions(visibleTo: principal, limit: page.limit, offset: page.offset, on: connection)
            }
            return try JSONResponse.make(.ok, result)
        }
        directory.get("institutions/:institutionId") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.uuid("institutionId")
            let found = try await pool.withConnection { try store.institution(id, on: $0) }
            guard let found, principal.covers(institution: InstitutionScopeFacts(
                institutionId: found.id, municipalityId: found.municipalityId, region: found.region)) else {
                throw CommonProblems.notFound("Iestāde / Institution")
            }
            return try JSONResponse.make(.ok, found)
        }
        directory.post("people") { request, context in
            let actor = try context.requireRole([.ikvdAdmin, .institutionHead])
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(NewPerson.self, from: body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/people", body: body) { connection in
                let view = try store.registerPerson(input, actor: actor, outbox: outbox(request), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/directory/people/\(view.id.lowercased)")
            }
        }
        directory.get("people") { request, context in
            let principal = try context.requireRole([.ikvdAdmin, .institutionHead, .institutionCoordinator,
                                                     .municipalityCoordinator, .vpiiCoordinator, .ikvdExpert])
            let page = try Pagination(request)
            let result = try await pool.withTransaction { connection in
                try Audit.record(actor: principal, action: "directory.people_list", subject: "people",
                                 correlationId: RequestCorrelation.id(of: request), on: connection)
                return try store.people(visibleTo: principal, limit: page.limit, offset: page.offset, on: connection)
            }
            return try JSONResponse.make(.ok, result)
        }
        directory.post("assignments") { request, context in
            let actor = try context.requireRole([.ikvdAdmin, .institutionHead])
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(NewAssignment.self, from: body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/assignments", body: body) { connection in
                let view = try store.assign(input, assigner: actor, outbox: outbox(request), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/directory/assignments/\(view.id.lowercased)")
            }
        }
        directory.post("assignments/:assignmentId/revoke") { request, context in
            let actor = try context.requireRole([.ikvdAdmin, .institutionHead])
            let id = try context.parameters.uuid("assignmentId")
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            try StrictJSON.requireEmptyObject(body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/assignments/\(id)/revoke", body: body) { connection in
                try StoredResponse(status: .ok, json: try store.revoke(id, assigner: actor, outbox: outbox(request), on: connection))
            }
        }
    }
}

extension Parameters {
    /// A UUID path parameter; an id that is not a UUID cannot name anything, so it is a 404.
    func uuid(_ name: String) throws(ProblemDetails) -> UUID {
        guard let text = self.get(name), let id = UUID(uuidString: text) else {
            throw CommonProblems.notFound(name)
        }
        return id
    }
}

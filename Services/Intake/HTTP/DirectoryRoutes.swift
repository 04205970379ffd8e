import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import ServiceKit

/// `/directory`: municipalities, institutions, people and role assignments (DOMAIN.md §2).
extension IntakeAPI {
    func registerDirectory(on router: Router<AuthenticatedRequestContext>) {
        let directory = router.group("directory").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: DirectoryAssignments(pool: pool)))
        create(on: directory, "municipalities", roles: [.ikvdAdmin], NewMunicipality.self) { input, actor, outbox, connection in
            try store.registerMunicipality(input, actor: actor, outbox: outbox, on: connection)
        }
        create(on: directory, "institutions", roles: [.ikvdAdmin], NewInstitution.self) { input, actor, outbox, connection in
            try store.registerInstitution(input, actor: actor, outbox: outbox, on: connection)
        }
        directory.get("municipalities") { request, context in
            _ = try context.requirePrincipal()
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection {
                try store.municipalities(limit: page.limit, offset: page.offset, on: $0)
            })
        }
        // A person's roles with their history (revoked ones too), for IKVD's directory page.
        directory.get("people/:personId/assignments") { request, context in
            let principal = try context.requireRole([.ikvdAdmin])
            let id = try context.parameters.requireUUID("personId")
            let history = try await pool.withTransaction { connection in
                try Audit.record(actor: principal, action: "directory.assignment_history", subject: "person:\(id.lowercased)",
                                 correlationId: RequestCorrelation.id(of: request), on: connection)
                return try store.assignmentHistory(personId: id, on: connection)
            }
            guard let history else { throw CommonProblems.notFound("Persona / Person") }
            return try JSONResponse.make(.ok, history)
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
            let id = try context.parameters.requireUUID("institutionId")
            let found = try await pool.withConnection { try store.institution(id, on: $0) }
            guard let found, principal.covers(institution: InstitutionScopeFacts(
                institutionId: found.id, municipalityId: found.municipalityId, region: found.region)) else {
                throw CommonProblems.notFound("Iestāde / Institution")
            }
            return try JSONResponse.make(.ok, found)
        }
        // The sign-in subject may be a personal code (Latvija.lv's): the one field here allowed to hold one.
        create(on: directory, "people", roles: [.ikvdAdmin, .institutionHead], NewPerson.self,
               personalCodeFields: ["signInSubject"]) { input, actor, outbox, connection in
            var subjectHash: Data?
            if let text = input.signInSubject {
                guard let subject = SignInSubject.normalized(text) else {
                    throw CommonProblems.invalidField("signInSubject", "person.sign_in_subject", lv: "Pieteikšanās identifikators: 1–255 rakstzīmes.",
                                                      en: "Sign-in subject: 1–255 characters.")
                }
                subjectHash = SignInSubject.hash(subject, key: lookupKey)
            }
            return try store.registerPerson(input, subjectHash: subjectHash, actor: actor, outbox: outbox, on: connection)
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
        create(on: directory, "assignments", roles: [.ikvdAdmin, .institutionHead], NewAssignment.self) { input, actor, outbox, connection in
            try store.assign(input, assigner: actor, outbox: outbox, on: connection)
        }
        directory.post("assignments/:assignmentId/revoke") { request, context in
            let actor = try context.requireRole([.ikvdAdmin, .institutionHead])
            let id = try context.parameters.requireUUID("assignmentId")
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            try StrictJSON.requireEmptyObject(body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/assignments/\(id)/revoke", body: body) { connection in
                try StoredResponse(status: .ok, json: try store.revoke(id, assigner: actor, outbox: outbox(request), on: connection))
            }
        }
    }
}

extension IntakeAPI {
    /// `POST /directory/<path>`: role check, size limit, strict decoding, Idempotency-Key, then
    /// `make` in one transaction (change, audit row and event together); 201 with `Location`.
    func create<Input: Codable & Sendable, View: Encodable & Identified & Sendable>(
        on group: RouterGroup<AuthenticatedRequestContext>, _ path: String, roles: Set<Role>, _: Input.Type,
        personalCodeFields: Set<String> = [],
        _ make: @escaping @Sendable (Input, Principal, OutboxWriter, PostgresConnection) throws -> View
    ) {
        group.post(RouterPath(path)) { request, context in
            let actor = try context.requireRole(roles)
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(Input.self, from: body, personalCodeFields: personalCodeFields)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /directory/\(path)", body: body) { connection in
                let view = try make(input, actor, outbox(request), connection)
                return try StoredResponse(status: .created, json: view, location: "/directory/\(path)/\(view.id.lowercased)")
            }
        }
    }
}

/// A view with an id (for `Location`).
protocol Identified {
    var id: UUID { get }
}

extension MunicipalityView: Identified {}
extension InstitutionView: Identified {}
extension PersonView: Identified {}
extension AssignmentView: Identified {}

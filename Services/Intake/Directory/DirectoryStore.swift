import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// The directory's storage. Every change runs on the caller's transaction together with its
/// audit row and its `directory.*` event in the outbox, so other services' copies never miss one.
struct DirectoryStore: Sendable {
    // MARK: Municipalities and institutions

    func registerMunicipality(_ input: NewMunicipality, actor: Principal, outbox: OutboxWriter,
                              on connection: PostgresConnection) throws -> MunicipalityView {
        let name = try DirectoryText.name(input.name, field: "name")
        guard PlanningRegion.all.contains(input.region) else { throw DirectoryProblems.unknownRegion("region") }
        let id = UUID.timeOrdered()
        let inserted = try connection.query("""
            INSERT INTO municipalities (id, name, region, created_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (name) DO NOTHING RETURNING id
            """, [id, name, input.region, actor.personId])
        guard inserted.first != nil else {
            throw CommonProblems.conflict("municipality.duplicate", field: "name",
                                          lv: "Pašvaldība ar šādu nosaukumu jau ir reģistrēta.",
                                          en: "A municipality with this name is already registered.")
        }
        try Audit.record(actor: actor, action: "directory.municipality_register", subject: "municipality:\(id.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(MunicipalityRegistered(municipalityId: id, name: name, region: input.region), on: connection)
        return MunicipalityView(id: id, name: name, region: input.region)
    }

    func registerInstitution(_ input: NewInstitution, actor: Principal, outbox: OutboxWriter,
                             on connection: PostgresConnection) throws -> InstitutionView {
        let name = try DirectoryText.name(input.name, field: "name")
        let region: String
        switch input.founder {
        case .municipal:
            guard let municipalityId = input.municipalityId else {
                throw CommonProblems.invalidField("municipalityId", "institution.municipality_required",
                                                  lv: "Pašvaldības iestādei jānorāda pašvaldība.",
                                                  en: "A municipal institution needs its municipality.")
            }
            guard let row = try connection.query("SELECT region FROM municipalities WHERE id = $1", [municipalityId]).first else {
                throw CommonProblems.invalidField("municipalityId", "municipality.unknown",
                                                  lv: "Pašvaldība nav atrasta.", en: "The municipality was not found.")
            }
            region = try row.decode("region", as: String.self)
            if let given = input.region, given != region {
                throw CommonProblems.invalidField("region", "institution.region_mismatch",
                                                  lv: "Pašvaldības iestādes reģions ir tās pašvaldības reģions (\(region)).",
                                                  en: "A municipal institution's region is its municipality's (\(region)).")
            }
        case .state:
            // The programme's partners are municipalities and state vocational institutions
            // (VPII): a state institution of another kind has no partner to approve its plans.
            guard input.kind == .vocational else {
                throw CommonProblems.invalidField("kind", "institution.state_not_vocational",
                                                  lv: "Programmā piedalās tikai valsts profesionālās izglītības iestādes (VPII); citas valsts iestādes partnera nav.",
                                                  en: "Only state vocational institutions (VPII) take part; another state institution has no partner.")
            }
            guard input.municipalityId == nil else {
                throw CommonProblems.invalidField("municipalityId", "institution.state_has_no_municipality",
                                                  lv: "Valsts iestādei pašvaldību nenorāda.",
                                                  en: "A state institution has no municipality.")
            }
            guard let given = input.region, PlanningRegion.all.contains(given) else { throw DirectoryProblems.unknownRegion("region") }
            region = given
        }
        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO institutions (id, name, kind, founder, municipality_id, region, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [id, name, input.kind.rawValue, input.founder.rawValue, input.municipalityId, region, actor.personId])
        try Audit.record(actor: actor, action: "directory.institution_register", subject: "institution:\(id.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(InstitutionRegistered(institutionId: id, name: name, kind: input.kind.rawValue,
                                                 founder: input.founder.rawValue, municipalityId: input.municipalityId,
                                                 region: region), on: connection)
        return InstitutionView(id: id, name: name, kind: input.kind.rawValue, founder: input.founder.rawValue,
                               municipalityId: input.municipalityId, region: region,
                               isStateVocational: input.founder == .state && input.kind == .vocational)
    }

    /// The institution, if registered.
    func institution(_ id: UUID, on connection: PostgresConnection) throws -> InstitutionView? {
        try connection.query("SELECT * FROM institutions WHERE id = $1", [id]).first.map(Self.institution(from:))
    }

    /// Institutions the principal's scope reaches, by name.
    func institutions(visibleTo principal: Principal, limit: Int, offset: Int,
                      on connection: PostgresConnection) throws -> Page<InstitutionView> {
        let (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "i.id", parameterOffset: 0)
        let rows = try connection.query("""
            SELECT i.*, count(*) OVER () AS total FROM institutions i WHERE \(condition)
            ORDER BY i.name, i.id LIMIT \(limit) OFFSET \(offset)
            """, parameters)
        return Page(items: try rows.map(Self.institution(from:)), total: try rows.first?.decode("total", as: Int.self) ?? 0,
                    limit: limit, offset: offset)
    }

    static func institution(from row: PostgresRow) throws -> InstitutionView {
        let founder = try row.decode("founder", as: String.self)
        let kind = try row.decode("kind", as: String.self)
        return InstitutionView(id: try row.decode("id"), name: try row.decode("name"), kind: kind, founder: founder,
                               municipalityId: try row.decode("municipality_id"), region: try row.decode("region"),
                               isStateVocational: founder == "state" && kind == "vocational")
    }

    // MARK: People and roles

    func registerPerson(_ input: NewPerson, subjectHash: Data? = nil, actor: Principal, outbox: OutboxWriter,
                        on connection: PostgresConnection) throws -> PersonView {
        let name = try DirectoryText.name(input.name, field: "name")
        let email = try DirectoryText.email(input.email, field: "email")
        let language = input.language ?? "lv"
        guard language == "lv" || language == "en" else {
            throw CommonProblems.invalidField("language", "language.unknown", lv: "Valoda: lv vai en.", en: "Language: lv or en.")
        }
        let id = UUID.timeOrdered()
        if let subjectHash { try SignInDirectory.requireFree(subjectHash, for: nil, field: "signInSubject", on: connection) }
        let inserted = try connection.query("""
            INSERT INTO people (id, name, email, language, created_by, sign_in_subject_hash) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT DO NOTHING RETURNING id
            """, [id, name, email, language, actor.personId, subjectHash])
        // An existing person (same email) never gets a subject this way: a head registering a
        // known email must not be able to choose who signs in as them.
        guard inserted.first != nil else {
            // An administrator sees the whole directory: the plain answer tells them nothing new.
            guard actor.role != .ikvdAdmin else {
                throw CommonProblems.conflict("person.email_taken", field: "email",
                                              lv: "Persona ar šo e-pastu jau ir reģistrēta.",
                                              en: "A person with this email is already registered.")
            }
            return try link(email: email, name: name, language: language, actor: actor, outbox: outbox, on: connection)
        }
        try Audit.record(actor: actor, action: "directory.person_register", subject: "person:\(id.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(PersonRegistered(personId: id, name: name, email: email, language: language), on: connection)
        return PersonView(id: id, name: name, email: email, language: language, assignments: [])
    }

    /// A head registering an email that is already in the directory (review #17): a 409 told them
    /// whether any address was registered anywhere. Instead they get the same answer a new person
    /// gets (201, their own name and language echoed, no assignments), carrying the existing
    /// person's id, so they can give that person a role in their school (someone working at two
    /// schools). Nothing about the stored person (name, language, other roles) is shown, and the
    /// directory keeps one person per email. The link is audited; no event, as nothing changed.
    private func link(email: String, name: String, language: String, actor: Principal, outbox: OutboxWriter,
                      on connection: PostgresConnection) throws -> PersonView {
        guard let row = try connection.query("SELECT id FROM people WHERE lower(email) = lower($1)", [email]).first else {
            // The conflict was on the (random) id, not the email: practically impossible; ask for a retry.
            throw CommonProblems.conflict("person.retry", field: "email", lv: "Lūdzu, mēģiniet vēlreiz.", en: "Please try again.")
        }
        let id: UUID = try row.decode("id")
        try Audit.record(actor: actor, action: "directory.person_link", subject: "person:\(id.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        return PersonView(id: id, name: name, email: email, language: language, assignments: [])
    }

    /// Gives `input.role` with its scope, if `AssignmentPolicy` allows the assigner to.
    func assign(_ input: NewAssignment, assigner: Principal, outbox: OutboxWriter,
                on connection: PostgresConnection) throws -> AssignmentView {
        let scope = try input.scope.scope(field: "scope")
        try checkPolicy(assigner: assigner, role: input.role, scope: scope, field: "role", on: connection)
        if case .failure(let refusal) = AssignmentPolicy.checkTarget(assigner: assigner, personId: input.personId) {
            throw DirectoryProblems.refusal(refusal, field: "personId")
        }
        guard try connection.query("SELECT 1 FROM people WHERE id = $1", [input.personId]).first != nil else {
            throw CommonProblems.invalidField("personId", "person.unknown", lv: "Persona nav atrasta.", en: "The person was not found.")
        }
        if case .municipality(let id) = scope,
           try connection.query("SELECT 1 FROM municipalities WHERE id = $1", [id]).first == nil {
            throw CommonProblems.invalidField("scope.id", "municipality.unknown", lv: "Pašvaldība nav atrasta.",
                                              en: "The municipality was not found.")
        }
        let view = AssignmentView(id: UUID.timeOrdered(), personId: input.personId, role: input.role.rawValue, scope: ScopeInput(scope),
                                  assignedBy: assigner.personId, revoked: false)
        let inserted = try connection.query("""
            INSERT INTO role_assignments (id, person_id, role, scope_kind, scope_id, scope_region, assigned_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id
            """, [view.id, view.personId, view.role, view.scope.kind.rawValue, view.scope.id, view.scope.region, assigner.personId])
        guard inserted.first != nil else {
            throw CommonProblems.conflict("assignment.duplicate", field: "role",
                                          lv: "Personai šī loma šajā jomā jau ir piešķirta.",
                                          en: "The person already holds this role in this scope.")
        }
        try Audit.record(actor: assigner, action: "directory.role_assign", subject: "assignment:\(view.id.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(RoleAssigned(assignment: Self.payload(view)), on: connection)
        return view
    }

    /// Revokes an active assignment; only someone who could have given it may take it back.
    func revoke(_ assignmentId: UUID, assigner: Principal, outbox: OutboxWriter,
                on connection: PostgresConnection) throws -> AssignmentView {
        guard let row = try connection.query("SELECT * FROM role_assignments WHERE id = $1 FOR UPDATE", [assignmentId]).first else {
            throw CommonProblems.notFound("Lomas piešķīrums / Role assignment")
        }
        var view = try Self.assignment(from: row)
        guard let role = Role(rawValue: view.role) else { throw CommonProblems.notFound("Lomas piešķīrums / Role assignment") }
        let scope = try view.scope.scope(field: "scope")
        do {
            try checkPolicy(assigner: assigner, role: role, scope: scope, field: "role", on: connection)
        } catch {
            throw CommonProblems.notFound("Lomas piešķīrums / Role assignment") // outside their rights: not shown
        }
        guard !view.revoked else {
            throw CommonProblems.conflict("assignment.already_revoked", field: "id",
                                          lv: "Loma jau ir atsaukta.", en: "The role was already revoked.")
        }
        try connection.execute("UPDATE role_assignments SET revoked_at = now(), revoked_by = $2 WHERE id = $1",
                               [assignmentId, assigner.personId])
        view.revoked = true
        try Audit.record(actor: assigner, action: "directory.role_revoke", subject: "assignment:\(assignmentId.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(RoleRevoked(assignment: Self.payload(view)), on: connection)
        return view
    }

    /// People with an active assignment inside the principal's scope (IKVD administrators see
    /// everyone, including people without a role yet).
    func people(visibleTo principal: Principal, limit: Int, offset: Int,
                on connection: PostgresConnection) throws -> Page<PersonView> {
        let rows: PostgresRows
        if principal.role == .ikvdAdmin {
            rows = try connection.query("""
                SELECT p.*, count(*) OVER () AS total FROM people p ORDER BY p.name, p.id LIMIT \(limit) OFFSET \(offset)
                """)
        } else {
            let (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "i.id", parameterOffset: 0)
            rows = try connection.query("""
                SELECT p.*, count(*) OVER () AS total FROM people p
                WHERE EXISTS (SELECT 1 FROM role_assignments a JOIN institutions i ON a.scope_kind = 'institution' AND a.scope_id = i.id
                              WHERE a.person_id = p.id AND a.revoked_at IS NULL AND \(condition))
                ORDER BY p.name, p.id LIMIT \(limit) OFFSET \(offset)
                """, parameters)
        }
        var items: [PersonView] = []
        for row in rows {
            let id = try row.decode("id", as: UUID.self)
            // Only the assignments the caller's scope reaches (a person may also work elsewhere).
            let assignments: PostgresRows
            if principal.role == .ikvdAdmin {
                assignments = try connection.query(
                    "SELECT * FROM role_assignments WHERE person_id = $1 AND revoked_at IS NULL ORDER BY assigned_at, id", [id])
            } else {
                let (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "i.id", parameterOffset: 1)
                assignments = try connection.query("""
                    SELECT a.* FROM role_assignments a JOIN institutions i ON a.scope_kind = 'institution' AND a.scope_id = i.id
                    WHERE a.person_id = $1 AND a.revoked_at IS NULL AND \(condition) ORDER BY a.assigned_at, a.id
                    """, [id] + parameters)
            }
            items.append(PersonView(id: id, name: try row.decode("name"), email: try row.decode("email"),
                                    language: try row.decode("language"), assignments: try assignments.map(Self.assignment(from:))))
        }
        return Page(items: items, total: try rows.first?.decode("total", as: Int.self) ?? 0, limit: limit, offset: offset)
    }

    private func checkPolicy(assigner: Principal, role: Role, scope: Scope, field: String,
                             on connection: PostgresConnection) throws {
        var facts: InstitutionScopeFacts?
        if case .institution(let id) = scope, let institution = try institution(id, on: connection) {
            facts = InstitutionScopeFacts(institutionId: id, municipalityId: institution.municipalityId, region: institution.region)
        }
        if case .failure(let refusal) = AssignmentPolicy.check(assigner: assigner, role: role, scope: scope, institution: facts) {
            throw DirectoryProblems.refusal(refusal, field: field)
        }
    }

    static func assignment(from row: PostgresRow) throws -> AssignmentView {
        let kind = Scope.Kind(rawValue: try row.decode("scope_kind", as: String.self)) ?? .institution
        return AssignmentView(id: try row.decode("id"), personId: try row.decode("person_id"), role: try row.decode("role"),
                              scope: ScopeInput(kind: kind, id: try row.decode("scope_id"), region: try row.decode("scope_region")),
                              assignedBy: try row.decode("assigned_by"),
                              revoked: try row.decode("revoked_at", as: Date?.self) != nil)
    }

    static func payload(_ view: AssignmentView) -> RoleAssignmentChanged {
        RoleAssignmentChanged(assignmentId: view.id, personId: view.personId, role: view.role, scopeKind: view.scope.kind.rawValue,
                              scopeId: view.scope.id, scopeName: view.scope.region, assignedBy: view.assignedBy)
    }
}

extension UUID {
    /// Lower-case text form, as ids appear in audit subjects and `Location` headers (JSON bodies
    /// carry Foundation's upper-case form; UUIDs compare case-insensitively).
    var lowercased: String { uuidString.lowercased() }
}

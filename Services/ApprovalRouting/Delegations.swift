import Auth
import Contracts
import Foundation
import HTTPTypes
import Postgres
import Rules
import ServiceKit

/// `POST /approvals/delegations` body: who may act for the caller, from when until when (UTC dates).
struct NewDelegation: Codable, Sendable {
    var delegateId: UUID
    var validFrom: CalendarDate
    var validUntil: CalendarDate
}

/// A delegation as the API shows it.
struct DelegationView: Codable, Sendable {
    var id: UUID
    var delegator: UUID
    var delegate: UUID
    var role: String
    var validFrom: String
    var validUntil: String
    var revoked: Bool = false
}

/// Delegation of approval rights for a date range: the delegate decides with the delegator's
/// role and scope, and every decision records "acting for" the delegator.
struct Delegations: Sendable {
    /// Roles whose approval rights may be delegated.
    static let delegable: Set<Role> = [.institutionHead, .municipalityCoordinator, .ikvdExpert]

    func create(_ input: NewDelegation, by delegator: Principal, on connection: PostgresConnection) throws -> DelegationView {
        guard Self.delegable.contains(delegator.role) else {
            throw ProblemDetails(status: .forbidden, type: "urn:pumpurs:problem:forbidden",
                                 title: "Aizliegts / Forbidden",
                                 errors: [.init(field: "role", rule: "delegation.role", message: "Deleģēt var tikai saskaņošanas tiesības.",
                                                messageEn: "Only approval rights can be delegated.")])
        }
        guard input.validFrom <= input.validUntil else {
            throw CommonProblems.invalidField("validUntil", "delegation.range", lv: "Beigu datums ir pirms sākuma datuma.",
                                              en: "The end date is before the start date.")
        }
        guard input.validFrom.days(until: input.validUntil) <= 92 else {
            throw CommonProblems.invalidField("validUntil", "delegation.too_long", lv: "Deleģējums var ilgt līdz 92 dienām.",
                                              en: "A delegation can last at most 92 days.")
        }
        guard input.delegateId != delegator.personId else {
            throw CommonProblems.invalidField("delegateId", "delegation.self", lv: "Sev deleģēt nevar.", en: "You cannot delegate to yourself.")
        }
        if try Self.holdsOtherLevel(input.delegateId, than: delegator.role, in: delegator.scope, on: connection) {
            throw DelegationProblems.conflictingLevel
        }
        let id = UUID.timeOrdered()
        let (kind, scopeId, region) = Self.columns(delegator.scope)
        try connection.execute("""
            INSERT INTO delegations (id, delegator, delegate, role, scope_kind, scope_id, scope_region, valid_from, valid_until)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::date)
            """, [id, delegator.personId, input.delegateId, delegator.role.rawValue, kind, scopeId, region,
                  input.validFrom.iso, input.validUntil.iso])
        return DelegationView(id: id, delegator: delegator.personId, delegate: input.delegateId, role: delegator.role.rawValue,
                              validFrom: input.validFrom.iso, validUntil: input.validUntil.iso)
    }

    /// The caller's delegations, given or received, newest first.
    func list(for person: UUID, on connection: PostgresConnection) throws -> [DelegationView] {
        try connection.query("""
            SELECT id, delegator, delegate, role, valid_from::text AS f, valid_until::text AS u, revoked_at IS NOT NULL AS revoked
            FROM delegations WHERE delegator = $1 OR delegate = $1 ORDER BY created_at DESC, id LIMIT 200
            """, [person]).map { row in
                DelegationView(id: try row.decode("id"), delegator: try row.decode("delegator"), delegate: try row.decode("delegate"),
                               role: try row.decode("role"), validFrom: try row.decode("f"), validUntil: try row.decode("u"),
                               revoked: try row.decode("revoked"))
            }
    }

    /// Ends a delegation early; only its delegator may (anyone else: 404). Nothing is deleted.
    func revoke(_ id: UUID, by person: UUID, on connection: PostgresConnection) throws -> DelegationView {
        guard try connection.execute("UPDATE delegations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND delegator = $2",
                                     [id, person]) == 1,
              let view = try list(for: person, on: connection).first(where: { $0.id == id }) else {
            throw CommonProblems.notFound("Deleģējums / Delegation")
        }
        return view
    }

    /// The delegator's rights for `delegate` on `day`, if a delegation covers it. A delegation that
    /// covers the day but may no longer be used throws: its delegator no longer holds the role in
    /// the directory copy (unknown counts as not holding: the copy is how approval knows anyone's
    /// role), or the delegate now holds another approval level on plans in its scope.
    func rights(of delegator: UUID, for delegate: Principal, on day: CalendarDate, connection: PostgresConnection) throws -> Principal? {
        guard let row = try connection.query("""
            SELECT role, scope_kind, scope_id, scope_region FROM delegations
            WHERE delegator = $1 AND delegate = $2 AND revoked_at IS NULL AND valid_from <= $3::date AND valid_until >= $3::date
            ORDER BY created_at DESC LIMIT 1
            """, [delegator, delegate.personId, day.iso]).first,
              let role = Role(rawValue: try row.decode("role")) else { return nil }
        let scope: Scope
        switch try row.decode("scope_kind", as: String.self) {
        case "national": scope = .national
        case "region": scope = .region(try row.decode("scope_region", as: String?.self) ?? "")
        case "municipality": scope = .municipality(try row.decode("scope_id", as: UUID.self))
        default: scope = .institution(try row.decode("scope_id", as: UUID.self))
        }
        let (kind, scopeId, region) = Self.columns(scope)
        let holds = try connection.query("""
            SELECT 1 FROM replica_assignments WHERE person_id = $1 AND role = $2 AND scope_kind = $3 AND NOT revoked
              AND scope_id IS NOT DISTINCT FROM $4 AND scope_region IS NOT DISTINCT FROM $5
            """, [delegator, role.rawValue, kind, scopeId, region]).first != nil
        guard holds else { throw DelegationProblems.delegatorRoleEnded }
        // The delegate's other levels: as the directory copy knows them, and as their own token says.
        if try Self.holdsOtherLevel(delegate.personId, than: role, in: scope, on: connection) { throw DelegationProblems.conflictingLevel }
        if Self.levels.contains(delegate.role), delegate.role != role,
           try Self.overlap(delegate.scope, scope, on: connection) { throw DelegationProblems.conflictingLevel }
        return try? Principal(personId: delegator, role: role, scope: scope)
    }

    // MARK: Other levels

    /// The roles that decide an approval level.
    static let levels: Set<Role> = [.institutionHead, .municipalityCoordinator, .ikvdExpert]

    /// Whether `person` holds (in the directory copy) an approval role other than `role` whose
    /// scope reaches an institution that `scope` reaches: they could then decide a plan of the
    /// delegation's scope at two levels (issue #17). The same role elsewhere (a fellow expert, a
    /// head of another school) is no conflict.
    static func holdsOtherLevel(_ person: UUID, than role: Role, in scope: Scope, on connection: PostgresConnection) throws -> Bool {
        let (kind, scopeId, region) = columns(scope)
        return try connection.query("""
            SELECT 1 FROM replica_assignments a JOIN replica_institutions i ON (
                a.scope_kind = 'national' OR (a.scope_kind = 'region' AND a.scope_region = i.region)
                OR (a.scope_kind = 'municipality' AND a.scope_id = i.municipality_id) OR (a.scope_kind = 'institution' AND a.scope_id = i.id))
            WHERE a.person_id = $1 AND NOT a.revoked AND a.role <> $2
              AND a.role IN ('institution_head', 'municipality_coordinator', 'ikvd_expert')
              AND ($3::text = 'national' OR ($3::text = 'region' AND i.region = $5::text)
                   OR ($3::text = 'municipality' AND i.municipality_id = $4::uuid) OR ($3::text = 'institution' AND i.id = $4::uuid))
            LIMIT 1
            """, [person, role.rawValue, kind, scopeId, region]).first != nil
    }

    /// Whether two scopes reach a common institution (in the directory copy).
    static func overlap(_ one: Scope, _ other: Scope, on connection: PostgresConnection) throws -> Bool {
        let (kind, scopeId, region) = columns(one)
        let (otherKind, otherId, otherRegion) = columns(other)
        return try connection.query("""
            SELECT 1 FROM replica_institutions i
            WHERE ($1::text = 'national' OR ($1::text = 'region' AND i.region = $3::text)
                   OR ($1::text = 'municipality' AND i.municipality_id = $2::uuid) OR ($1::text = 'institution' AND i.id = $2::uuid))
              AND ($4::text = 'national' OR ($4::text = 'region' AND i.region = $6::text)
                   OR ($4::text = 'municipality' AND i.municipality_id = $5::uuid) OR ($4::text = 'institution' AND i.id = $5::uuid))
            LIMIT 1
            """, [kind, scopeId, region, otherKind, otherId, otherRegion]).first != nil
    }

    /// A scope as the tables store it: kind, id, region.
    static func columns(_ scope: Scope) -> (String, UUID?, String?) {
        let columns = AssignmentColumns(scope)
        return (columns.kind, columns.id, columns.region)
    }
}

/// Delegation's 403 answers.
enum DelegationProblems {
    /// The delegate holds another approval level on plans of the delegation's scope.
    static let conflictingLevel = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:delegation-conflict",
        title: "Deleģēt nevar / Cannot be delegated",
        errors: [.init(field: "delegateId", rule: "delegation.conflicting_level",
                       message: "Šai personai ir cits saskaņošanas līmenis šīs darbības jomas plāniem; deleģēt tai nevar.",
                       messageEn: "This person holds another approval level on plans in this scope; they cannot be the delegate.")])

    /// The delegator no longer holds (or, in the directory copy, never held) the delegated role.
    static let delegatorRoleEnded = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:no-delegation",
        title: "Nav deleģējuma / No delegation",
        errors: [.init(field: "actingFor", rule: "delegation.delegator_role_ended",
                       message: "Deleģētājam šīs lomas vairs nav (vai katalogā tā nav zināma), tāpēc deleģējums nav spēkā.",
                       messageEn: "The delegator no longer holds the role (or the directory does not know them in it), so the delegation does not apply.")])
}

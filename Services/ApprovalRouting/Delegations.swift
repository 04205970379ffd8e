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
        let id = UUID.timeOrdered()
        let (kind, scopeId, region): (String, UUID?, String?) = switch delegator.scope {
        case .national: ("national", nil, nil)
        case .region(let name): ("region", nil, name)
        case .municipality(let id): ("municipality", id, nil)
        case .institution(let id): ("institution", id, nil)
        }
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

    /// The delegator's rights for `delegate` on `day`, if a delegation covers it.
    func rights(of delegator: UUID, for delegate: UUID, on day: CalendarDate, connection: PostgresConnection) throws -> Principal? {
        guard let row = try connection.query("""
            SELECT role, scope_kind, scope_id, scope_region FROM delegations
            WHERE delegator = $1 AND delegate = $2 AND revoked_at IS NULL AND valid_from <= $3::date AND valid_until >= $3::date
            ORDER BY created_at DESC LIMIT 1
            """, [delegator, delegate, day.iso]).first,
              let role = Role(rawValue: try row.decode("role")) else { return nil }
        let scope: Scope
        switch try row.decode("scope_kind", as: String.self) {
        case "national": scope = .national
        case "region": scope = .region(try row.decode("scope_region", as: String?.self) ?? "")
        case "municipality": scope = .municipality(try row.decode("scope_id", as: UUID.self))
        default: scope = .institution(try row.decode("scope_id", as: UUID.self))
        }
        // The rights end with the delegator's own assignment (when the directory copy knows the person).
        let knownAssignments = try connection.query("SELECT count(*) AS n FROM replica_assignments WHERE person_id = $1", [delegator])
            .single().decode("n", as: Int.self)
        if knownAssignments > 0 {
            let (kind, scopeId, region): (String, UUID?, String?) = switch scope {
            case .national: ("national", nil, nil)
            case .region(let name): ("region", nil, name)
            case .municipality(let id): ("municipality", id, nil)
            case .institution(let id): ("institution", id, nil)
            }
            let holds = try connection.query("""
                SELECT 1 FROM replica_assignments WHERE person_id = $1 AND role = $2 AND scope_kind = $3 AND NOT revoked
                  AND scope_id IS NOT DISTINCT FROM $4 AND scope_region IS NOT DISTINCT FROM $5
                """, [delegator, role.rawValue, kind, scopeId, region]).first != nil
            guard holds else { return nil }
        }
        return try? Principal(personId: delegator, role: role, scope: scope)
    }
}

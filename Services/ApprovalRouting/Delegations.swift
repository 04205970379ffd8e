import Auth
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
        guard input.delegateId != delegator.personId else {
            throw CommonProblems.invalidField("delegateId", "delegation.self", lv: "Sev deleģēt nevar.", en: "You cannot delegate to yourself.")
        }
        let id = UUID()
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
        return try? Principal(personId: delegator, role: role, scope: scope)
    }
}

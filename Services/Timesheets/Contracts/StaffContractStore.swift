import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Staff contracts as stored: entered by the institution's coordinator or head, read by them, by
/// the person themselves, by finance and by IKVD. Nothing is deleted: ending a contract sets its
/// last day and keeps who, when and why (`staff_contract_changes`).
struct StaffContractStore: Sendable {
    /// Roles that enter and end contracts (for their own institution).
    static let keepers: Set<Role> = [.institutionCoordinator, .institutionHead]
    /// Roles that read contracts (keepers their institution's, recorders their own, the rest their scope's).
    static let readers: Set<Role> = keepers.union([.specialist, .preparer, .finance, .ikvdAdmin, .ikvdExpert,
                                                   .municipalityCoordinator, .vpiiCoordinator])

    let programme: ProgrammePeriod

    func create(_ terms: NewStaffContract, by principal: Principal, on connection: PostgresConnection) throws -> StaffContractView {
        guard Self.keepers.contains(principal.role), principal.scope == .institution(terms.institutionId) else {
            throw Refusal.forbidden("institutionId", "contract.not_keeper",
                                    lv: "Darba līgumus reģistrē tikai savas iestādes koordinators vai vadītājs.",
                                    en: "Contracts are registered only by the institution's own coordinator or head.")
        }
        if let refusal = StaffContractRules.problem(with: terms, programme: programme) { throw refusal }
        // One person's contracts at one institution queue here, so two overlapping ones cannot both get in.
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                               ["contract:\(terms.personId.uuidString):\(terms.institutionId.uuidString)"])
        let existing = try contracts("person_id = $1 AND institution_id = $2", [terms.personId, terms.institutionId], on: connection)
        if let clash = StaffContractRules.overlapping(terms, existing: existing) {
            throw Refusal.conflict("validFrom", "contract.overlap",
                                   lv: "Šai personai šajā iestādē jau ir līgums kā “\(clash.profession.label.lv)” no \(clash.validFrom)\(clash.validUntil.map { " līdz \($0)" } ?? ""): beidziet to vai izvēlieties citas dienas.",
                                   en: "This person already has a contract here as “\(clash.profession.label.en)” from \(clash.validFrom)\(clash.validUntil.map { " until \($0)" } ?? ""): end it or choose other days.")
        }
        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO staff_contracts (id, person_id, institution_id, profession, hourly_rate_cents, valid_from, valid_until, entered_by)
            VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8)
            """, [id, terms.personId, terms.institutionId, terms.profession.rawValue, terms.hourlyRateCents, terms.validFrom.iso,
                  terms.validUntil?.iso, principal.personId])
        try connection.execute("""
            INSERT INTO staff_contract_changes (contract_id, change, actor, role, valid_until) VALUES ($1, 'entered', $2, $3, $4::date)
            """, [id, principal.personId, principal.role.rawValue, terms.validUntil?.iso])
        return try view(id, on: connection)
    }

    /// Ends a contract on `lastDay` (not before its first day, and not before work already recorded on it).
    func end(_ id: UUID, lastDay: CalendarDate, reason: String, by principal: Principal, on connection: PostgresConnection) throws -> StaffContractView {
        guard let contract = try contracts("id = $1 FOR UPDATE", [id], on: connection).first,
              principal.scope == .institution(contract.institutionId), Self.keepers.contains(principal.role) else {
            throw Refusal.notFound("contractId", "contract.unknown", lv: "Līgums nav atrasts.", en: "Contract not found.")
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...1000).contains(text.count) else {
            throw Refusal.invalid("reason", "contract.end_reason", lv: "Norādiet, kāpēc līgums beidzas.", en: "Say why the contract ends.")
        }
        guard lastDay >= contract.validFrom, contract.validUntil.map({ lastDay <= $0 }) ?? true else {
            throw Refusal.invalid("validUntil", "contract.end_date",
                                  lv: "Beigu datumam jābūt līguma laikā (no \(contract.validFrom)).",
                                  en: "The last day must lie within the contract (from \(contract.validFrom)).")
        }
        let later = try connection.query("""
            SELECT max(work_date)::text AS d FROM entries WHERE contract_id = $1 AND withdrawn_at IS NULL AND work_date > $2::date
            """, [id, lastDay.iso]).first.flatMap { try $0.decode("d", as: String?.self) }
        if let later {
            throw Refusal.conflict("validUntil", "contract.work_after_end",
                                   lv: "Pēc \(lastDay) šajā līgumā jau ir ierakstīts darbs (\(later)): vispirms tas jāatsauc.",
                                   en: "Work after \(lastDay) is already recorded under this contract (\(later)): withdraw it first.")
        }
        try connection.execute("UPDATE staff_contracts SET valid_until = $2::date, updated_at = now() WHERE id = $1", [id, lastDay.iso])
        try connection.execute("""
            INSERT INTO staff_contract_changes (contract_id, change, actor, role, valid_until, reason) VALUES ($1, 'ended', $2, $3, $4::date, $5)
            """, [id, principal.personId, principal.role.rawValue, lastDay.iso, text])
        return try view(id, on: connection)
    }

    /// The contracts `principal` may see, optionally of one institution or person.
    func list(for principal: Principal, institution: UUID?, person: UUID?, on connection: PostgresConnection) throws -> [StaffContractView] {
        var (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "c.institution_id", parameterOffset: 0)
        if WorkLogAccess.recorders.contains(principal.role) {
            parameters.append(principal.personId)
            condition += " AND c.person_id = $\(parameters.count)"
        }
        if principal.role == .finance { condition = "true"; parameters = [] }
        if let institution { parameters.append(institution); condition = "(\(condition)) AND c.institution_id = $\(parameters.count)" }
        if let person { parameters.append(person); condition = "(\(condition)) AND c.person_id = $\(parameters.count)" }
        return try connection.query("""
            SELECT c.*, c.valid_from::text AS from_text, c.valid_until::text AS until_text
            FROM staff_contracts c LEFT JOIN replica_institutions i ON i.id = c.institution_id
            WHERE \(condition) ORDER BY c.institution_id, c.person_id, c.valid_from, c.id LIMIT 500
            """, parameters).map(StaffContractView.init(row:))
    }

    /// Every contract of the person at the institution (for recording), unlocked.
    func contracts(of person: UUID, at institution: UUID, on connection: PostgresConnection) throws -> [StaffContract] {
        try contracts("person_id = $1 AND institution_id = $2", [person, institution], on: connection)
    }

    func view(_ id: UUID, on connection: PostgresConnection) throws -> StaffContractView {
        try StaffContractView(row: try connection.query("""
            SELECT c.*, c.valid_from::text AS from_text, c.valid_until::text AS until_text FROM staff_contracts c WHERE c.id = $1
            """, [id]).single())
    }

    private func contracts(_ condition: String, _ parameters: [any PostgresBindable], on connection: PostgresConnection) throws -> [StaffContract] {
        try connection.query("""
            SELECT id, person_id, institution_id, profession, hourly_rate_cents, valid_from::text AS from_text, valid_until::text AS until_text
            FROM staff_contracts WHERE \(condition)
            """, parameters).compactMap { row in
                guard let profession = StaffRole(rawValue: try row.decode("profession", as: String.self)),
                      let from = CalendarDate(iso: try row.decode("from_text", as: String.self)) else { return nil }
                return StaffContract(id: try row.decode("id"), personId: try row.decode("person_id"), institutionId: try row.decode("institution_id"),
                                     profession: profession, hourlyRate: Cents(try row.decode("hourly_rate_cents", as: Int64.self)),
                                     validFrom: from, validUntil: try row.decode("until_text", as: String?.self).flatMap(CalendarDate.init(iso:)))
            }
    }
}

/// A contract as the API shows it.
struct StaffContractView: Codable, Sendable, Equatable {
    var id: UUID
    var personId: UUID
    var institutionId: UUID
    var profession: String
    var hourlyRateCents: Int64
    var validFrom: String
    var validUntil: String?
    var enteredBy: UUID

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        personId = try row.decode("person_id")
        institutionId = try row.decode("institution_id")
        profession = try row.decode("profession")
        hourlyRateCents = try row.decode("hourly_rate_cents")
        validFrom = try row.decode("from_text")
        validUntil = try row.decode("until_text")
        enteredBy = try row.decode("entered_by")
    }
}

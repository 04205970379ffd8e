import Foundation
import Rules

/// A staff member's employment in the project (seed 000, first paragraph: IAP work "may be
/// started and paid from the moment … the employment relationship in the project is legally
/// formalised"): one person, one institution, one profession from the MK No. 460 provider list
/// (or the plan preparer), an hourly rate and the days it is valid. Hours are recorded, and staff
/// pay computed, only inside a contract and only for its profession; the contract's rate is the
/// pay rate.
struct StaffContract: Sendable, Hashable {
    var id: UUID
    var personId: UUID
    var institutionId: UUID
    var profession: StaffRole
    var hourlyRate: Cents
    var validFrom: CalendarDate
    /// The last day; nil while open-ended.
    var validUntil: CalendarDate?

    /// Whether the contract covers `day`.
    func covers(_ day: CalendarDate) -> Bool {
        validFrom <= day && validUntil.map { day <= $0 } ?? true
    }

    /// Whether the two contracts' days overlap.
    func overlaps(from start: CalendarDate, until end: CalendarDate?) -> Bool {
        let thisEnds = validUntil, otherEnds = end
        let startsBeforeOtherEnds = otherEnds.map { validFrom <= $0 } ?? true
        let otherStartsBeforeThisEnds = thisEnds.map { start <= $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }
}

/// `POST /timesheets/contracts`.
struct NewStaffContract: Codable, Sendable, Hashable {
    var personId: UUID
    var institutionId: UUID
    var profession: StaffRole
    var hourlyRateCents: Int64
    var validFrom: CalendarDate
    var validUntil: CalendarDate?
}

/// The pure rules of a contract: its terms, overlaps, and which contract covers a piece of work.
enum StaffContractRules {
    /// Hourly rates from 0.01 to 200.00 EUR: anything above is a typing error, not a rate.
    static let rates: ClosedRange<Int64> = 1...20_000

    /// Why the terms cannot be a contract, if they cannot.
    static func problem(with terms: NewStaffContract, programme: ProgrammePeriod) -> Refusal? {
        guard rates.contains(terms.hourlyRateCents) else {
            return .invalid("hourlyRateCents", "contract.rate.range",
                            lv: "Stundas likmei jābūt no 0,01 līdz 200,00 EUR (centos: 1–20000).",
                            en: "The hourly rate must be from 0.01 to 200.00 EUR (in cents: 1–20000).")
        }
        if let until = terms.validUntil, until < terms.validFrom {
            return .invalid("validUntil", "contract.dates.order", lv: "Līguma beigu datums nevar būt pirms sākuma datuma.",
                            en: "The contract cannot end before it starts.")
        }
        guard terms.validFrom >= programme.start, terms.validFrom <= programme.end else {
            return .invalid("validFrom", "contract.dates.programme",
                            lv: "Līgumam jāsākas projekta laikā (\(programme.start) – \(programme.end)).",
                            en: "The contract must start within the project (\(programme.start) – \(programme.end)).")
        }
        return nil
    }

    /// A new contract may not overlap another of the same person, institution and profession:
    /// which one's rate would pay the hour?
    static func overlapping(_ terms: NewStaffContract, existing: [StaffContract]) -> StaffContract? {
        existing.first { contract in
            contract.personId == terms.personId && contract.institutionId == terms.institutionId
                && contract.profession == terms.profession && contract.overlaps(from: terms.validFrom, until: terms.validUntil)
        }
    }

    /// The contract that covers work by `person` at `institution` as `profession` on `day`.
    static func covering(person: UUID, institution: UUID, profession: StaffRole, on day: CalendarDate,
                         in contracts: [StaffContract]) -> StaffContract? {
        contracts.first { $0.personId == person && $0.institutionId == institution && $0.profession == profession && $0.covers(day) }
    }

    /// The refusal when no contract covers the work (DOMAIN.md §3 "Employment first").
    static func noContract(profession: StaffRole, on day: CalendarDate) -> Refusal {
        .conflict("workDate", "entry.contract_missing",
                  lv: "\(day) jums šajā iestādē nav projekta darba līguma kā “\(profession.label.lv)”: stundas ieraksta tikai līguma laikā un tā profesijā. Lūdziet iestādes koordinatoru vai vadītāju to reģistrēt.",
                  en: "On \(day) you have no project contract at this institution as “\(profession.label.en)”: hours are recorded only within a contract and for its profession. Ask the institution's coordinator or head to register it.")
    }
}

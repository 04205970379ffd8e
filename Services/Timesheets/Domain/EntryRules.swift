import Auth
import Contracts
import Foundation
import Rules

/// Who the work was paid as: a specialist's consultation on a measure, or the preparer's own work
/// on the plan (preparing, supervising, reporting), which belongs to no measure.
enum EntryRole: String, Sendable, Hashable, CaseIterable {
    case specialist
    case preparer

    /// The role a token records as; nil for roles that record nothing.
    init?(_ role: Role) {
        switch role {
        case .specialist: self = .specialist
        case .preparer: self = .preparer
        default: return nil
        }
    }

    /// The role an entry is recorded as: the recorder's own, or, when the institution coordinator
    /// records for someone, what the entry says (a consultation names its measure; a preparer's
    /// own work does not).
    static func of(_ entry: NewEntry, by role: Role) -> EntryRole? {
        if role == .institutionCoordinator { return entry.measureId == nil ? .preparer : .specialist }
        return EntryRole(role)
    }
}

/// `POST /timesheets/entries`: one delivered piece of work. Time is whole minutes (`90` is
/// 1 h 30 min): people think in hours, but sums and limits must be exact, so no fractions travel.
struct NewEntry: Codable, Sendable, Hashable {
    var planId: UUID
    /// The consultation measure (specialists); absent for a preparer's own work.
    var measureId: UUID?
    var workDate: CalendarDate
    var minutes: Int
    /// Who delivered it (specialists): one of the measure's providers.
    var providerType: ProviderType?
    /// The subject of a subject consultation (required for `teacher`).
    var subject: String?
    /// Remote (`true`) or in person (`false`); required for consultations.
    var remote: Bool?
    /// Whose work it is, when the institution coordinator records it for a staff member (seed 000
    /// item 6); absent when people record their own.
    var personId: UUID?
}

/// The checks on an entry that need no stored totals. The hour limits come from the rules
/// library (`HoursRules`) once the plan is locked and the totals read.
enum EntryRules {
    /// One entry is at most one day's work.
    static let minutes = 1...1440
    /// Subjects are short names (`matemātika`), not notes.
    static let subjectLength = 1...200

    /// What the body alone must satisfy for `role`.
    static func shape(_ entry: NewEntry, as role: EntryRole) -> Refusal? {
        guard minutes.contains(entry.minutes) else {
            return .invalid("minutes", "entry.minutes.range",
                            lv: "Minūtēm jābūt veselam skaitlim no 1 līdz 1440 (piem., 90 = 1 h 30 min).",
                            en: "Minutes must be a whole number from 1 to 1440 (e.g. 90 = 1 h 30 min).")
        }
        if let subject = entry.subject, !subjectLength.contains(subject.count) || subject.allSatisfy(\.isWhitespace) {
            return .invalid("subject", "entry.subject.length", lv: "Mācību priekšmetam jābūt 1–200 rakstzīmēm.",
                            en: "The subject must be 1–200 characters.")
        }
        switch role {
        case .specialist:
            guard entry.measureId != nil else {
                return .invalid("measureId", "entry.measure.required", lv: "Norādiet plāna konsultāciju pasākumu.",
                                en: "Name the plan's consultation measure.")
            }
            guard let provider = entry.providerType else {
                return .invalid("providerType", "entry.provider.required", lv: "Norādiet speciālista veidu.",
                                en: "Name the provider type.")
            }
            guard entry.remote != nil else {
                return .invalid("remote", "entry.remote.required", lv: "Norādiet, vai konsultācija notika attālināti vai klātienē.",
                                en: "Say whether the consultation was remote or in person.")
            }
            if provider == .teacher, entry.subject == nil {
                return .invalid("subject", "entry.subject.required", lv: "Pedagoga konsultācijai norādiet mācību priekšmetu.",
                                en: "A teacher's consultation names its subject.")
            }
        case .preparer:
            guard entry.measureId == nil, entry.providerType == nil else {
                return .invalid(entry.measureId != nil ? "measureId" : "providerType", "entry.preparer.no_measure",
                                lv: "IAP sagatavotāja darbs (sagatavošana, uzraudzība, atskaite) netiek ierakstīts pasākumam.",
                                en: "A preparer's work (preparing, supervising, reporting) is recorded on the plan, not on a measure.")
            }
        }
        return nil
    }

    /// The consultation measure `entry` names among `measures`, if it may be delivered by the
    /// entry's provider; else why not.
    static func measure(for entry: NewEntry, in measures: [PlannedMeasurePayload]) -> Result<PlannedMeasurePayload, Refusal> {
        guard let measure = measures.first(where: { $0.measureId == entry.measureId }) else {
            return .failure(.invalid("measureId", "entry.measure.unknown", lv: "Plānā nav šāda pasākuma.",
                                     en: "The plan has no such measure."))
        }
        guard measure.type == MeasureType.consultation.rawValue else {
            return .failure(.invalid("measureId", "entry.measure.not_consultation",
                                     lv: "Stundas ieraksta tikai konsultāciju pasākumam.", en: "Hours are recorded only on a consultation measure."))
        }
        guard let provider = entry.providerType, measure.providers.contains(provider.rawValue) else {
            let planned = measure.providers.joined(separator: ", ")
            return .failure(.invalid("providerType", "entry.provider.not_planned",
                                     lv: "Šim pasākumam plānoti speciālisti: \(planned).", en: "This measure plans these providers: \(planned)."))
        }
        return .success(measure)
    }
}

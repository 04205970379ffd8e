import Foundation
import Rules

/// One plan as the statistics count it, in the group the request asked for. Built from the read
/// model; nothing in it names a person.
public struct PlanFacts: Sendable, Hashable {
    /// One planned measure with what was delivered on it.
    public struct Measure: Sendable, Hashable {
        /// Measure type code (`consultation`, `meals`, …).
        public var type: String
        /// Provider types named (consultations).
        public var providers: [String]
        /// Subjects (subject consultations only).
        public var subjects: [String]
        /// Planned minutes for the semester.
        public var plannedMinutes: Int?
        /// Planned money for the semester, in cents.
        public var plannedCents: Int64?
        /// Minutes delivered on this measure (approved work records).
        public var deliveredMinutes: Int

        /// Creates a measure.
        public init(type: String, providers: [String] = [], subjects: [String] = [], plannedMinutes: Int? = nil,
                    plannedCents: Int64? = nil, deliveredMinutes: Int = 0) {
            self.type = type
            self.providers = providers
            self.subjects = subjects
            self.plannedMinutes = plannedMinutes
            self.plannedCents = plannedCents
            self.deliveredMinutes = deliveredMinutes
        }
    }

    /// The plan.
    public var planId: UUID
    /// The group it is counted in (for the grouping being built).
    public var group: StatisticsGroup
    /// Its group in every grouping (the statistics publish every grouping together).
    public var groups: [StatisticsRequest.Grouping: StatisticsGroup]
    /// Its semester (`2022/2023-1`).
    public var semester: String
    /// Its status (`PlanState` raw value).
    public var status: String
    /// Its risk codes (each once).
    public var riskCodes: [String]
    /// Its measures.
    public var measures: [Measure]
    /// Specialists' approved minutes by provider type (`unknown` when a line names none).
    public var specialistMinutes: [String: Int]
    /// Specialists' approved sessions (consultations delivered: timesheet entries) by provider type.
    public var specialistSessions: [String: Int]
    /// Approved sessions that named a subject, by normalised subject.
    public var subjectSessions: [String: Int]
    /// Their minutes, by subject.
    public var subjectMinutes: [String: Int]
    /// The preparer's approved minutes on the plan.
    public var preparerMinutes: Int
    /// Money paid by payout measure (the measure type, or `staff_pay`), released minus reversed.
    public var paidCents: [String: Int64]

    /// Creates plan facts.
    public init(planId: UUID, group: StatisticsGroup, groups: [StatisticsRequest.Grouping: StatisticsGroup] = [:], semester: String = "",
                status: String, riskCodes: [String] = [], measures: [Measure] = [],
                specialistMinutes: [String: Int] = [:], specialistSessions: [String: Int] = [:], subjectSessions: [String: Int] = [:],
                subjectMinutes: [String: Int] = [:], preparerMinutes: Int = 0, paidCents: [String: Int64] = [:]) {
        self.planId = planId
        self.group = group
        self.groups = groups
        self.semester = semester
        self.status = status
        self.riskCodes = riskCodes
        self.measures = measures
        self.specialistMinutes = specialistMinutes
        self.specialistSessions = specialistSessions
        self.subjectSessions = subjectSessions
        self.subjectMinutes = subjectMinutes
        self.preparerMinutes = preparerMinutes
        self.paidCents = paidCents
    }
}

extension PlanFacts {
    /// The plan counted in `grouping` (its own group when it knows no other: everything is one group in `total`).
    public func grouped(by grouping: StatisticsRequest.Grouping) -> PlanFacts {
        var copy = self
        copy.group = groups[grouping] ?? (grouping == .total ? .total : group)
        return copy
    }

    /// The kind of programme partner its institution belongs to: `municipality` (a municipal
    /// institution: the municipality is the partner), `vpii` (a state vocational institution is its
    /// own partner) or `unknown` (not in the directory copy).
    public var partnerKind: String {
        let key = groups[.partner]?.key ?? ""
        if key.hasPrefix("vpii:") { return "vpii" }
        if key.hasPrefix("municipality:") { return "municipality" }
        return "unknown"
    }

    /// The periods of its school year the plan counts in: its semester's and the year.
    public var periods: [StatisticsPeriod] {
        switch SemesterRef(code: semester)?.number {
        case .first?: [.firstSemester, .schoolYear]
        case .second?: [.secondSemester, .schoolYear]
        case nil: [.schoolYear]
        }
    }
}

/// A group of the statistics: a region, a partner (municipality or VPII), an institution type,
/// an institution, or everything.
public struct StatisticsGroup: Sendable, Hashable, Comparable {
    /// Stable key (`Latgale`, `municipality:<id>`, `vpii:<id>`, `general`, an institution id, `total`).
    public var key: String
    /// Readable name.
    public var name: String

    /// Creates a group.
    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    /// The row of totals over every group.
    public static let total = StatisticsGroup(key: "total", name: "Kopā / Total")

    /// By name, then key.
    public static func < (a: StatisticsGroup, b: StatisticsGroup) -> Bool { (a.name, a.key) < (b.name, b.key) }
}

import Foundation
import Rules

/// What was planned and what was delivered on one plan, for its report: minutes from approved
/// work records, money from released payouts (minus reversals), next to the plan's figures.
public struct ReportFigures: Codable, Sendable, Hashable {
    /// One measure.
    public struct MeasureFigures: Codable, Sendable, Hashable {
        /// Measure id.
        public var measureId: UUID
        /// Measure type.
        public var type: String
        /// Providers (consultations).
        public var providers: [String]
        /// Risks addressed.
        public var riskCodes: [String]
        /// Planned minutes (consultations).
        public var plannedMinutes: Int?
        /// Delivered minutes (consultations).
        public var deliveredMinutes: Int?
        /// Planned money for the semester (money measures).
        public var plannedCents: Int64?
        /// Paid money (money measures).
        public var paidCents: Int64?
    }

    /// The preparer's own recorded work on the plan against the paid limit (writing the report
    /// counts toward it).
    public struct PreparerFigures: Codable, Sendable, Hashable {
        /// Approved minutes.
        public var recordedMinutes: Int
        /// The paid limit per plan for the semester.
        public var limitMinutes: Int
    }

    /// The plan's totals.
    public struct Totals: Codable, Sendable, Hashable {
        /// Planned consultation minutes.
        public var plannedMinutes: Int
        /// Delivered minutes of every specialist line on the plan.
        public var deliveredMinutes: Int
        /// Planned money.
        public var plannedCents: Int64
        /// Paid compensations (every payout but staff pay).
        public var paidCents: Int64
    }

    /// Per measure, in the plan's order.
    public var measures: [MeasureFigures]
    /// Payouts of a measure type the plan no longer has, by type (usually empty).
    public var otherPaidCents: [String: Int64]
    /// Staff pay on the plan (specialists and the preparer).
    public var staffPaidCents: Int64
    /// The preparer's hours.
    public var preparer: PreparerFigures
    /// Totals.
    public var totals: Totals

    /// One planned measure as the read model holds it.
    public struct Planned: Sendable, Hashable {
        /// Measure id.
        public var measureId: UUID
        /// Type.
        public var type: String
        /// Providers.
        public var providers: [String]
        /// Risks.
        public var riskCodes: [String]
        /// Planned minutes.
        public var plannedMinutes: Int?
        /// Planned money for the semester.
        public var plannedCents: Int64?

        /// Creates a planned measure.
        public init(measureId: UUID, type: String, providers: [String] = [], riskCodes: [String] = [], plannedMinutes: Int? = nil,
                    plannedCents: Int64? = nil) {
            self.measureId = measureId
            self.type = type
            self.providers = providers
            self.riskCodes = riskCodes
            self.plannedMinutes = plannedMinutes
            self.plannedCents = plannedCents
        }
    }

    /// Puts the figures together. Payouts name a measure type, not a measure: the money of a type
    /// goes to the plan's first measure of that type.
    public static func compose(planned: [Planned], deliveredByMeasure: [UUID: Int], specialistMinutes: Int,
                               paidByMeasure: [String: Int64], preparerMinutes: Int, preparerLimit: Int) -> ReportFigures {
        var paid = paidByMeasure
        let staff = paid.removeValue(forKey: "staff_pay") ?? 0
        var measures: [MeasureFigures] = []
        for measure in planned {
            let isConsultation = measure.type == MeasureType.consultation.rawValue
            let money: Int64? = isConsultation ? nil : (paid.removeValue(forKey: measure.type)
                ?? (measures.contains { $0.type == measure.type } ? nil : 0))
            measures.append(MeasureFigures(measureId: measure.measureId, type: measure.type, providers: measure.providers,
                                           riskCodes: measure.riskCodes, plannedMinutes: measure.plannedMinutes,
                                           deliveredMinutes: isConsultation ? deliveredByMeasure[measure.measureId] ?? 0 : nil,
                                           plannedCents: measure.plannedCents, paidCents: money))
        }
        let totals = Totals(plannedMinutes: planned.reduce(0) { $0 + ($1.plannedMinutes ?? 0) }, deliveredMinutes: specialistMinutes,
                            plannedCents: planned.reduce(0) { $0 + ($1.plannedCents ?? 0) },
                            paidCents: measures.reduce(0) { $0 + ($1.paidCents ?? 0) } + paid.values.reduce(0, +))
        return ReportFigures(measures: measures, otherPaidCents: paid, staffPaidCents: staff,
                             preparer: PreparerFigures(recordedMinutes: preparerMinutes, limitMinutes: preparerLimit), totals: totals)
    }
}

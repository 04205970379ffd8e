/// The seed's two payment exceptions as one pure decision (seed 004, 31 March 2020): while an
/// emergency period covers a plan's institution, a compensation claim for a month inside the
/// period is paid only if
///
/// 1. it is meals delivered home, for a general-education student in grades 5–12 whose plan of
///    the named semester already included meals, for a month reaching the "from" date
///    (``EmergencyRule/mealsDeliveredHome``), or
/// 2. it is transport, lodging or meals of a vocational student on placement whose plan was
///    submitted before the emergency began (``EmergencyRule/placementSupportKept``).
///
/// Anything else is refused (``EmergencyRule/claimPaused``): the plan's implementation is paused.
public enum EmergencyPayments {
    /// What the claim says about itself.
    public struct Claim: Sendable, Hashable {
        /// The measure claimed for.
        public var measure: MeasureType
        /// The claim period's first and last day (a month or a semester).
        public var from: CalendarDate
        /// Last day.
        public var to: CalendarDate
        /// The meals were delivered to the student's home.
        public var deliveredHome: Bool
        /// The vocational student is on placement (prakse).
        public var onPlacement: Bool

        /// Creates a claim.
        public init(measure: MeasureType, from: CalendarDate, to: CalendarDate, deliveredHome: Bool = false, onPlacement: Bool = false) {
            self.measure = measure
            self.from = from
            self.to = to
            self.deliveredHome = deliveredHome
            self.onPlacement = onPlacement
        }
    }

    /// What the rules need to know about the plan.
    public struct Plan: Sendable, Hashable {
        /// General or vocational education.
        public var institutionKind: InstitutionKind
        /// Grade (general) or course (vocational); nil when not known.
        public var gradeOrCourse: Int?
        /// The plan's semester code, `2019/2020-2`.
        public var semester: String
        /// The measure types the plan includes.
        public var measures: Set<MeasureType>
        /// The day the plan was first submitted ("pirms ārkārtējās situācijas tika sagatavots").
        public var firstSubmittedOn: CalendarDate?

        /// Creates plan facts.
        public init(institutionKind: InstitutionKind, gradeOrCourse: Int?, semester: String, measures: Set<MeasureType>,
                    firstSubmittedOn: CalendarDate?) {
            self.institutionKind = institutionKind
            self.gradeOrCourse = gradeOrCourse
            self.semester = semester
            self.measures = measures
            self.firstSubmittedOn = firstSubmittedOn
        }
    }

    /// The decision: not touched by the period, or paid / refused with the finding that says why.
    public enum Verdict: Sendable, Hashable {
        /// The claim's period lies outside the emergency: the normal rules alone decide.
        case outsidePeriod
        /// Paid under an exception (the finding is a warning naming it).
        case paid(EmergencyFinding)
        /// Refused (the finding is the error).
        case refused(EmergencyFinding)

        /// The finding, if any.
        public var finding: EmergencyFinding? {
            switch self {
            case .outsidePeriod: nil
            case .paid(let finding), .refused(let finding): finding
            }
        }
    }

    /// Decides a claim of a plan whose institution lies in `period`'s scope (the caller checks the scope).
    public static func decide(_ claim: Claim, plan: Plan, period: EmergencyPeriod) -> Verdict {
        guard period.overlaps(from: claim.from, to: claim.to) else { return .outsidePeriod }
        if claim.measure == .meals && claim.deliveredHome && plan.institutionKind == .general {
            return homeMeals(claim, plan: plan, terms: period.terms, start: period.start)
        }
        if claim.onPlacement && plan.institutionKind == .vocational {
            return placement(claim, plan: plan, period: period)
        }
        return .refused(.error(.claimPaused, "measureId",
                               lv: "Ārkārtējās situācijas laikā plāna īstenošana ir apturēta: kompensāciju maksā tikai par ēdināšanu ar piegādi mājās (vispārējā izglītība) vai par transportu, naktsmītni un ēdināšanu praksē esošiem profesionālās izglītības audzēkņiem.",
                               en: "During the emergency the plan's implementation is paused: compensation is paid only for meals delivered home (general education) or for transport, lodging and meals of vocational students on placement."))
    }

    private static func homeMeals(_ claim: Claim, plan: Plan, terms: EmergencyTerms, start: CalendarDate) -> Verdict {
        let from = terms.homeMealsFrom ?? start
        let grades = terms.homeMealsLowestGrade...terms.homeMealsHighestGrade
        guard claim.to >= from else {
            return .refused(.error(.mealsDeliveredHome, "period",
                                   lv: "Ēdināšanu ar piegādi mājās apmaksā no \(from.iso).",
                                   en: "Meals delivered home are paid from \(from.iso)."))
        }
        guard let grade = plan.gradeOrCourse, grades.contains(grade) else {
            let known = plan.gradeOrCourse.map { "\($0)" } ?? "?"
            return .refused(.error(.mealsDeliveredHome, "deliveredHome",
                                   lv: "Ēdināšanu ar piegādi mājās apmaksā \(grades.lowerBound).–\(grades.upperBound). klases skolēniem (plānā: \(known)).",
                                   en: "Meals delivered home are paid for grades \(grades.lowerBound)–\(grades.upperBound) (the plan says: \(known))."))
        }
        let semesterMatches = terms.homeMealsPlanSemester.map { $0 == plan.semester } ?? true
        guard plan.measures.contains(.meals), semesterMatches else {
            let which = terms.homeMealsPlanSemester ?? plan.semester
            return .refused(.error(.mealsDeliveredHome, "measureId",
                                   lv: "Ēdināšanu ar piegādi mājās apmaksā tikai tad, ja ēdināšana jau bija iekļauta \(which) semestra plānā.",
                                   en: "Meals delivered home are paid only if meals were already in the plan of semester \(which)."))
        }
        return .paid(.allowed(.mealsDeliveredHome, "deliveredHome",
                              lv: "Ārkārtējās situācijas izņēmums: ēdināšana ar piegādi mājās (no \(from.iso), \(grades.lowerBound).–\(grades.upperBound). klase, ēdināšana plānā).",
                              en: "Emergency exception: meals delivered home (from \(from.iso), grades \(grades.lowerBound)–\(grades.upperBound), meals in the plan)."))
    }

    private static func placement(_ claim: Claim, plan: Plan, period: EmergencyPeriod) -> Verdict {
        let kept = period.terms.placementMeasures
        guard kept.contains(claim.measure), plan.measures.contains(claim.measure) else {
            return .refused(.error(.placementSupportKept, "measureId",
                                   lv: "Praksē esošajiem audzēkņiem ārkārtējās situācijas laikā saglabājas tikai plānā iekļautā transporta kompensācija, naktsmītne un ēdināšana.",
                                   en: "During the emergency students on placement keep only the transport, lodging and meals included in their plan."))
        }
        guard let submitted = plan.firstSubmittedOn, submitted < period.start else {
            return .refused(.error(.placementSupportKept, "onPlacement",
                                   lv: "Atbalsts praksē saglabājas tikai tad, ja plāns sagatavots pirms ārkārtējās situācijas (\(period.start.iso)).",
                                   en: "Support on placement is kept only if the plan was prepared before the emergency (\(period.start.iso))."))
        }
        return .paid(.allowed(.placementSupportKept, "onPlacement",
                              lv: "Ārkārtējās situācijas izņēmums: praksē esoša audzēkņa \(claim.measure.label.lv.lowercased()) (plāns sagatavots \(submitted.iso)).",
                              en: "Emergency exception: \(claim.measure.label.en.lowercased()) of a student on placement (plan prepared on \(submitted.iso))."))
    }
}

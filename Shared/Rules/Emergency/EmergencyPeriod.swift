/// An emergency period IKVD declares (seed 004): when it runs, where, and the terms of the two
/// payment exceptions. The dates are data carried by the period, not constants: the seed's
/// March 2020 values are only the defaults of ``EmergencyTerms/seed``.
public struct EmergencyPeriod: Sendable, Hashable, Codable {
    /// First day of the emergency (plans in scope are paused from this day).
    public var start: CalendarDate
    /// Last day, once known; open-ended until then.
    public var end: CalendarDate?
    /// Where it applies.
    public var scope: EmergencyScope
    /// The payment exceptions' terms.
    public var terms: EmergencyTerms

    /// Creates a period.
    public init(start: CalendarDate, end: CalendarDate?, scope: EmergencyScope, terms: EmergencyTerms) {
        self.start = start
        self.end = end
        self.scope = scope
        self.terms = terms
    }

    /// Whether `day` lies inside the period (both ends included).
    public func covers(_ day: CalendarDate) -> Bool {
        day >= start && (end.map { day <= $0 } ?? true)
    }

    /// Whether the period overlaps `first...last` (a claim's month, for instance).
    public func overlaps(from first: CalendarDate, to last: CalendarDate) -> Bool {
        first <= (end ?? last) && last >= start
    }

    /// Whether a day at a place falls under the period.
    public func applies(on day: CalendarDate, region: String, municipalityId: String?) -> Bool {
        covers(day) && scope.covers(region: region, municipalityId: municipalityId)
    }
}

/// The terms of the seed's two payment exceptions, per emergency period.
public struct EmergencyTerms: Sendable, Hashable, Codable {
    /// Meals delivered home are paid from this day (seed: "sākot no 31. marta"); nil = from the start.
    public var homeMealsFrom: CalendarDate?
    /// Lowest general-education grade whose meals are delivered home (seed: 5).
    public var homeMealsLowestGrade: Int
    /// Highest grade (seed: 12).
    public var homeMealsHighestGrade: Int
    /// The semester whose plan must already include meals (seed: 2019/2020 II), as a code
    /// `2019/2020-2`; nil = the plan's own semester (any plan that included meals).
    public var homeMealsPlanSemester: String?
    /// The measure types a vocational student on placement keeps (seed: transport, lodging, meals).
    public var placementMeasures: Set<MeasureType>

    /// Creates terms.
    public init(homeMealsFrom: CalendarDate?, homeMealsLowestGrade: Int = 5, homeMealsHighestGrade: Int = 12,
                homeMealsPlanSemester: String?, placementMeasures: Set<MeasureType> = EmergencyTerms.placementDefault) {
        self.homeMealsFrom = homeMealsFrom
        self.homeMealsLowestGrade = homeMealsLowestGrade
        self.homeMealsHighestGrade = homeMealsHighestGrade
        self.homeMealsPlanSemester = homeMealsPlanSemester
        self.placementMeasures = placementMeasures
    }

    /// "transporta kompensācija, naktsmītnes un ēdināšana" (seed 004).
    public static let placementDefault: Set<MeasureType> = [.transportIntercity, .transportCity, .lodging, .meals]

    /// The seed's March 2020 terms: meals home from 31 March 2020 for grades 5–12 whose
    /// 2019/2020 II plan included meals.
    public static let seed = EmergencyTerms(homeMealsFrom: CalendarDate(year: 2020, month: 3, day: 31),
                                            homeMealsPlanSemester: "2019/2020-2")
}

/// Upper bounds on the numbers a person types into a plan (issue #17 item 7). Without them one
/// absurd figure (3,000,000,000 planned minutes) passed validation and then broke every service
/// that stores it. Each bound is a domain fact, not a storage limit, and every bound fits a
/// 32-bit column for minutes and, times a semester's months, a 64-bit column for cents.
public enum PlanBounds {
    /// The longest semester the bound allows, in days, whatever the operator's calendar says
    /// (a semester is at most half a year; a year keeps a misconfigured calendar harmless).
    public static let longestSemesterDays = 366
    /// Planned money per cap period (month or semester) above which no programme cap can
    /// reach: 10,000 EUR. The caps (30–70 EUR) are far below; this holds even when an operator
    /// removes or raises a cap.
    public static let maximumAmount = Cents.euros(10_000)

    /// The most minutes one measure may plan in `semester`: every minute of every day of the
    /// semester (1 Sept – 31 Dec: 122 × 24 × 60 = 175,680), at most `longestSemesterDays` days.
    /// Without calendar dates (already an error of its own) the longest semester counts.
    public static func maximumMinutes(in dates: SemesterDates?) -> Int {
        let days = dates.map { $0.start.days(until: $0.end) + 1 } ?? longestSemesterDays
        return min(max(days, 1), longestSemesterDays) * 24 * 60
    }
}

/// Findings for typed numbers above their domain bound (``PlanBounds``).
public enum BoundRules {
    /// Findings for every measure, in the plan's order.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        let maximumMinutes = PlanBounds.maximumMinutes(in: facts.semesterDates)
        return facts.plan.measures.enumerated().flatMap { index, measure -> [Finding] in
            var findings: [Finding] = []
            let name = measure.type.label
            if let minutes = measure.plannedMinutes, minutes > maximumMinutes {
                let limit = HoursRules.hours(maximumMinutes)
                findings.append(.error(.measureHoursLimit, "measures[\(index)].plannedMinutes",
                                       lv: "“\(name.lv)”: plānotās minūtes (\(minutes)) pārsniedz visas semestra minūtes (\(limit)); norādiet kopējo minūšu skaitu semestrī.",
                                       en: "“\(name.en)”: the planned minutes (\(minutes)) exceed every minute of the semester (\(limit)); enter the total minutes for the semester."))
            }
            if let amount = measure.plannedAmount, amount > PlanBounds.maximumAmount {
                findings.append(.error(.measureAmountLimit, "measures[\(index)].plannedAmount",
                                       lv: "“\(name.lv)”: plānotā summa \(amount) pārsniedz programmas augšējo robežu \(PlanBounds.maximumAmount) periodā.",
                                       en: "“\(name.en)”: the planned \(amount) exceeds the programme's ceiling of \(PlanBounds.maximumAmount) a period."))
            }
            return findings
        }
    }
}

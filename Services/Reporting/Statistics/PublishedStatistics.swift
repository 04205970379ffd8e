/// From a school year's plan facts to the tables of one requested slice, as a role may see them:
/// the fixed set of every slice is built and suppressed together (``ConsistentSuppression``),
/// then the requested slice is taken from it. Pure.
public enum PublishedStatistics {
    /// The ``StatisticsBuilder`` tables of each slice for `plans` (the plans of one school year).
    public static func tables(_ plans: [PlanFacts], slices: [StatisticsSlice] = StatisticsSlice.all) -> [StatisticsSlice: [StatisticsTable]] {
        var result: [StatisticsSlice: [StatisticsTable]] = [:]
        for slice in slices {
            let members = plans.filter { $0.periods.contains(slice.period) }.map { $0.grouped(by: slice.grouping) }
            result[slice] = StatisticsBuilder.tables(members)
        }
        return result
    }

    /// For each institution key, its group key in every grouping.
    public static func institutions(_ plans: [PlanFacts]) -> [String: [StatisticsRequest.Grouping: String]] {
        var result: [String: [StatisticsRequest.Grouping: String]] = [:]
        for plan in plans {
            let keys = Dictionary(uniqueKeysWithValues: StatisticsRequest.Grouping.allCases.map { ($0, plan.grouped(by: $0).group.key) })
            if let institution = keys[.institution] { result[institution] = keys }
        }
        return result
    }

    /// The published tables of several slices, decided together (the whole year's set once).
    public static func slices(_ slices: [StatisticsSlice], plans: [PlanFacts], suppress: Bool) -> [StatisticsSlice: [PublishedTable]] {
        let all = tables(plans, slices: suppress ? StatisticsSlice.all : slices)
        let hidden = suppress ? ConsistentSuppression.hidden(all, institutions: institutions(plans)) : []
        return Dictionary(uniqueKeysWithValues: slices.map { slice in
            (slice, ConsistentSuppression.publish(all[slice] ?? [], of: slice, hidden: hidden))
        })
    }

    /// The published tables of `slice`. With `suppress` (everyone outside IKVD) the whole school
    /// year's set is decided together, so this slice cannot be differenced against another.
    public static func slice(_ slice: StatisticsSlice, plans: [PlanFacts], suppress: Bool) -> [PublishedTable] {
        guard suppress else {
            return ConsistentSuppression.publish(tables(plans, slices: [slice])[slice] ?? [], of: slice, hidden: [])
        }
        let all = tables(plans)
        let hidden = ConsistentSuppression.hidden(all, institutions: institutions(plans))
        return ConsistentSuppression.publish(all[slice] ?? [], of: slice, hidden: hidden)
    }
}

import Rules

/// The programme's statistics (seed 001, DOMAIN.md §9) from plan facts: pure counting, no IO.
///
/// Every plan is in exactly one group, so each totals row is the sum of its group rows. A plan
/// counts once per category of a table (a plan with two learning risks counts once in
/// `learning`), so only the status table adds up to the number of plans. Deleted plans (Neaktīvs)
/// are counted by status only: nothing was paid on them, and their risks and measures were never
/// carried out.
public enum StatisticsBuilder {
    /// The table names, in the order they are returned.
    public static let tableNames = [
        "plans_by_status", "plans_by_risk", "plans_by_risk_group", "measures_by_type", "subject_consultations",
        "specialist_consultations", "hours", "money_by_measure",
    ] + programmeSourceNames

    /// Every table for `plans`.
    public static func tables(_ plans: [PlanFacts]) -> [StatisticsTable] {
        let plansOnly = [StatisticsTable.Column("plans", isCount: true)]
        let all = plans
        let plans = plans.filter { $0.status != PlanState.deleted.rawValue }
        return [
            table("plans_by_status", "status", plansOnly, partitions: true, publicSubtotalExcluding: [PlanState.deleted.rawValue],
                  rank: rank(PlanState.allCases.map(\.rawValue)), all) { plan in
                [(plan.status, [1])]
            },
            table("plans_by_risk", "risk", plansOnly, rank: rank(RiskCode.allCases.map(\.rawValue)), plans) { plan in
                Set(plan.riskCodes).map { ($0, [1]) }
            },
            table("plans_by_risk_group", "riskGroup", plansOnly, rank: rank(RiskGroup.allCases.map(\.rawValue)), plans) { plan in
                Set(plan.riskCodes.map { (RiskCode(rawValue: $0)?.group ?? .other).rawValue }).map { ($0, [1]) }
            },
            table("measures_by_type", "measure", plansOnly + [.init("measures", isCount: true)],
                  rank: rank(MeasureType.allCases.map(\.rawValue)), plans) { plan in
                Dictionary(grouping: plan.measures, by: \.type).map { type, measures in (type, [1, Int64(measures.count)]) }
            },
            table("subject_consultations", "subject", plansOnly + [.init("measures", isCount: true), .init("plannedMinutes", isCount: false),
                                                                   .init("deliveredMinutes", isCount: false)],
                  rank: { (0, $0) }, plans) { plan in
                let subjects = Set(plan.measures.flatMap(\.subjects))
                return subjects.map { subject in
                    let measures = plan.measures.filter { $0.subjects.contains(subject) }
                    return (subject, [1, Int64(measures.count), Int64(measures.reduce(0) { $0 + ($1.plannedMinutes ?? 0) }),
                                      Int64(measures.reduce(0) { $0 + $1.deliveredMinutes })])
                }
            },
            table("specialist_consultations", "provider", plansOnly + [.init("measures", isCount: true), .init("deliveredMinutes", isCount: false)],
                  rank: rank(ProviderType.allCases.map(\.rawValue) + ["unknown"]), plans) { plan in
                let consultations = plan.measures.filter { $0.type == MeasureType.consultation.rawValue }
                let providers = Set(consultations.flatMap(\.providers)).union(plan.specialistMinutes.filter { $0.value != 0 }.keys)
                return providers.map { provider in
                    (provider, [1, Int64(consultations.filter { $0.providers.contains(provider) }.count),
                                Int64(plan.specialistMinutes[provider] ?? 0)])
                }
            },
            table("hours", "work", plansOnly + [.init("plannedMinutes", isCount: false), .init("deliveredMinutes", isCount: false)],
                  rank: rank(["consultation", "preparer"]), plans) { plan in
                var rows: [(String, [Int64?])] = []
                let consultations = plan.measures.filter { $0.type == MeasureType.consultation.rawValue }
                let delivered = plan.specialistMinutes.values.reduce(0, +)
                if !consultations.isEmpty || delivered != 0 {
                    rows.append(("consultation", [1, Int64(consultations.reduce(0) { $0 + ($1.plannedMinutes ?? 0) }), Int64(delivered)]))
                }
                if plan.preparerMinutes != 0 { rows.append(("preparer", [1, nil, Int64(plan.preparerMinutes)])) }
                return rows
            },
            table("money_by_measure", "measure", plansOnly + [.init("plannedCents", isCount: false), .init("paidCents", isCount: false)],
                  rank: rank(MeasureType.allCases.map(\.rawValue) + ["staff_pay"]), plans) { plan in
                let planned = Dictionary(grouping: plan.measures.filter { $0.plannedCents != nil }, by: \.type)
                return Set(planned.keys).union(plan.paidCents.keys).map { type in
                    let plannedCents: Int64? = planned[type].map { $0.reduce(0) { $0 + ($1.plannedCents ?? 0) } }
                    return (type, [1, plannedCents, plan.paidCents[type] ?? 0])
                }
            },
        ] + programmeSourceTables(plans)
    }

    /// Orders known categories by their catalogue position, then anything else by name.
    static func rank(_ order: [String]) -> @Sendable (String) -> (Int, String) {
        let positions = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return { category in (positions[category] ?? order.count, category) }
    }

    /// Sums each plan's contributions per group and category. A contribution's first value is
    /// the plan itself (1); a category appears at most once per plan.
    static func table(_ name: String, _ categoryName: String, _ columns: [StatisticsTable.Column], partitions: Bool = false,
                      publicSubtotalExcluding: Set<String> = [], rank: (String) -> (Int, String), _ plans: [PlanFacts],
                      _ contributions: (PlanFacts) -> [(String, [Int64?])]) -> StatisticsTable {
        struct Key: Hashable { var group: StatisticsGroup; var category: String }
        var sums: [Key: [Int64?]] = [:]
        var totals: [String: [Int64?]] = [:]
        for plan in plans {
            for (category, values) in contributions(plan) {
                let key = Key(group: plan.group, category: category)
                sums[key] = add(sums[key], values)
                totals[category] = add(totals[category], values)
            }
        }
        func row(_ group: StatisticsGroup, _ category: String, _ values: [Int64?]) -> StatisticsTable.Row {
            StatisticsTable.Row(group: group, category: category, plans: Int(values.first.flatMap { $0 } ?? 0), values: values)
        }
        let rows = sums.keys.sorted { a, b in
            let (ra, rb) = (rank(a.category), rank(b.category))
            return (a.group.name, a.group.key, ra.0, ra.1) < (b.group.name, b.group.key, rb.0, rb.1)
        }.map { row($0.group, $0.category, sums[$0] ?? []) }
        let totalRows = totals.keys.sorted { rank($0) < rank($1) }.map { row(.total, $0, totals[$0] ?? []) }
        return StatisticsTable(name: name, categoryName: categoryName, columns: columns, partitionsPlans: partitions,
                               publicSubtotalExcluding: publicSubtotalExcluding, rows: rows, totals: totalRows)
    }

    /// Column-wise sum; nil (not applicable) only where both sides are nil.
    static func add(_ sum: [Int64?]?, _ values: [Int64?]) -> [Int64?] {
        guard let sum else { return values }
        return zip(sum, values).map { a, b in (a == nil && b == nil) ? nil : (a ?? 0) + (b ?? 0) }
    }
}

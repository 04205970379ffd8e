import Rules

/// The tables behind the programme's own report (seed 001) that the other tables do not already
/// hold: plans by kind of partner (for plans per region with the VPII subtotal) and the number of
/// consultations delivered, by subject and by specialist. They are built, and suppressed, with
/// every other table of the school year (``ConsistentSuppression``), so a figure hidden here is
/// hidden consistently with the rest. Appended after the older tables: a table's position is part
/// of a suppression cell's identity.
extension StatisticsBuilder {
    /// The names, in order.
    static let programmeSourceNames = ["plans_by_partner_kind", "consultations_by_subject", "consultations_by_specialist"]

    /// The partner kinds in the programme's order (`unknown`: an institution not in the directory copy).
    static let partnerKinds = ["municipality", "vpii", "unknown"]

    /// The tables for `plans` (deleted plans already left out).
    static func programmeSourceTables(_ plans: [PlanFacts]) -> [StatisticsTable] {
        let plansOnly = [StatisticsTable.Column("plans", isCount: true)]
        let counted = plansOnly + [.init("consultations", isCount: true)]
        return [
            // Every plan is in one kind, so a group's kinds add up to its plans (not deleted).
            table("plans_by_partner_kind", "partnerKind", plansOnly, partitions: true, rank: rank(partnerKinds), plans) { plan in
                [(plan.partnerKind, [1])]
            },
            // A consultation is one delivered session (a timesheet entry) that named a subject.
            table("consultations_by_subject", "subject", counted, rank: { (0, $0) }, plans) { plan in
                plan.subjectSessions.filter { $0.value > 0 }.map { subject, sessions in (subject, [1, Int64(sessions)]) }
            },
            // Every specialist session, by who delivered it (a teacher's subject consultation too).
            table("consultations_by_specialist", "provider", counted, rank: rank(ProviderType.allCases.map(\.rawValue) + ["unknown"]),
                  plans) { plan in
                plan.specialistSessions.filter { $0.value > 0 }.map { provider, sessions in (provider, [1, Int64(sessions)]) }
            },
        ]
    }
}

import Rules

/// The programme's report for a school year or semester (seed 001, DOMAIN.md §9), built from the
/// plan facts of one school year in the caller's scope: pure, no IO.
///
/// Every table but the partners is a view of ``StatisticsBuilder`` tables after the school year's
/// consistent suppression (``PublishedStatistics/slices(_:plans:suppress:)``): a figure hidden
/// there is hidden here, and a totals row is shown only where every figure it adds is shown (so it
/// tells nothing the rows do not). Partners are organisations, not students: they are counted
/// from the same plans but never hidden.
///
/// A new dimension (a risk level, a consultation kind) is one more ``StatisticsBuilder`` table and
/// one more entry in ``definitions``.
public enum ProgrammeStatistics {
    /// How a table is read off its source.
    enum Shape: Sendable {
        /// Distinct partners with plans per region, by kind (not from a source table).
        case partnersByRegion
        /// One row per region; the source's categories are columns after a `plans` total column.
        case regions(source: String, columns: [(category: String, column: ProgrammeTable.Column)])
        /// One row per category of the source (catalogue categories shown even at 0), the source's
        /// `columns`; `summed` columns also get a totals row.
        case categories(source: String, catalogue: [String], columns: [ProgrammeTable.Column], summed: Set<String>)
    }

    /// One table of the report.
    struct Definition: Sendable {
        var name: String
        var title: LocalizedText
        var rowHeading: LocalizedText
        var shape: Shape
    }

    static let plansColumn = ProgrammeTable.Column("plans", lv: "IAP skaits", en: "Plans")
    static let consultationsColumn = ProgrammeTable.Column("consultations", lv: "Konsultāciju skaits", en: "Consultations")
    static let region = LocalizedText(lv: "Reģions", en: "Region")

    /// The tables in the order the programme reports them.
    static let definitions: [Definition] = [
        Definition(name: "partners_by_region", title: LocalizedText(lv: "Sadarbības partneri", en: "Partners"), rowHeading: region,
                   shape: .partnersByRegion),
        Definition(name: "plans_by_region", title: LocalizedText(lv: "Individuālie atbalsta plāni pa reģioniem", en: "Plans by region"),
                   rowHeading: region, shape: .regions(source: "plans_by_partner_kind", columns: [
                       ("municipality", .init("municipalityPlans", lv: "t.sk. pašvaldību izglītības iestādēs",
                                              en: "of which in municipal institutions")),
                       ("vpii", .init("vpiiPlans", lv: "t.sk. valsts profesionālajās izglītības iestādēs (VPII)",
                                      en: "of which in state vocational institutions (VPII)")),
                   ])),
        Definition(name: "plans_by_risk", title: LocalizedText(lv: "Risku veidi (IAP skaits)", en: "Kinds of risk (plans)"),
                   rowHeading: LocalizedText(lv: "Risks", en: "Risk"),
                   shape: .categories(source: "plans_by_risk", catalogue: RiskCode.allCases.map(\.rawValue), columns: [plansColumn], summed: [])),
        Definition(name: "plans_by_measure", title: LocalizedText(lv: "Atbalsta pasākumi (IAP skaits)", en: "Support measures (plans)"),
                   rowHeading: LocalizedText(lv: "Atbalsta pasākums", en: "Support measure"),
                   shape: .categories(source: "measures_by_type", catalogue: MeasureType.allCases.map(\.rawValue), columns: [plansColumn],
                                      summed: [])),
        Definition(name: "consultations_by_subject",
                   title: LocalizedText(lv: "Mācību priekšmetu konsultāciju skaits", en: "Subject consultations"),
                   rowHeading: LocalizedText(lv: "Mācību priekšmets", en: "Subject"),
                   shape: .categories(source: "consultations_by_subject", catalogue: [], columns: [consultationsColumn, plansColumn],
                                      summed: ["consultations"])),
        Definition(name: "consultations_by_specialist",
                   title: LocalizedText(lv: "Speciālistu konsultāciju skaits", en: "Specialist consultations"),
                   rowHeading: LocalizedText(lv: "Speciālists", en: "Specialist"),
                   shape: .categories(source: "consultations_by_specialist", catalogue: ProviderType.allCases.map(\.rawValue),
                                      columns: [consultationsColumn, plansColumn], summed: ["consultations"])),
    ]

    /// The table names, in order.
    public static var tableNames: [String] { definitions.map(\.name) }

    /// The report's tables for `period` (all of them, or the one named `only`) from `plans`, the
    /// plan facts of one school year; figures hidden (`suppress`) as for everyone outside IKVD.
    public static func tables(_ plans: [PlanFacts], period: StatisticsPeriod, suppress: Bool, only: String? = nil) -> [ProgrammeTable] {
        let chosen = definitions.filter { only == nil || $0.name == only }
        let published = PublishedStatistics.slices([StatisticsSlice(period, .region), StatisticsSlice(period, .total)], plans: plans,
                                                   suppress: suppress)
        func source(_ name: String, _ grouping: StatisticsRequest.Grouping) -> PublishedTable? {
            published[StatisticsSlice(period, grouping)]?.first { $0.name == name }
        }
        return chosen.map { definition in
            var table = ProgrammeTable(name: definition.name, title: definition.title, rowHeading: definition.rowHeading, columns: [],
                                       rows: [], total: nil)
            switch definition.shape {
            case .partnersByRegion:
                (table.columns, table.rows, table.total) = partners(plans.filter { $0.periods.contains(period) })
            case .regions(let name, let columns):
                (table.columns, table.rows, table.total) = regions(source(name, .region), columns)
            case .categories(let name, let catalogue, let columns, let summed):
                (table.columns, table.rows, table.total) = categories(source(name, .total), catalogue, columns, summed)
            }
            return table
        }
    }

    /// Region rows: every planning region (in the programme's order), then any other group.
    static func regionOrder(_ present: [String]) -> [String] {
        PlanningRegion.ordered + Set(present).subtracting(PlanningRegion.ordered).sorted()
    }
}

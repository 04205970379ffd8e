import Rules

/// How each shape of ``ProgrammeStatistics`` reads its rows.
extension ProgrammeStatistics {
    typealias Built = (columns: [ProgrammeTable.Column], rows: [ProgrammeTable.Row], total: ProgrammeTable.Row?)

    static let unknownLabel = LocalizedText(lv: "Nezināms", en: "Unknown")

    /// Partners with at least one plan (not deleted) in the period, per region: municipalities
    /// (for their institutions' plans) and VPII (their own), each partner once per region. A plan
    /// of an institution the directory copy does not know yet counts in no partner column.
    static func partners(_ plans: [PlanFacts]) -> Built {
        let columns: [ProgrammeTable.Column] = [
            .init("municipalities", lv: "Pašvaldības", en: "Municipalities"), .init("vpii", lv: "VPII", en: "VPII"),
            .init("partners", lv: "Kopā", en: "Total"),
        ]
        var partners: [String: [String: Set<String>]] = [:] // region → kind → partner keys
        for plan in plans where plan.status != PlanState.deleted.rawValue && plan.partnerKind != "unknown" {
            let region = plan.groups[.region]?.key ?? "unknown"
            partners[region, default: [:]][plan.partnerKind, default: []].insert(plan.groups[.partner]?.key ?? "unknown")
        }
        func cells(_ kinds: [String: Set<String>]) -> [PublishedCell] {
            let municipalities = kinds["municipality"]?.count ?? 0, vpii = kinds["vpii"]?.count ?? 0
            return [.value(Int64(municipalities)), .value(Int64(vpii)), .value(Int64(municipalities + vpii))]
        }
        let rows = regionOrder(Array(partners.keys)).map { region in
            ProgrammeTable.Row(key: region, label: regionLabel(region), cells: cells(partners[region] ?? [:]))
        }
        let all = partners.values.reduce(into: [String: Set<String>]()) { sum, kinds in
            for (kind, keys) in kinds { sum[kind, default: []].formUnion(keys) }
        }
        return (columns, rows, ProgrammeTable.Row(key: "total", label: ProgrammeTable.totalLabel, cells: cells(all)))
    }

    /// One row per region from `source` (grouped by region): a `plans` column that adds the row's
    /// categories, then one column per category in `categoryColumns`.
    static func regions(_ source: PublishedTable?, _ categoryColumns: [(category: String, column: ProgrammeTable.Column)]) -> Built {
        let columns = [plansColumn] + categoryColumns.map(\.column)
        func row(_ key: String, _ label: LocalizedText, _ lines: [PublishedRow]) -> ProgrammeTable.Row {
            let byCategory = Dictionary(lines.map { ($0.category, $0.cells.first ?? .value(0)) }, uniquingKeysWith: { first, _ in first })
            let parts = categoryColumns.map { byCategory[$0.category] ?? .value(0) }
            return ProgrammeTable.Row(key: key, label: label, cells: [PublishedCell.sum(Array(byCategory.values)).orZero] + parts)
        }
        let byRegion = Dictionary(grouping: source?.rows ?? [], by: \.group.key)
        let rows = regionOrder(Array(byRegion.keys)).map { region in row(region, regionLabel(region), byRegion[region] ?? []) }
        return (columns, rows, row("total", ProgrammeTable.totalLabel, source?.totals ?? []))
    }

    /// One row per category of `source` (grouped as one total): the catalogue's categories first
    /// (0 where absent), then the others as they come; the totals row adds the `summed` columns.
    static func categories(_ source: PublishedTable?, _ catalogue: [String], _ columns: [ProgrammeTable.Column],
                           _ summed: Set<String>) -> Built {
        let sourceRows = source?.rows ?? []
        let categoryName = source?.categoryName ?? ""
        let positions = columns.map { column in source?.columns.firstIndex(of: column.key) }
        let present = Dictionary(sourceRows.map { ($0.category, $0) }, uniquingKeysWith: { first, _ in first })
        let order = catalogue + sourceRows.map(\.category).filter { !catalogue.contains($0) }
        let rows = order.map { category in
            let cells = positions.map { position -> PublishedCell in
                guard let row = present[category] else { return .value(0) }
                return position.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil } ?? .notApplicable
            }
            return ProgrammeTable.Row(key: category, label: CategoryLabels.label(categoryName, category) ?? LocalizedText(lv: category, en: category),
                                      cells: cells)
        }
        guard !summed.isEmpty else { return (columns, rows, nil) }
        let totals = columns.enumerated().map { index, column in
            summed.contains(column.key) ? PublishedCell.sum(rows.map { $0.cells[index] }).orZero : .notApplicable
        }
        return (columns, rows, ProgrammeTable.Row(key: "total", label: ProgrammeTable.totalLabel, cells: totals))
    }

    static func regionLabel(_ key: String) -> LocalizedText {
        key == "unknown" ? unknownLabel : LocalizedText(lv: key, en: key)
    }
}

extension PublishedCell {
    /// Nothing to add is 0 (an empty region), not "not applicable".
    var orZero: PublishedCell { self == .notApplicable ? .value(0) : self }
}

/// The periods published together for one school year: its two semesters and the year itself.
public enum StatisticsPeriod: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Semester 1 (`YYYY/YYYY+1-1`).
    case firstSemester
    /// Semester 2 (`YYYY/YYYY+1-2`).
    case secondSemester
    /// The school year: both semesters together.
    case schoolYear

    /// In declaration order.
    public static func < (a: StatisticsPeriod, b: StatisticsPeriod) -> Bool { a.rawValue < b.rawValue }
}

/// One published view: a period and a grouping.
public struct StatisticsSlice: Sendable, Hashable {
    /// The period.
    public var period: StatisticsPeriod
    /// The grouping.
    public var grouping: StatisticsRequest.Grouping

    /// Creates a slice.
    public init(_ period: StatisticsPeriod, _ grouping: StatisticsRequest.Grouping) {
        self.period = period
        self.grouping = grouping
    }

    /// Every slice of a school year: 3 periods × 5 groupings.
    public static let all: [StatisticsSlice] = StatisticsPeriod.allCases.flatMap { period in
        StatisticsRequest.Grouping.allCases.map { StatisticsSlice(period, $0) }
    }
}

/// Disclosure control over the whole fixed set of published tables of a school year (issue #17
/// item 11). ``Suppression`` decides one table at a time, so a semester, the other semester and
/// the school year, or the institution and the partner grouping, could be subtracted from each
/// other to recover a hidden row. Here every figure is a *cell* — (period, table, grouping,
/// group, category), the totals row of every grouping being the one cell of the `total`
/// grouping — decided once for all views, and every exact linear relation between cells is
/// protected:
///
/// - periods: the school-year cell is the sum of its two semester cells (a plan is in exactly
///   one semester);
/// - groupings: a group's cell is the sum of the cells of the groups of any finer grouping that
///   nest in it (institutions in a partner, region or type; partners in a region when every
///   partner lies in one region; every grouping in the total);
/// - statuses: a group's status cells add up to its plans (the existing rule), and its status
///   cells but `deleted` to its plans not deleted (published in plans per region);
/// - partner kinds: a group's municipal and VPII cells add up to its plans not deleted.
///
/// Primary suppression is ``Suppression/isSmall(_:_:)`` (1–4 plans or counts). Then, until
/// nothing changes, a relation with exactly one hidden cell hides one more: its smallest shown
/// part (by plans, then a fixed order), else its total. A relation never ends with exactly one
/// hidden member, so no hidden cell equals a difference of shown ones. Missing cells are known
/// zeros and never count as hidden. Pure and deterministic.
///
/// What this does not cover (the README says so): sums over relations that are not exact
/// (regions against types, subjects that overlap), combinations of tables (the hours table
/// against the specialists), and different scopes (each scope's set is decided on its own).
public enum ConsistentSuppression {
    /// One figure row of the published set.
    public struct Cell: Sendable, Hashable, Comparable {
        /// The period.
        public var period: StatisticsPeriod
        /// The table's position in ``StatisticsBuilder/tableNames``.
        public var table: Int
        /// The grouping (`total` for every grouping's totals row).
        public var grouping: StatisticsRequest.Grouping
        /// The group key (`total` on the totals cell).
        public var group: String
        /// The category.
        public var category: String

        /// Creates a cell id.
        public init(_ period: StatisticsPeriod, _ table: Int, _ grouping: StatisticsRequest.Grouping, _ group: String, _ category: String) {
            self.period = period
            self.table = table
            self.grouping = grouping
            self.group = group
            self.category = category
        }

        /// A fixed order (for deterministic choices).
        public static func < (a: Cell, b: Cell) -> Bool {
            (a.period.rawValue, a.table, a.grouping.order, a.group, a.category)
                < (b.period.rawValue, b.table, b.grouping.order, b.group, b.category)
        }
    }

    /// `total` = the sum of `parts`; `total` nil when the sum is public (a group's plans).
    struct Relation {
        var total: Cell?
        var parts: [Cell]
        var members: [Cell] { parts + (total.map { [$0] } ?? []) }
    }

    /// The hidden cells of the published set.
    ///
    /// - Parameters:
    ///   - tables: for every slice of ``StatisticsSlice/all`` that has plans, the
    ///     ``StatisticsBuilder`` tables (same order in every slice).
    ///   - institutions: for every institution key, its group key in every grouping (which
    ///     groups nest in which).
    public static func hidden(_ tables: [StatisticsSlice: [StatisticsTable]],
                              institutions: [String: [StatisticsRequest.Grouping: String]]) -> Set<Cell> {
        var plans: [Cell: Int] = [:]
        var hidden: Set<Cell> = []
        for (slice, list) in tables {
            for (index, table) in list.enumerated() {
                for row in table.rows {
                    let cell = Cell(slice.period, index, slice.grouping, row.group.key, row.category)
                    plans[cell] = row.plans
                    if Suppression.isSmall(row, table.columns) { hidden.insert(cell) }
                }
                for row in table.totals {
                    let cell = Cell(slice.period, index, .total, StatisticsGroup.total.key, row.category)
                    plans[cell] = row.plans
                    if Suppression.isSmall(row, table.columns) { hidden.insert(cell) }
                }
            }
        }
        let partitions = Set(tables.values.flatMap { $0.enumerated().filter { $0.element.partitionsPlans }.map(\.offset) })
        var subtotals: [Int: Set<String>] = [:]
        for list in tables.values {
            for (index, table) in list.enumerated() where table.partitionsPlans && !table.publicSubtotalExcluding.isEmpty {
                subtotals[index] = table.publicSubtotalExcluding
            }
        }
        let relations = relations(cells: plans.keys.sorted(), institutions: institutions, partitionTables: partitions,
                                  publicSubtotals: subtotals)

        var byCell: [Cell: [Int]] = [:]
        for (index, relation) in relations.enumerated() {
            for cell in relation.members { byCell[cell, default: []].append(index) }
        }
        var queue = Array(relations.indices)
        var queued = Set(queue)
        var next = 0
        while next < queue.count {
            let index = queue[next]
            next += 1
            queued.remove(index)
            let relation = relations[index]
            guard relation.members.filter({ hidden.contains($0) }).count == 1 else { continue }
            let shownParts = relation.parts.filter { !hidden.contains($0) && (plans[$0] ?? 0) > 0 }
            let choice = shownParts.min { ((plans[$0] ?? 0), $0) < ((plans[$1] ?? 0), $1) }
                ?? relation.total.flatMap { hidden.contains($0) ? nil : $0 }
            guard let choice else { continue } // a lone part of a public sum: nothing left to hide
            hidden.insert(choice)
            for other in byCell[choice] ?? [] where !queued.contains(other) {
                queue.append(other)
                queued.insert(other)
            }
        }
        return hidden
    }

    /// Every exact relation between the cells (deterministic order).
    static func relations(cells: [Cell], institutions: [String: [StatisticsRequest.Grouping: String]],
                          partitionTables: Set<Int>, publicSubtotals: [Int: Set<String>] = [:]) -> [Relation] {
        let present = Set(cells)
        var relations: [Relation] = []

        // Periods: year = semester 1 + semester 2.
        for cell in cells where cell.period == .schoolYear {
            var parts: [Cell] = []
            for period in [StatisticsPeriod.firstSemester, .secondSemester] {
                var part = cell
                part.period = period
                if present.contains(part) { parts.append(part) }
            }
            relations.append(Relation(total: cell, parts: parts))
        }

        // Groupings: a coarse group = the sum of the finer groups nesting in it.
        let groupings = StatisticsRequest.Grouping.allCases
        for coarse in groupings {
            for fine in groupings where fine != coarse && fine != .total {
                guard let map = nesting(fine: fine, in: coarse, institutions: institutions) else { continue }
                struct Key: Hashable { var period: StatisticsPeriod; var table: Int; var category: String; var group: String }
                var parts: [Key: [Cell]] = [:]
                for cell in cells where cell.grouping == fine {
                    guard let group = map[cell.group] else { continue }
                    parts[Key(period: cell.period, table: cell.table, category: cell.category, group: group), default: []].append(cell)
                }
                for (key, list) in parts.sorted(by: { $0.value[0] < $1.value[0] }) {
                    let total = Cell(key.period, key.table, coarse, key.group, key.category)
                    relations.append(Relation(total: present.contains(total) ? total : nil, parts: list))
                }
            }
        }

        // Statuses split a group's plans, whose number is public elsewhere.
        struct GroupKey: Hashable { var period: StatisticsPeriod; var table: Int; var grouping: StatisticsRequest.Grouping; var group: String }
        var lines: [GroupKey: [Cell]] = [:]
        for cell in cells where partitionTables.contains(cell.table) {
            lines[GroupKey(period: cell.period, table: cell.table, grouping: cell.grouping, group: cell.group), default: []].append(cell)
        }
        for (_, line) in lines.sorted(by: { $0.value[0] < $1.value[0] }) where line.count > 1 {
            relations.append(Relation(total: nil, parts: line))
        }
        // A group's plans but some statuses (not deleted: plans per region) are published too.
        for (_, line) in lines.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard let excluded = publicSubtotals[line[0].table] else { continue }
            let kept = line.filter { !excluded.contains($0.category) }
            if kept.count > 1 && kept.count < line.count { relations.append(Relation(total: nil, parts: kept)) }
        }
        return relations
    }

    /// For each group of `fine`, the `coarse` group it lies in, when every one lies in exactly one
    /// (nil otherwise: the groupings cut across each other and no group is a sum of the other's).
    static func nesting(fine: StatisticsRequest.Grouping, in coarse: StatisticsRequest.Grouping,
                        institutions: [String: [StatisticsRequest.Grouping: String]]) -> [String: String]? {
        if coarse == .total {
            return Dictionary(institutions.values.compactMap { keys in keys[fine].map { ($0, StatisticsGroup.total.key) } },
                              uniquingKeysWith: { first, _ in first })
        }
        var map: [String: String] = [:]
        for keys in institutions.values {
            guard let fineKey = keys[fine], let coarseKey = keys[coarse] else { return nil }
            if let known = map[fineKey], known != coarseKey { return nil }
            map[fineKey] = coarseKey
        }
        return map
    }

    /// The published tables of every slice. With `suppress` false (IKVD) every figure is shown.
    public static func publish(_ tables: [StatisticsSlice: [StatisticsTable]],
                               institutions: [String: [StatisticsRequest.Grouping: String]],
                               suppress: Bool) -> [StatisticsSlice: [PublishedTable]] {
        let hidden = suppress ? hidden(tables, institutions: institutions) : []
        return tables.reduce(into: [:]) { published, entry in
            published[entry.key] = publish(entry.value, of: entry.key, hidden: hidden)
        }
    }

    /// The tables of one slice with the cells in `hidden` hidden.
    static func publish(_ tables: [StatisticsTable], of slice: StatisticsSlice, hidden: Set<Cell>) -> [PublishedTable] {
        tables.enumerated().map { index, table in
            publish(table, hiding: { row, isTotal in
                hidden.contains(Cell(slice.period, index, isTotal ? .total : slice.grouping,
                                     isTotal ? StatisticsGroup.total.key : row.group.key, row.category))
            })
        }
    }

    /// One table with the rows `isHidden` says are hidden. A hidden row of a table whose
    /// categories are free text a person typed (subjects) loses its label: the hidden rows of a
    /// group become one row ``Suppression/hiddenCategory`` at the group's end, so neither the
    /// words nor how many hidden subjects there are can be read.
    static func publish(_ table: StatisticsTable, hiding isHidden: (StatisticsTable.Row, Bool) -> Bool) -> PublishedTable {
        func cells(_ row: StatisticsTable.Row, hidden: Bool) -> [PublishedCell] {
            row.values.map { value in
                guard let value else { return .notApplicable }
                return hidden ? .suppressed : .value(value)
            }
        }
        func rows(_ source: [StatisticsTable.Row], isTotal: Bool) -> [PublishedRow] {
            var out: [PublishedRow] = []
            var pending: PublishedRow?
            for row in source {
                let hidden = isHidden(row, isTotal)
                if hidden && Suppression.freeTextCategories.contains(table.categoryName) {
                    if let current = pending, current.group != row.group { out.append(current); pending = nil }
                    let merged = cells(row, hidden: true)
                    pending = PublishedRow(group: row.group, category: Suppression.hiddenCategory,
                                           cells: pending.map { zip($0.cells, merged).map { $0 == .notApplicable ? $1 : $0 } } ?? merged)
                    continue
                }
                if let current = pending, current.group != row.group { out.append(current); pending = nil }
                out.append(PublishedRow(group: row.group, category: row.category, cells: cells(row, hidden: hidden)))
            }
            if let pending { out.append(pending) } // rows arrive grouped: the merged row ends its group
            return out
        }
        return PublishedTable(name: table.name, categoryName: table.categoryName, columns: table.columns.map(\.name),
                              rows: rows(table.rows, isTotal: false), totals: rows(table.totals, isTotal: true))
    }
}

extension StatisticsRequest.Grouping {
    /// Position in `allCases` (a fixed order for cells).
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

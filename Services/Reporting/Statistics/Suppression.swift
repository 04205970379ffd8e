import Auth

/// Statistical disclosure control for everyone outside IKVD: no figure may single out a student.
///
/// 1. Primary: a row about 1–4 plans, or with a count of plans or measures of 1–4, is hidden —
///    every figure on it (counts, minutes, cents) is shown as `<5`.
/// 2. Complementary: a hidden row must not be recoverable by subtraction. Within a table, a
///    category's totals row is the sum of its group rows, so a category with a shown total never
///    has exactly one hidden group row: the smallest other row is hidden too (or the total, when
///    there is no other row). Where categories
///    split a group's plans (statuses), a group never has exactly one hidden category either,
///    since its number of plans can be read elsewhere (the hours table). Repeated until stable.
///
/// Zero is shown as 0 (it describes nobody). This decides one table; the API publishes through
/// ``ConsistentSuppression``, which applies the same rules to a school year's whole fixed set of
/// tables (both semesters and the year, every grouping) at once, so that one request cannot be
/// differenced against another.
public enum Suppression {
    /// Figures about fewer plans than this are hidden.
    public static let threshold = 5
    /// How a hidden figure is shown.
    public static let marker = "<5"
    /// Categories that are free text a person typed (subjects): a hidden row of these shows
    /// ``hiddenCategory`` instead of the text.
    public static let freeTextCategories: Set<String> = ["subject"]
    /// The category of a group's hidden free-text rows, merged into one.
    public static let hiddenCategory = "hidden"
    /// The roles that see every figure.
    public static let unsuppressedRoles: Set<Role> = [.ikvdAdmin, .ikvdExpert]

    /// Whether figures are hidden for `role`.
    public static func applies(to role: Role) -> Bool { !unsuppressedRoles.contains(role) }

    /// Whether a row must be hidden on its own.
    static func isSmall(_ row: StatisticsTable.Row, _ columns: [StatisticsTable.Column]) -> Bool {
        if row.plans > 0 && row.plans < threshold { return true }
        return zip(columns, row.values).contains { column, value in
            guard column.isCount, let value else { return false }
            return value > 0 && value < Int64(threshold)
        }
    }

    /// The indexes of the hidden group rows and totals rows of `table`.
    public static func hidden(_ table: StatisticsTable) -> (rows: Set<Int>, totals: Set<Int>) {
        var rows = Set(table.rows.indices.filter { isSmall(table.rows[$0], table.columns) })
        var totals = Set(table.totals.indices.filter { isSmall(table.totals[$0], table.columns) })
        let byCategory = Dictionary(grouping: table.rows.indices, by: { table.rows[$0].category })
        let byGroup = Dictionary(grouping: table.rows.indices, by: { table.rows[$0].group })

        /// When exactly one row of `line` is hidden, hides the smallest other one; returns whether
        /// it did, or nil when there is no other row to hide.
        func complement(_ line: [Int]) -> Bool? {
            guard line.filter({ rows.contains($0) }).count == 1 else { return false }
            let candidate = line.filter { !rows.contains($0) && table.rows[$0].plans > 0 }
                .min { (table.rows[$0].plans, table.rows[$0].group.key, table.rows[$0].category)
                    < (table.rows[$1].plans, table.rows[$1].group.key, table.rows[$1].category) }
            guard let candidate else { return nil }
            rows.insert(candidate)
            return true
        }

        var changed = true
        while changed {
            changed = false
            for (category, line) in byCategory.sorted(by: { $0.key < $1.key }) {
                guard let total = table.totals.firstIndex(where: { $0.category == category }), !totals.contains(total) else { continue }
                switch complement(line) {
                case true?: changed = true
                case nil: totals.insert(total) // the hidden row is the whole column: its total would show it
                case false?: break
                }
            }
            if table.partitionsPlans {
                for (_, line) in byGroup.sorted(by: { $0.key < $1.key }) where complement(line) == true { changed = true }
            }
        }
        return (rows, totals)
    }

    /// The table as `role` sees it.
    public static func publish(_ table: StatisticsTable, for role: Role) -> PublishedTable {
        publish(table, suppress: applies(to: role))
    }

    /// The table with hidden rows marked (or every figure, when `suppress` is false).
    public static func publish(_ table: StatisticsTable, suppress: Bool) -> PublishedTable {
        let (hiddenRows, hiddenTotals) = suppress ? hidden(table) : ([], [])
        func cells(_ row: StatisticsTable.Row, hidden: Bool) -> [PublishedCell] {
            row.values.map { value in
                guard let value else { return .notApplicable }
                return hidden ? .suppressed : .value(value)
            }
        }
        return PublishedTable(
            name: table.name, categoryName: table.categoryName, columns: table.columns.map(\.name),
            rows: table.rows.enumerated().map { index, row in
                PublishedRow(group: row.group, category: row.category, cells: cells(row, hidden: hiddenRows.contains(index)))
            },
            totals: table.totals.enumerated().map { index, row in
                PublishedRow(group: row.group, category: row.category, cells: cells(row, hidden: hiddenTotals.contains(index)))
            })
    }
}

/// A figure as published: a number, hidden (`<5`), or not applicable (null).
public enum PublishedCell: Sendable, Hashable {
    /// The figure.
    case value(Int64)
    /// Hidden by ``Suppression``.
    case suppressed
    /// The column does not apply to the row.
    case notApplicable
}

/// A published row.
public struct PublishedRow: Sendable, Hashable {
    /// The group.
    public var group: StatisticsGroup
    /// The category.
    public var category: String
    /// One cell per column.
    public var cells: [PublishedCell]
}

/// A table as published.
public struct PublishedTable: Sendable, Hashable {
    /// Table name.
    public var name: String
    /// What the category is.
    public var categoryName: String
    /// Column names.
    public var columns: [String]
    /// Group rows.
    public var rows: [PublishedRow]
    /// Totals rows.
    public var totals: [PublishedRow]
}

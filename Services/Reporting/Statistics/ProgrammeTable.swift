import Rules

/// One of the programme's own tables (seed 001) as published: wide, as the programme printed it
/// — one row per region, risk, measure, subject or specialist, a column per figure, a totals row
/// where the rows add up. Headings are Latvian first, with English.
public struct ProgrammeTable: Sendable, Hashable {
    /// A figure column.
    public struct Column: Sendable, Hashable {
        /// Stable key (`plans`, `vpiiPlans`, …).
        public var key: String
        /// Heading.
        public var title: LocalizedText
    }

    /// One row.
    public struct Row: Sendable, Hashable {
        /// Stable key (a region name, a risk code, a subject, `hidden`, `total`).
        public var key: String
        /// What the row is.
        public var label: LocalizedText
        /// One cell per column.
        public var cells: [PublishedCell]
    }

    /// Table name, e.g. `plans_by_region`.
    public var name: String
    /// Title.
    public var title: LocalizedText
    /// Heading of the rows' label column (`Reģions / Region`).
    public var rowHeading: LocalizedText
    /// The figure columns.
    public var columns: [Column]
    /// The rows.
    public var rows: [Row]
    /// The totals row (`Kopā / Total`), nil where the rows do not add up (a plan has several risks).
    public var total: Row?

    /// The label of every totals row.
    public static let totalLabel = LocalizedText(lv: "Kopā", en: "Total")
}

extension ProgrammeTable.Column {
    /// Creates a column.
    init(_ key: String, lv: String, en: String) {
        self.key = key
        title = LocalizedText(lv: lv, en: en)
    }
}

extension PublishedCell {
    /// The sum of `cells` where every one is shown (then it tells nothing the cells do not);
    /// hidden if any is hidden; not applicable if none applies.
    static func sum(_ cells: [PublishedCell]) -> PublishedCell {
        var total: Int64 = 0
        var applies = false
        for cell in cells {
            switch cell {
            case .value(let value): total += value; applies = true
            case .suppressed: return .suppressed
            case .notApplicable: break
            }
        }
        return applies ? .value(total) : .notApplicable
    }
}

/// One table of the statistics before suppression: rows of (group, category) with the number of
/// distinct plans behind each row and its figures, plus a totals row per category.
public struct StatisticsTable: Sendable, Hashable {
    /// A column: a count of plans or measures (suppressed below the threshold), or a sum of
    /// minutes or cents (hidden with the row it is on).
    public struct Column: Sendable, Hashable {
        /// Name, e.g. `plans`, `plannedMinutes`.
        public var name: String
        /// Whether the values count plans or measures.
        public var isCount: Bool

        /// Creates a column.
        public init(_ name: String, isCount: Bool) {
            self.name = name
            self.isCount = isCount
        }
    }

    /// One row.
    public struct Row: Sendable, Hashable {
        /// The group (``StatisticsGroup/total`` on a totals row).
        public var group: StatisticsGroup
        /// Category code (a status, a risk code, a measure type, a subject, …).
        public var category: String
        /// Distinct plans behind the row.
        public var plans: Int
        /// One value per column; nil where the column does not apply (no planned money for staff pay).
        public var values: [Int64?]

        /// Creates a row.
        public init(group: StatisticsGroup, category: String, plans: Int, values: [Int64?]) {
            self.group = group
            self.category = category
            self.plans = plans
            self.values = values
        }
    }

    /// Table name, e.g. `plans_by_status`.
    public var name: String
    /// What the category is (`status`, `risk`, …).
    public var categoryName: String
    /// The columns.
    public var columns: [Column]
    /// Whether the categories split each group's plans (every plan in exactly one category), so
    /// that a group's categories add up to its number of plans.
    public var partitionsPlans: Bool
    /// Categories whose plans are left out of a second published sum of a group's plans (the
    /// statuses but `deleted`: plans per region counts the plans not deleted), so that sum is
    /// protected like the group's total. Only for a table that partitions plans.
    public var publicSubtotalExcluding: Set<String>
    /// The rows per group and category, groups in order, categories in catalogue order.
    public var rows: [Row]
    /// One row per category over every group (the group is ``StatisticsGroup/total``).
    public var totals: [Row]

    /// Creates a table.
    public init(name: String, categoryName: String, columns: [Column], partitionsPlans: Bool = false,
                publicSubtotalExcluding: Set<String> = [], rows: [Row], totals: [Row]) {
        self.name = name
        self.categoryName = categoryName
        self.columns = columns
        self.partitionsPlans = partitionsPlans
        self.publicSubtotalExcluding = publicSubtotalExcluding
        self.rows = rows
        self.totals = totals
    }
}

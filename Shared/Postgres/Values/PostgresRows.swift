/// The outcome of a statement: its rows (possibly none) and the affected row count.
public struct PostgresRows: Sendable, RandomAccessCollection {
    /// The result's column names in order.
    public let columnNames: [String]
    /// The rows, in the order the server sent them.
    public let rows: [PostgresRow]
    /// Rows inserted, updated, deleted or selected, from `PQcmdTuples` (0 when not reported).
    public let affectedRows: Int
    /// The command tag, e.g. `INSERT 0 1`.
    public let commandTag: String

    /// Creates a result from text values (used by the connection and by tests).
    public init(columnNames: [String], values: [[String?]], affectedRows: Int, commandTag: String = "") {
        let columns = PostgresColumns(names: columnNames)
        self.columnNames = columnNames
        self.rows = values.map { PostgresRow(columns: columns, values: $0) }
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// The first row's position.
    public var startIndex: Int { rows.startIndex }
    /// One past the last row's position.
    public var endIndex: Int { rows.endIndex }
    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow { rows[position] }

    /// The only row; throws `decoding` when there are none or several.
    public func single() throws(PostgresError) -> PostgresRow {
        guard rows.count == 1, let row = rows.first else {
            throw PostgresError(code: .decoding, message: "expected exactly one row, got \(rows.count)")
        }
        return row
    }
}

/// One row of a result: text values copied out of the `PGresult`, so it outlives the connection.
public struct PostgresRow: Sendable {
    let columns: PostgresColumns
    /// The row's raw text values in column order; nil is SQL NULL.
    public let values: [String?]

    /// The column names in order.
    public var columnNames: [String] { columns.names }

    /// Decodes the named column as `type`; throws `decoding` naming the column and the type.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let index = columns.index(of: column) else {
            throw PostgresError(
                code: .decoding,
                message: "column '\(column)' is not in the result (columns: \(columns.names.joined(separator: ", ")))")
        }
        return try decode(at: index, name: column, as: type)
    }

    /// Decodes the column at `index` (0-based) as `type`; throws `decoding` naming the column and the type.
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard values.indices.contains(index) else {
            throw PostgresError(
                code: .decoding, message: "column index \(index) is out of range (the row has \(values.count) columns)")
        }
        return try decode(at: index, name: columns.names[index], as: type)
    }

    private func decode<T: PostgresDecodable>(at index: Int, name: String, as type: T.Type) throws(PostgresError) -> T {
        let text = values[index]
        if let value = T(postgresText: text) { return value }
        // Never echo the value: it may be personal data.
        let reason = text == nil
            ? "is NULL (decode as \(T.self)? to accept NULL)"
            : "holds text of \(text?.utf8.count ?? 0) bytes that is not a valid \(T.self)"
        throw PostgresError(code: .decoding, message: "column '\(name)' \(reason); expected \(T.self)")
    }
}

/// Column names of a result, shared by its rows.
final class PostgresColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        // The first column wins when names repeat, as in libpq's PQfnumber.
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    func index(of name: String) -> Int? { positions[name] }
}

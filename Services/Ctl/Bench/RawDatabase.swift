import CLibPQ
import Foundation

/// The raw floor for PostgreSQL: bare libpq calls, one autocommit statement per commit.
final class RawDatabase {
    struct Failure: Error, CustomStringConvertible { var description: String }
    let connection: OpaquePointer

    init(url: String) throws {
        guard let c = PQconnectdb(url), PQstatus(c) == CONNECTION_OK else { throw Failure(description: "connect") }
        connection = c
        try exec("SET client_min_messages = warning")
    }

    deinit { PQfinish(connection) }

    /// Runs a parameterized statement (text parameters); returns the rows' first column.
    @discardableResult
    func exec(_ sql: String, _ params: [String] = []) throws -> [String] {
        var cStrings = params.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let result: OpaquePointer? = cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: params.count) { values in
                PQexecParams(connection, sql, Int32(params.count), nil, values, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw Failure(description: String(cString: PQerrorMessage(connection)))
        }
        return (0..<PQntuples(result)).map { String(cString: PQgetvalue(result, $0, 0)) }
    }
}

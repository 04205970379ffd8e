import CLibPQ
import Foundation

/// The raw floor for PostgreSQL: bare libpq calls, one autocommit statement per commit. Each
/// statement is prepared once per session, as the services' `PostgresConnection` does, so the
/// floor is not handicapped by parsing what the services no longer parse.
final class RawDatabase {
    struct Failure: Error, CustomStringConvertible { var description: String }
    let connection: OpaquePointer
    private var prepared: [String: String] = [:]

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
        var name = prepared[sql]
        if name == nil && prepared.count < 100 && !sql.contains(";") {
            let candidate = "floor_\(prepared.count + 1)"
            let made = PQprepare(connection, candidate, sql, Int32(params.count), nil)
            defer { PQclear(made) }
            guard PQresultStatus(made) == PGRES_COMMAND_OK else { throw Failure(description: String(cString: PQerrorMessage(connection))) }
            prepared[sql] = candidate
            name = candidate
        }
        let result: OpaquePointer? = cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: params.count) { values in
                if let name {
                    PQexecPrepared(connection, name, Int32(params.count), values, nil, nil, 0)
                } else {
                    PQexecParams(connection, sql, Int32(params.count), nil, values, nil, nil, 0)
                }
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

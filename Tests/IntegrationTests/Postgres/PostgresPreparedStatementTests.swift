import Foundation
import Postgres
import Testing

/// Statements are prepared once per session (`PostgresConnection.query`); these pin down what
/// must still hold: parameters differ per call, a rollback does not lose a prepared statement,
/// DDL through `executeScript` (migrations) does not leave a stale result shape behind, a failing
/// statement is not cached, and text beyond the per-session limit still runs.
@Suite("PostgreSQL prepared statements", .serialized)
struct PostgresPreparedStatementTests {
    @Test func reuseAcrossParametersRollbackDDLAndTheLimit() async throws {
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        try await pool.withConnection { connection in
            try connection.executeScript("CREATE TEMP TABLE prepared_items (id int PRIMARY KEY, name text NOT NULL)")
            let insert = "INSERT INTO prepared_items (id, name) VALUES ($1, $2)"
            for id in 1...3 { try connection.execute(insert, [id, "n\(id)"]) }
            #expect(try connection.query("SELECT name FROM prepared_items WHERE id = $1", [2]).single().decode(0, as: String.self) == "n2")
            #expect(try connection.query("SELECT name FROM prepared_items WHERE id = $1", [3]).single().decode(0, as: String.self) == "n3")

            // Prepared inside a transaction that rolls back: still usable afterwards.
            try connection.execute("BEGIN")
            try connection.execute("UPDATE prepared_items SET name = $1 WHERE id = $2", ["rolled back", 1])
            try connection.execute("ROLLBACK")
            #expect(try connection.execute("UPDATE prepared_items SET name = $1 WHERE id = $2", ["kept", 1]) == 1)

            // A table changes shape through a script: `SELECT *` answers with the new shape.
            #expect(try connection.query("SELECT * FROM prepared_items WHERE id = $1", [1]).columnNames == ["id", "name"])
            try connection.executeScript("ALTER TABLE prepared_items ADD COLUMN note text")
            #expect(try connection.query("SELECT * FROM prepared_items WHERE id = $1", [1]).columnNames == ["id", "name", "note"])

            // A statement that fails to prepare is not remembered: fixing the table makes it work.
            let later = "SELECT count(*) FROM prepared_later WHERE id > $1"
            #expect(throws: PostgresError.self) { try connection.query(later, [0]) }
            try connection.executeScript("CREATE TEMP TABLE prepared_later (id int)")
            #expect(try connection.query(later, [0]).single().decode(0, as: Int.self) == 0)

            // More distinct texts than the cache keeps: they still run (unprepared).
            for index in 0..<350 {
                #expect(try connection.query("SELECT $1::int + \(index)", [1]).single().decode(0, as: Int.self) == index + 1)
            }
            try connection.executeScript("DROP TABLE prepared_items; DROP TABLE prepared_later")
        }
        await pool.shutdown()
    }

    /// A transaction's `BEGIN` and `COMMIT` must not drop the session's prepared statements (they
    /// once did: every transaction prepared its statements again, two extra round trips each).
    @Test func transactionsKeepPreparedStatements() async throws {
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        try await pool.withConnection { connection in
            let probe = "SELECT $1::int + 40 AS answer"
            let lookup = "SELECT name, prepare_time::text AS at FROM pg_prepared_statements WHERE statement = $1"
            #expect(try connection.transaction { try $0.query(probe, [2]).single().decode("answer", as: Int.self) } == 42)
            let first = try connection.query(lookup, [probe])
            #expect(first.count == 1, "prepared once, still there after COMMIT")
            for value in 3...5 {
                _ = try connection.transaction { try $0.query(probe, [value]) }
            }
            #expect(throws: PostgresError.self) {
                try connection.transaction { connection -> Void in
                    _ = try connection.query(probe, [6])
                    throw PostgresError(code: .queryFailed, message: "roll back")
                }
            }
            let later = try connection.query(lookup, [probe])
            #expect(later.count == 1)
            #expect(try later.first?.decode("name", as: String.self) == (try first.first?.decode("name", as: String.self)))
            #expect(try later.first?.decode("at", as: String.self) == (try first.first?.decode("at", as: String.self)),
                    "the same preparation, not a new one after each transaction")
        }
        await pool.shutdown()
    }
}

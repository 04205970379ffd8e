import Foundation
import Postgres
import Testing

/// A transaction's `BEGIN` travels with its first statement (libpq pipeline mode). What must
/// hold: the first statement runs inside the transaction, at the requested isolation level; a
/// failing first statement leaves nothing behind and the connection usable; a body without
/// statements commits nothing and leaves no transaction open.
@Suite("PostgreSQL: BEGIN rides with the first statement", .serialized)
struct PostgresPipelinedBeginTests {
    @Test func firstStatementIsInsideTheTransaction() async throws {
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        try await pool.withConnection { connection in
            try connection.executeScript("CREATE TEMP TABLE pipelined (id int PRIMARY KEY)")
            // The requested level applies to the very first statement.
            let level = try connection.transaction(isolation: .serializable) {
                try $0.query("SELECT current_setting('transaction_isolation') AS level").single().decode("level", as: String.self)
            }
            #expect(level == "serializable")
            // The first statement's row goes when the body throws afterwards.
            struct Abandon: Error {}
            #expect(throws: Abandon.self) {
                try connection.transaction { connection -> Void in
                    try connection.execute("INSERT INTO pipelined (id) VALUES ($1)", [1])
                    throw Abandon()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM pipelined").single().decode("n", as: Int.self) == 0)
            #expect(!connection.isInTransaction)

            // A first statement that fails: an error, nothing kept, the connection fine.
            try connection.execute("INSERT INTO pipelined (id) VALUES ($1)", [2])
            #expect(throws: PostgresError.self) {
                try connection.transaction { connection -> Void in
                    try connection.execute("INSERT INTO pipelined (id) VALUES ($1)", [2])
                }
            }
            #expect(!connection.isInTransaction)
            let committed = try connection.transaction { connection -> Int in
                try connection.execute("INSERT INTO pipelined (id) VALUES ($1)", [3])
                return try connection.query("SELECT count(*) AS n FROM pipelined").single().decode("n", as: Int.self)
            }
            #expect(committed == 2)

            // No statement: nothing sent, nothing open.
            #expect(try connection.transaction { _ in 7 } == 7)
            #expect(!connection.isInTransaction)
            // The next transaction's BEGIN is sent again: its rolled-back row is gone too.
            #expect(throws: Abandon.self) {
                try connection.transaction { connection -> Void in
                    try connection.execute("INSERT INTO pipelined (id) VALUES ($1)", [9])
                    throw Abandon()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM pipelined WHERE id = 9").single().decode("n", as: Int.self) == 0)
            try connection.executeScript("DROP TABLE pipelined")
        }
        await pool.shutdown()
    }
}

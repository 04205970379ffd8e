import Foundation
import Postgres
import Testing

/// `memoized` remembers a read for the rest of its transaction only: never outside one, never
/// into the next, and not past a `forget` (a transaction reads its own writes).
@Suite("PostgreSQL: reads remembered for one transaction", .serialized)
struct PostgresTransactionMemoTests {
    final class Count: @unchecked Sendable { var value = 0 }

    @Test func remembersWithinOneTransactionOnly() async throws {
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        try await pool.withConnection { connection in
            try connection.executeScript("CREATE TEMP TABLE memo_source (id int PRIMARY KEY, name text NOT NULL); INSERT INTO memo_source VALUES (1, 'pirmā')")
            let reads = Count()
            func name(_ id: Int) throws -> String? {
                try connection.memoized("memo_source:\(id)") {
                    reads.value += 1
                    return try connection.query("SELECT name FROM memo_source WHERE id = $1", [id]).first.map { try $0.decode("name", as: String.self) }
                }
            }
            // Outside a transaction: every call reads.
            #expect(try name(1) == "pirmā")
            #expect(try name(1) == "pirmā")
            #expect(reads.value == 2)

            // Inside: one read per key, a remembered "none" included; a forget reads again and sees the write.
            try connection.transaction { connection in
                #expect(try name(1) == "pirmā")
                #expect(try name(1) == "pirmā")
                #expect(try name(2) == nil)
                #expect(try name(2) == nil)
                #expect(reads.value == 4)
                try connection.execute("UPDATE memo_source SET name = 'otrā' WHERE id = $1", [1])
                connection.forget("memo_source:1")
                #expect(try name(1) == "otrā")
                #expect(reads.value == 5)
            }
            // The next transaction starts empty, and so does one after a rollback.
            let next = try connection.transaction { _ in try name(1) }
            #expect(next == "otrā")
            #expect(reads.value == 6)
            struct Abandon: Error {}
            #expect(throws: Abandon.self) {
                try connection.transaction { _ -> Void in
                    _ = try name(1)
                    throw Abandon()
                }
            }
            try connection.transaction { _ in _ = try name(1) }
            #expect(reads.value == 8)
        }
        await pool.shutdown()
    }
}

import Foundation
import Logging
import Postgres
import Testing

/// Makes two transaction bodies wait for each other once, so both read before either writes.
private final class Rendezvous: @unchecked Sendable {
    // @unchecked: `arrivals` is only read and written under `lock`.
    private let lock = NSLock()
    private var arrivals = 0

    /// Waits (on the connection's thread, never the cooperative pool) until two parties arrived.
    func arriveAndWait(timeout: Duration) {
        lock.withLock { arrivals += 1 }
        let deadline = ContinuousClock.now + timeout
        while lock.withLock({ arrivals }) < 2 && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
    }
}

/// Counts transaction-body runs across threads.
private final class Attempts: @unchecked Sendable {
    // @unchecked: `value` is only read and written under `lock`.
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

private struct DeliberateFailure: Error {}

@Suite("PostgreSQL transactions", .serialized)
struct PostgresTransactionTests {
    private static func withSchema<T>(
        _ body: (PostgresPool) async throws -> T
    ) async throws -> T {
        let schema = PostgresTestDatabase.uniqueName("tx")
        let admin = try PostgresTestDatabase.adminPool(poolSize: 2)
        _ = try await Migrator.migrate(pool: admin, schema: schema, migrations: [
            Migration(version: 1, name: "shifts", sql: """
                CREATE TABLE shifts (doctor text NOT NULL, on_call bool NOT NULL);
                CREATE TABLE ledger (id int PRIMARY KEY, amount_cents int8 NOT NULL);
                """)
        ])
        let pool = try PostgresTestDatabase.adminPool(poolSize: 4, schema: schema)
        do {
            let value = try await body(pool)
            await pool.shutdown()
            await PostgresTestDatabase.dropSchema(schema, pool: admin)
            await admin.shutdown()
            return value
        } catch {
            await pool.shutdown()
            await PostgresTestDatabase.dropSchema(schema, pool: admin)
            await admin.shutdown()
            throw error
        }
    }

    /// One serializable transaction of the write-skew pair: read one doctor, write the other.
    private static func shift(
        _ pool: PostgresPool, reads: String, writes: String, _ rendezvous: Rendezvous, _ attempts: Attempts,
        maxAttempts: Int
    ) async throws -> Int {
        try await pool.withTransaction(isolation: .serializable, maxAttempts: maxAttempts) { connection in
            attempts.increment()
            let seen = try connection.query("SELECT count(*) FROM shifts WHERE doctor = $1", [reads])
                .single().decode(0, as: Int.self)
            rendezvous.arriveAndWait(timeout: .seconds(3))
            try connection.execute("INSERT INTO shifts (doctor, on_call) VALUES ($1, $2)", [writes, true])
            return seen
        }
    }

    /// Runs one transaction of the pair without retries and returns its error, if any.
    private static func failure(
        of pool: PostgresPool, reads: String, writes: String, _ rendezvous: Rendezvous, _ attempts: Attempts
    ) async -> PostgresError? {
        do {
            _ = try await shift(pool, reads: reads, writes: writes, rendezvous, attempts, maxAttempts: 1)
            return nil
        } catch {
            return error as? PostgresError ?? PostgresError(code: .misuse, message: "unexpected \(error)")
        }
    }

    @Test func failedTransactionLeavesNothingHalfWritten() async throws {
        try await Self.withSchema { pool in
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO ledger (id, amount_cents) VALUES ($1, $2)", [1, 100])
                    try connection.execute("INSERT INTO ledger (id, amount_cents) VALUES ($1, $2)", [2, 200])
                    try connection.execute("INSERT INTO ledger (id, amount_cents) VALUES ($1, $2)", [1, 300])
                }
            }
            #expect(error?.isUniqueViolation == true)
            await #expect(throws: DeliberateFailure.self) {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO ledger (id, amount_cents) VALUES ($1, $2)", [3, 100])
                    throw DeliberateFailure()
                }
            }
            let swallowed = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO ledger (id, amount_cents) VALUES ($1, $2)", [4, 100])
                    _ = try? connection.execute("SELECT 1 / 0")
                }
            }
            #expect(swallowed?.code == .queryFailed)
            let count = try await pool.withConnection {
                try $0.query("SELECT count(*) FROM ledger").single().decode(0, as: Int.self)
            }
            #expect(count == 0)
            let committed = try await pool.withTransaction(isolation: .repeatableRead) { connection in
                try connection.execute("INSERT INTO ledger (id, amount_cents) VALUES ($1, $2)", [5, 500])
            }
            #expect(committed == 1)
        }
    }

    @Test func serializationFailureRetriesTheWholeBody() async throws {
        try await Self.withSchema { pool in
            // Write skew: each transaction reads what the other writes; SERIALIZABLE aborts one (40001).
            let rendezvous = Rendezvous()
            let attempts = Attempts()
            async let first = Self.shift(pool, reads: "alice", writes: "bob", rendezvous, attempts, maxAttempts: 5)
            async let second = Self.shift(pool, reads: "bob", writes: "alice", rendezvous, attempts, maxAttempts: 5)
            let seen = try await [first, second]
            #expect(attempts.count >= 3, "one transaction must have been retried")
            #expect(seen.sorted() == [0, 1], "the retried body saw the other's committed row")
            let rows = try await pool.withConnection {
                try $0.query("SELECT count(*) FROM shifts").single().decode(0, as: Int.self)
            }
            #expect(rows == 2)
        }
    }

    @Test func serializationFailureSurfacesWhenRetriesAreExhausted() async throws {
        try await Self.withSchema { pool in
            let rendezvous = Rendezvous()
            let attempts = Attempts()
            async let first = Self.failure(of: pool, reads: "carol", writes: "dave", rendezvous, attempts)
            async let second = Self.failure(of: pool, reads: "dave", writes: "carol", rendezvous, attempts)
            let errors = await [first, second].compactMap { $0 }
            #expect(errors.count == 1)
            #expect(errors.first?.isSerializationFailure == true)
        }
    }
}

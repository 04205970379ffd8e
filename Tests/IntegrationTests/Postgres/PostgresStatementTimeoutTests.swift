import Foundation
import Logging
import Postgres
import Testing

/// A statement that runs past the configured `statement_timeout` is cancelled by the server
/// (SQLSTATE 57014, `query_canceled`) and the session it ran on stays usable (issue #17, item 10).
@Suite("PostgreSQL statement timeout")
struct PostgresStatementTimeoutTests {
    @Test func aStatementBeyondTheTimeoutIsCancelledAndTheConnectionStaysUsable() async throws {
        var configuration = try PostgresTestDatabase.adminConfiguration(poolSize: 1)
        configuration.statementTimeout = .milliseconds(300)
        let pool = PostgresPool(configuration: configuration, logger: PostgresTestDatabase.logger)
        let before = try await pool.withConnection { try $0.query("SELECT pg_backend_pid()").single().decode(0, as: Int32.self) }
        let started = ContinuousClock.now
        var caught: PostgresError?
        do {
            try await pool.withConnection { _ = try $0.query("SELECT pg_sleep(3)") }
        } catch let error as PostgresError {
            caught = error
        }
        #expect(caught?.sqlState == "57014", "pg_sleep(3) should have been cancelled, got \(String(describing: caught))")
        #expect(ContinuousClock.now - started < .seconds(2))
        // The same session (one pooled connection) answers the next statement.
        let after = try await pool.withConnection { try $0.query("SELECT pg_backend_pid()").single().decode(0, as: Int32.self) }
        #expect(after == before)
        let shown = try await pool.withConnection { try $0.query("SHOW statement_timeout").single().decode(0, as: String.self) }
        #expect(shown == "300ms")
        await pool.shutdown()
    }

    @Test func migrationsAreNotBoundByTheStatementTimeout() async throws {
        let schema = PostgresTestDatabase.uniqueName("st")
        var configuration = try PostgresTestDatabase.adminConfiguration(poolSize: 1)
        configuration.statementTimeout = .milliseconds(200)
        let pool = PostgresPool(configuration: configuration, logger: PostgresTestDatabase.logger)
        let applied = try await Migrator.migrate(pool: pool, schema: schema, migrations: [
            Migration(version: 1, name: "slow", sql: "SELECT pg_sleep(0.5); CREATE TABLE t (x int)"),
        ])
        #expect(applied.count == 1)
        // Afterwards the session is back on the configured timeout.
        let shown = try await pool.withConnection { try $0.query("SHOW statement_timeout").single().decode(0, as: String.self) }
        #expect(shown == "200ms")
        await PostgresTestDatabase.dropSchema(schema, pool: pool)
        await pool.shutdown()
    }
}

import Foundation
import Logging
import Postgres

/// Shared set-up for the PostgreSQL integration tests: the admin URL, pools and unique names.
///
/// Every test creates its own schemas, roles and channels with a random suffix, so runs (and
/// suites running in parallel) never collide. An unreachable server makes the tests fail.
enum PostgresTestDatabase {
    /// `PUMPURS_DATABASE_ADMIN_URL`, or the local default that `deploy/local/infra up` creates.
    static var adminURL: String {
        ProcessInfo.processInfo.environment["PUMPURS_DATABASE_ADMIN_URL"]
            ?? "postgres://pumpurs_admin:pumpurs_admin@127.0.0.1:5432/pumpurs"
    }

    /// A logger for the client under test.
    static let logger = Logger(label: "pumpurs.postgres.integration-tests")

    /// The admin configuration with the given pool size and optional schema.
    static func adminConfiguration(poolSize: Int = 4, schema: String? = nil) throws -> PostgresConfiguration {
        try PostgresConfiguration(url: adminURL, schema: schema, poolSize: poolSize)
    }

    /// A pool logged in as the admin role.
    static func adminPool(poolSize: Int = 4, schema: String? = nil) throws -> PostgresPool {
        PostgresPool(configuration: try adminConfiguration(poolSize: poolSize, schema: schema), logger: logger)
    }

    /// The admin configuration, logged in as `user` with `password` instead.
    static func configuration(user: String, password: String, schema: String?) throws -> PostgresConfiguration {
        var configuration = try adminConfiguration(poolSize: 2, schema: schema)
        configuration.user = user
        configuration.password = password
        return configuration
    }

    /// A name like `prefix_k3j9x2ab`, valid as schema, role and channel name.
    static func uniqueName(_ prefix: String) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return prefix + "_" + String((0..<8).map { _ in letters.randomElement() ?? "x" })
    }

    /// Drops a schema created by a test (best effort; cleanup must not hide the real failure).
    static func dropSchema(_ schema: String, pool: PostgresPool) async {
        _ = try? await pool.withConnection { connection in
            let statement = try connection.query("SELECT format('DROP SCHEMA IF EXISTS %I CASCADE', $1::text)", [schema])
                .single().decode(0, as: String.self)
            try connection.executeScript(statement)
        }
    }

    /// Drops a provisioned service's schema and role (best effort).
    static func dropService(_ service: String, pool: PostgresPool) async {
        await dropSchema(service, pool: pool)
        _ = try? await pool.withConnection { connection in
            let statement = try connection.query("SELECT format('DROP ROLE IF EXISTS %I', $1::text)", [service])
                .single().decode(0, as: String.self)
            try connection.executeScript(statement)
        }
    }

    /// Terminates a backend from another session, as an operator or a crash would.
    static func terminate(pid: Int32, using pool: PostgresPool) async throws {
        let terminated = try await pool.withConnection { connection in
            try connection.query("SELECT pg_terminate_backend($1::int4)", [pid]).single().decode(0, as: Bool.self)
        }
        guard terminated else { throw PostgresError(code: .queryFailed, message: "backend \(pid) was not terminated") }
    }
}

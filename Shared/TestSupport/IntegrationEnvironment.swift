import AMQP
import Foundation
import Logging
import Postgres
import ServiceKit

/// What integration tests connect to: the servers `deploy/local/test` started (URLs from the
/// environment, localhost defaults). Tests fail, never skip, when the servers are missing.
public enum IntegrationEnvironment {
    /// Admin database URL (CREATEROLE).
    public static var adminDatabaseURL: String {
        ProcessInfo.processInfo.environment["PUMPURS_DATABASE_ADMIN_URL"] ?? "postgres://pumpurs_admin:pumpurs_admin@127.0.0.1:5432/pumpurs"
    }

    /// Broker URL.
    public static func amqpURL() throws -> AMQPURL {
        var url = try AMQPURL(parsing: ProcessInfo.processInfo.environment["PUMPURS_AMQP_URL"] ?? "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs")
        url.heartbeatSeconds = 10
        return url
    }

    /// `deploy/local/infra` (for broker kills and restarts).
    public static var infraScript: String {
        ProcessInfo.processInfo.environment["PUMPURS_INFRA"] ?? repositoryRoot + "/deploy/local/infra"
    }

    /// The repository root (from this file's location).
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// A logger for tests (warnings and up, unless `PUMPURS_TEST_LOG_LEVEL` says otherwise).
    public static var logger: Logger {
        var logger = Logger(label: "pumpurs.test")
        logger.logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["PUMPURS_TEST_LOG_LEVEL"] ?? "warning") ?? .warning
        return logger
    }

    /// A fresh, unique service name so runs never collide (`t_<tag>_<random>`).
    public static func uniqueServiceName(_ tag: String) -> String {
        "t_\(tag)_\(UInt32.random(in: 0...UInt32.max).description)"
    }

    /// Provisions role + schema `service` and applies the kit migrations plus `migrations` as that
    /// role; returns the service's pool.
    public static func provisionService(_ service: String, migrations: [Migration] = [], poolSize: Int = 4) async throws -> PostgresPool {
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: adminDatabaseURL, poolSize: 1), logger: logger)
        try await SchemaProvisioner.provision(adminPool: admin, service: service, password: service)
        await admin.shutdown()
        var configuration = try PostgresConfiguration(url: adminDatabaseURL, schema: service, poolSize: poolSize)
        configuration.user = service
        configuration.password = service
        let pool = PostgresPool(configuration: configuration, logger: logger)
        _ = try await Migrator.migrate(pool: pool, schema: service, migrations: KitMigrations.with(migrations))
        return pool
    }

    /// Runs a command and returns its exit status and combined output.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Polls `condition` until true or `timeout`; returns whether it became true.
    public static func eventually(timeout: Duration, every interval: Duration = .milliseconds(100),
                                  _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: interval)
        }
        return try await condition()
    }
}

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

    /// The tests' services all log in to the broker as this one user (the `PUMPURS_AMQP_URL`
    /// login), so their consumers trust it for every producer (`PUMPURS_AMQP_SHARED_USER`,
    /// `ProducerCheck.sharedLogin`); production gives each service its own user and is strict.
    public static var sharedBrokerUser: String {
        (try? amqpURL().user) ?? "pumpurs"
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

    /// Runs a command on its own thread and returns its exit status and combined output.
    ///
    /// `posix_spawn` + `waitpid`, not Foundation's `Process`: a daemon the command starts (the
    /// broker) inherits descriptors and outlives it, which made `Process` miss the child's exit.
    /// Output goes to a temporary file for the same reason (a pipe would never reach EOF).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try spawnAndWait(executable, arguments) }) }
            thread.name = "test-subprocess"
            thread.start()
        }
    }

    private static func spawnAndWait(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-run-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): errno \(spawned)"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
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

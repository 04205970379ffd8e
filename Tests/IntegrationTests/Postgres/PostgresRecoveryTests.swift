import Foundation
import Logging
import Postgres
import Testing

@Suite("PostgreSQL notifications and recovery", .serialized)
struct PostgresRecoveryTests {
    private static func backendPID(_ pool: PostgresPool) async throws -> Int32 {
        try await pool.withConnection { try $0.query("SELECT pg_backend_pid()").single().decode(0, as: Int32.self) }
    }

    @Test func listenNotifyDeliversAndSurvivesATerminatedBackend() async throws {
        let channel = PostgresTestDatabase.uniqueName("ch")
        let application = PostgresTestDatabase.uniqueName("listener")
        var configuration = try PostgresTestDatabase.adminConfiguration()
        configuration.applicationName = application
        let listener = PostgresListener(configuration: configuration, logger: PostgresTestDatabase.logger)
        let pool = try PostgresTestDatabase.adminPool(poolSize: 2)
        try await listener.listen(channel)

        let quiet = try await listener.waitForNotification(timeout: .milliseconds(100))
        #expect(quiet.isEmpty)
        try await pool.withConnection { try $0.notify(channel: channel, payload: "plan-1") }
        let first = try await listener.waitForNotification(timeout: .seconds(5))
        #expect(first.map(\.payload) == ["plan-1"])
        #expect(first.first?.channel == channel)

        // Kill the listening backend; the listener reconnects and LISTENs again.
        try await pool.withConnection { connection in
            try connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [application])
        }
        var delivered: [PostgresNotification] = []
        for attempt in 0..<20 where delivered.isEmpty {
            _ = attempt
            do {
                delivered = try await listener.waitForNotification(timeout: .milliseconds(200))
                if delivered.isEmpty {
                    try await pool.withConnection { try $0.notify(channel: channel, payload: "plan-2") }
                }
            } catch let error as PostgresError where error.isConnectionLost {
                continue
            }
        }
        #expect(delivered.first?.payload == "plan-2")
        await listener.close()
        await pool.shutdown()
    }

    @Test func poolReplacesAConnectionTerminatedWhileIdle() async throws {
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        let admin = try PostgresTestDatabase.adminPool(poolSize: 1)
        let before = try await Self.backendPID(pool)
        try await PostgresTestDatabase.terminate(pid: before, using: admin)
        try await Task.sleep(for: .milliseconds(100))
        let after = try await Self.backendPID(pool)
        #expect(after != before)
        #expect(pool.statistics.open == 1)
        await pool.shutdown()
        await admin.shutdown()
    }

    @Test func statementOnATerminatedConnectionFailsAsLostThenThePoolRecovers() async throws {
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        let admin = try PostgresTestDatabase.adminPool(poolSize: 1)
        let pid = try await Self.backendPID(pool)
        let sleeper = Task { try await pool.withConnection { try $0.execute("SELECT pg_sleep(10)") } }
        try await Task.sleep(for: .milliseconds(300))
        try await PostgresTestDatabase.terminate(pid: pid, using: admin)
        let lost = await #expect(throws: PostgresError.self) { try await sleeper.value }
        #expect(lost?.isConnectionLost == true)
        let again = try await pool.withTransaction { try $0.query("SELECT 1").single().decode(0, as: Int.self) }
        #expect(again == 1)
        #expect(pool.statistics.open == 1)
        await pool.shutdown()
        await admin.shutdown()
    }

    @Test func waitersTimeOutWithAClearError() async throws {
        var configuration = try PostgresTestDatabase.adminConfiguration(poolSize: 1)
        configuration.poolTimeout = .milliseconds(200)
        let pool = PostgresPool(configuration: configuration, logger: PostgresTestDatabase.logger)
        async let holder: Void = pool.withConnection { try $0.execute("SELECT pg_sleep(1)") }
        try await Task.sleep(for: .milliseconds(200))
        let timeout = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("SELECT 1") }
        }
        #expect(timeout?.code == .poolTimeout)
        try await holder
        #expect(try await pool.withConnection { try $0.execute("SELECT 1") } == 1)
        await pool.shutdown()
        let closed = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("SELECT 1") }
        }
        #expect(closed?.code == .poolShutdown)
    }
}

import AMQP
import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Postgres
import Prometheus
import ServiceLifecycle
import ServiceKit
import TestSupport
import Testing

/// The whole service composition: migrations at start, ops HTTP endpoints, relay and consumer
/// in one ServiceGroup, against the real servers; cancellation drains it.
@Suite("Service host against real RabbitMQ + PostgreSQL", .serialized)
struct ServiceHostIntegrationTests {
    @Test("a hosted service migrates, answers health and metrics, relays and consumes its events, and stops")
    func hostedServiceLifecycle() async throws {
        let service = IntegrationEnvironment.uniqueServiceName("host")
        // Provision the role and schema only; the host itself applies the migrations.
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL, poolSize: 1),
                                 logger: IntegrationEnvironment.logger)
        try await SchemaProvisioner.provision(adminPool: admin, service: service, password: service)
        await admin.shutdown()
        var database = try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL)
        database.user = service
        database.password = service
        let port = Int.random(in: 20_000...29_999)
        let amqp = try IntegrationEnvironment.amqpURL()
        let environment = [
            "PUMPURS_DATABASE_URL": "postgres://\(service):\(service)@\(database.urlHost):\(database.port)/\(database.database)",
            "PUMPURS_AMQP_URL": ProcessInfo.processInfo.environment["PUMPURS_AMQP_URL"] ?? "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs",
            "PUMPURS_AMQP_SHARED_USER": IntegrationEnvironment.sharedBrokerUser,
            "PUMPURS_HTTP_PORT": "\(port)",
            "PUMPURS_RELAY_POLL_MS": "200",
        ]
        var handlers = EventHandlers()
        handlers.on(TestPing.self) { envelope, context in
            try context.connection.execute("INSERT INTO received (seq) VALUES ($1)", [envelope.data.seq])
        }
        let definition = ServiceDefinition(name: service, defaultPort: port, migrations: [
            Migration(version: 100, name: "received", sql: "CREATE TABLE received (seq integer NOT NULL)"),
        ], handlers: handlers)
        let configuration = try ServiceConfiguration(service: service, defaultPort: port, environment: environment)
        let group = try await ServiceHost.build(definition, configuration: configuration, registry: PrometheusCollectorRegistry(),
                                                logger: IntegrationEnvironment.logger)
        let running = Task { try await group.run() }

        let base = "http://127.0.0.1:\(port)"
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { await Self.status("\(base)/health/ready") == 200 })
        #expect(await Self.status("\(base)/health/live") == 200)
        #expect(await Self.status("\(base)/metrics") == 200)
        #expect(await Self.status("\(base)/no-such-route") == 404)

        // An event written through this service's outbox reaches its own consumer.
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: definition.migrations)
        let writer = OutboxWriter(producer: service, correlationId: UUID())
        try await pool.withTransaction { try writer.enqueue(TestPing(seq: 42), on: $0) }
        let consumed = try await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            try await pool.withConnection { try $0.query("SELECT count(*) AS n FROM received WHERE seq = 42").single().decode("n", as: Int.self) } == 1
        }
        #expect(consumed)

        running.cancel()
        _ = await running.result
        #expect(await Self.status("\(base)/health/live") == nil, "the HTTP server stopped")
        await pool.shutdown()
        try? await AMQPAdmin(url: amqp).delete(queue: AMQPTopology.eventQueue(for: service))
        try? await AMQPAdmin(url: amqp).delete(queue: AMQPTopology.deadLetterQueue(for: service))
    }

    @Test("a service with periodic work drains on SIGTERM-style graceful shutdown and ends without an error")
    func periodicWorkEndsCleanly() async throws {
        let runs = Tally()
        // Like approval's reminder sweep and the daily digest: a run, then a long pause.
        let hosted = try await HostedService.start(tag: "tick") { service, port in
            ServiceDefinition(name: service, defaultPort: port, periodic: [
                PeriodicWork(name: "tick", interval: .seconds(3600)) { _ in runs.add("runs") },
            ])
        }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(10)) { runs.get("runs") == 1 })
        // Before the fix the pause threw CancellationError, the group failed with it and the
        // process ended with "Fatal error: Error raised at top level".
        await #expect(throws: Never.self) { try await hosted.stopGracefully() }
        #expect(await Self.status("http://127.0.0.1:\(hosted.port)/health/live") == nil, "the HTTP server stopped")
    }

    /// HTTP status of a GET, or nil when nothing answers.
    static func status(_ url: String) async -> Int? {
        guard let url = URL(string: url) else { return nil }
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return nil }
        return (response as? HTTPURLResponse)?.statusCode
    }
}

import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit

/// The kit pipeline: business transactions write events through `OutboxWriter`; the
/// `OutboxRelay` publishes them with confirms; a `ConsumerRunner` handles each in a transaction
/// with the inbox and acks after commit. Returns events/s end to end.
enum KitPipeline {
    static let service = "bench_kit"

    static func run(count: Int, batch: Int, env: CtlEnvironment, amqp: AMQPURL, logger: Logger) async throws -> Double {
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: env.adminDatabaseURL, poolSize: 1), logger: logger)
        try await SchemaProvisioner.provision(adminPool: admin, service: service, password: service)
        await admin.shutdown()
        var configuration = try PostgresConfiguration(url: env.adminDatabaseURL, schema: service, poolSize: 4)
        configuration.user = service
        configuration.password = service
        let pool = PostgresPool(configuration: configuration, logger: logger)
        defer { Task { await pool.shutdown() } }
        _ = try await Migrator.migrate(pool: pool, schema: service, migrations: KitMigrations.with([]))
        try await pool.withConnection { connection in
            try connection.execute("TRUNCATE outbox, inbox")
        }
        let topology = AMQPTopology.service(service, consuming: [BenchEvent.eventType.rawValue], deliveryLimit: 5)
        let admin2 = AMQPAdmin(url: amqp)
        try await admin2.declare(topology)
        try await admin2.purge(queue: AMQPTopology.eventQueue(for: service))

        let publisher = AMQPPublisher(url: amqp, logger: logger)
        try await publisher.connect()
        let relay = OutboxRelay(service: service, pool: pool, publisher: publisher, batchSize: batch, logger: logger)
        var handlers = EventHandlers()
        handlers.on(BenchEvent.self) { _, _ in }
        let consumer = AMQPConsumer(url: amqp, queue: AMQPTopology.eventQueue(for: service), prefetch: 256,
                                    topology: topology, logger: logger)
        // The bench's own event type has no catalogue producer: its one login publishes and consumes.
        let runner = ConsumerRunner(service: service, consumer: consumer, pool: pool, handlers: handlers,
                                    producers: .sharedLogin(amqp.user), logger: logger)
        let institution = UUID.timeOrdered()

        let start = ContinuousClock.now
        for i in 0..<count {
            let writer = OutboxWriter(producer: service, correlationId: UUID.timeOrdered())
            let event = BenchEvent(seq: i, plan: PlanReference(planId: UUID.timeOrdered(), revision: 1, studentCode: "S-7K2M9Q4XTB",
                                                               institutionId: institution, semester: "2025/2026-1"))
            try await pool.withTransaction { connection in
                try writer.enqueue(event, on: connection)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await consumer.run { await runner.handle($0) } }
            group.addTask {
                while try await relay.drain().published > 0 {}
            }
            while true {
                let processed = try await pool.withConnection { try $0.query("SELECT count(*) AS n FROM inbox").single().decode("n", as: Int.self) }
                if processed >= count { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            group.cancelAll()
        }
        let elapsed = ContinuousClock.now - start
        await publisher.shutdown()
        return Double(count) / elapsed.secondsValue
    }
}

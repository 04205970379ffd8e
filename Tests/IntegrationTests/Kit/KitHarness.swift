import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit
import TestSupport

/// One test service: its own schema/role, queue topology, publisher, relay and consumer runner,
/// and a `received` table the handler writes to. `stop()` cancels and deletes the queues.
struct KitHarness {
    let service: String
    let pool: PostgresPool
    let amqp: AMQPURL
    let publisher: AMQPPublisher
    let relay: OutboxRelay
    let topology: AMQPTopology
    let logger: Logger

    static func make(_ tag: String, deliveryLimit: Int = 5) async throws -> KitHarness {
        let service = IntegrationEnvironment.uniqueServiceName(tag)
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: [
            Migration(version: 100, name: "received", sql: "CREATE TABLE received (seq integer NOT NULL, at timestamptz NOT NULL DEFAULT now())"),
        ])
        let amqp = try IntegrationEnvironment.amqpURL()
        let logger = IntegrationEnvironment.logger
        let topology = AMQPTopology.service(service, consuming: [TestPing.eventType.rawValue], deliveryLimit: deliveryLimit)
        try await AMQPAdmin(url: amqp).declare(topology)
        // 15 s: under the full suite's load on 2 cores a 5 s confirm wait was seen to expire (the tests here are about routing, not latency).
        let publisher = AMQPPublisher(url: amqp, confirmTimeout: .seconds(15), logger: logger)
        let relay = OutboxRelay(service: service, pool: pool, publisher: publisher, batchSize: 200,
                                pollInterval: .milliseconds(200), lease: .seconds(5), logger: logger)
        return KitHarness(service: service, pool: pool, amqp: amqp, publisher: publisher, relay: relay, topology: topology, logger: logger)
    }

    /// Writes `count` pings, one business transaction each.
    func enqueue(_ seqs: Range<Int>) async throws {
        for seq in seqs {
            let writer = OutboxWriter(producer: service, correlationId: UUID())
            try await pool.withTransaction { try writer.enqueue(TestPing(seq: seq), on: $0) }
        }
    }

    /// A runner whose handler records the ping (or throws while `failing` is on).
    /// `poison`: pings the handler refuses for good; `failingSeqs`: pings it fails while `failing` is on
    /// (empty: every ping fails while it is on).
    func runner(failing: Flag = Flag(false), failingSeqs: Set<Int> = [], poison: Set<Int> = [], batchLimit: Int = 1,
                retryBackoff: Backoff = Backoff(initial: .milliseconds(10), maximum: .milliseconds(50))) -> ConsumerRunner {
        var handlers = EventHandlers()
        handlers.on(TestPing.self) { envelope, context in
            let seq = envelope.data.seq
            // Written before the failure: a failing message must take its partners' rows back with it.
            try context.connection.execute("INSERT INTO received (seq) VALUES ($1)", [seq])
            if poison.contains(seq) { throw PermanentHandlerError("ping \(seq) can never be handled") }
            if failing.isOn && (failingSeqs.isEmpty || failingSeqs.contains(seq)) { throw TransientTestFailure() }
        }
        return ConsumerRunner(service: service, consumer: consumer(), pool: pool, handlers: handlers,
                              retryBackoff: retryBackoff, batchLimit: batchLimit, producers: .sharedLogin(amqp.user), logger: logger)
    }

    func consumer() -> AMQPConsumer {
        AMQPConsumer(url: amqp, queue: AMQPTopology.eventQueue(for: service), prefetch: 64, topology: topology,
                     backoff: Backoff(initial: .milliseconds(200), maximum: .seconds(2)), logger: logger)
    }

    func receivedCounts() async throws -> (rows: Int, distinct: Int) {
        try await pool.withConnection { c in
            let row = try c.query("SELECT count(*) AS n, count(DISTINCT seq) AS d FROM received").single()
            return (try row.decode("n", as: Int.self), try row.decode("d", as: Int.self))
        }
    }

    func pendingOutbox() async throws -> Int {
        try await pool.withConnection { try $0.query("SELECT count(*) AS n FROM outbox WHERE published_at IS NULL").single().decode("n", as: Int.self) }
    }

    func stop() async {
        let admin = AMQPAdmin(url: amqp)
        try? await admin.delete(queue: AMQPTopology.eventQueue(for: service))
        try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: service))
        await publisher.shutdown()
        await pool.shutdown()
    }
}

struct TransientTestFailure: Error {}

/// A harness's relay and consumer running in the background, counting deliveries: the shared
/// scaffolding of the fault drills.
struct RunningPipeline {
    let kit: KitHarness
    let deliveries = Tally()
    private let relayTask: Task<Void, any Error>
    private let consumerTask: Task<Void, Never>

    init(_ kit: KitHarness) {
        self.kit = kit
        let runner = kit.runner()
        let consumer = kit.consumer()
        let deliveries = self.deliveries
        relayTask = Task { try await kit.relay.run() }
        consumerTask = Task { await consumer.run { delivery in
            deliveries.add("deliveries")
            return await runner.handle(delivery)
        } }
    }

    /// Waits a second for stragglers (duplicates), stops both, prints the drill's counts and
    /// returns the received rows and the outbox rows still pending.
    func stop(drill: String, sent: Int) async throws -> (counts: (rows: Int, distinct: Int), pending: Int) {
        try await Task.sleep(for: .seconds(1))
        relayTask.cancel()
        consumerTask.cancel()
        _ = await relayTask.result
        await consumerTask.value
        let counts = try await kit.receivedCounts()
        let pending = try await kit.pendingOutbox()
        let total = deliveries.get("deliveries")
        print("\(drill) drill: sent=\(sent) processed=\(counts.rows) distinct=\(counts.distinct) deliveries=\(total) redeliveries-absorbed=\(total - counts.rows) outbox-pending=\(pending)")
        return (counts, pending)
    }

    /// Runs a `deploy/local/infra` fault command and returns its exit status and output.
    static func infra(_ command: String) async throws -> (status: Int32, output: String) {
        try await IntegrationEnvironment.run(IntegrationEnvironment.infraScript, [command])
    }
}

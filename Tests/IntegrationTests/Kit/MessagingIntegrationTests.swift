@testable import AMQP
import CRabbitMQ
import Contracts
import Foundation
import Postgres
import ServiceKit
import TestSupport
import Testing

/// Promises of the messaging kit, against the real RabbitMQ and PostgreSQL started by
/// `deploy/local/test`. Serialized: one of them kills the broker.
@Suite("Messaging kit against real RabbitMQ + PostgreSQL", .serialized)
struct MessagingIntegrationTests {
    @Test("publish with confirms → consume → ack")
    func roundTripWithConfirms() async throws {
        let amqp = try IntegrationEnvironment.amqpURL()
        let queue = "t.roundtrip.\(UInt32.random(in: 0...UInt32.max))"
        let admin = AMQPAdmin(url: amqp)
        try await admin.declare(AMQPTopology(queues: [.init(name: queue, arguments: ["x-queue-type": .string("quorum")])]))
        let publisher = AMQPPublisher(url: amqp, logger: IntegrationEnvironment.logger)
        let messages = (0..<50).map { i in
            AMQPOutgoingMessage(exchange: "", routingKey: queue, body: Array("m\(i)".utf8),
                                properties: AMQPMessageProperties(messageID: "id-\(i)", type: "test.roundtrip"))
        }
        let outcomes = await publisher.publish(messages)
        #expect(outcomes.allSatisfy { $0.isConfirmed })
        #expect(try await admin.messageCount(queue: queue) == 50)

        let consumer = AMQPConsumer(url: amqp, queue: queue, logger: IntegrationEnvironment.logger)
        let tally = Tally()
        let task = Task { await consumer.run { delivery in
            tally.add(String(decoding: delivery.body, as: UTF8.self))
            tally.add("total")
            return .ack
        } }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(10)) { tally.get("total") >= 50 })
        task.cancel()
        await task.value
        #expect(tally.get("total") == 50)
        #expect(tally.get("m7") == 1)
        #expect(try await admin.messageCount(queue: queue) == 0)
        try await admin.delete(queue: queue)
        await publisher.shutdown()
    }

    @Test("a consumer that dies before its ack gets the message again")
    func crashBeforeAckRedelivers() async throws {
        let amqp = try IntegrationEnvironment.amqpURL()
        let queue = "t.crash.\(UInt32.random(in: 0...UInt32.max))"
        let admin = AMQPAdmin(url: amqp)
        try await admin.declare(AMQPTopology(queues: [.init(name: queue, arguments: ["x-queue-type": .string("quorum")])]))
        let publisher = AMQPPublisher(url: amqp, logger: IntegrationEnvironment.logger)
        let outcome = await publisher.publish([AMQPOutgoingMessage(
            exchange: "", routingKey: queue, body: Array("crash".utf8), properties: AMQPMessageProperties(messageID: "crash-1"))])
        #expect(outcome == [.confirmed])

        // A raw consumer receives the message and its connection is dropped without ack or close
        // (what a process crash looks like to the broker).
        let received = try await Task.detached { () throws -> Bool in
            let connection = try AMQPConnection(url: amqp)
            let state = try connection.raw
            amqp_basic_qos(state, 1, 0, 1, 0)
            _ = queue.withCString { amqp_basic_consume(state, 1, amqp_cstring_bytes($0), amqp_empty_bytes, 0, 0, 0, amqp_empty_table) }
            try connection.checkRPC("basic.consume")
            var envelope = amqp_envelope_t()
            var tv = Duration.seconds(5).timeval
            let reply = amqp_consume_message(state, &envelope, &tv, 0)
            defer { amqp_destroy_envelope(&envelope) }
            connection.abandon()
            return reply.reply_type == AMQP_RESPONSE_NORMAL
        }.value
        #expect(received)

        let consumer = AMQPConsumer(url: amqp, queue: queue, logger: IntegrationEnvironment.logger)
        let tally = Tally()
        let task = Task { await consumer.run { delivery in
            tally.add(delivery.redelivered ? "redelivered" : "fresh")
            tally.add("previous", delivery.previousDeliveries)
            return .ack
        } }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(10)) { tally.get("redelivered") + tally.get("fresh") >= 1 })
        task.cancel()
        await task.value
        #expect(tally.get("redelivered") == 1)
        #expect(tally.get("previous") == 1)
        try await admin.delete(queue: queue)
        await publisher.shutdown()
    }

    @Test("malformed message → dead letter after exactly 1 delivery")
    func malformedIsDeadLetteredAtOnce() async throws {
        let kit = try await KitHarness.make("poison")
        let tally = Tally()
        let runner = kit.runner()
        let consumer = kit.consumer()
        let task = Task { await consumer.run { delivery in
            tally.add(delivery.properties.messageID ?? "?")
            return await runner.handle(delivery)
        } }
        let outcomes = await kit.publisher.publish([
            AMQPOutgoingMessage(exchange: AMQPTopology.eventsExchange, routingKey: TestPing.eventType.rawValue,
                                body: Array("{not json".utf8), properties: AMQPMessageProperties(messageID: "poison-1")),
            AMQPOutgoingMessage(exchange: AMQPTopology.eventsExchange, routingKey: TestPing.eventType.rawValue,
                                body: Array(#"{"id":"6f1c0d57-5b0e-4a53-9d4b-6c8a3f0e9a11","type":"test.ping","version":"9.0","occurredAt":"2026-01-01T00:00:00.000Z","producer":"x","correlationId":"6f1c0d57-5b0e-4a53-9d4b-6c8a3f0e9a11","data":{"seq":1}}"#.utf8),
                                properties: AMQPMessageProperties(messageID: "major-9")),
        ])
        #expect(outcomes.allSatisfy { $0.isConfirmed })
        let admin = AMQPAdmin(url: kit.amqp)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) {
            try await admin.messageCount(queue: AMQPTopology.deadLetterQueue(for: kit.service)) == 2
        })
        try await Task.sleep(for: .milliseconds(500))
        task.cancel()
        await task.value
        #expect(tally.get("poison-1") == 1)
        #expect(tally.get("major-9") == 1)
        let letters = try await admin.listDeadLetters(service: kit.service)
        #expect(Set(letters.compactMap(\.messageID)) == ["poison-1", "major-9"])
        #expect(letters.allSatisfy { $0.reason == "rejected" })
        await kit.stop()
    }

    @Test("always-failing handler → dead letter after delivery-limit + 1 deliveries; replay after the fix processes each once")
    func failingHandlerThenReplay() async throws {
        let limit = 2
        let kit = try await KitHarness.make("fail", deliveryLimit: limit)
        let failing = Flag(true)
        let tally = Tally()
        let runner = kit.runner(failing: failing)
        let consumer = kit.consumer()
        let task = Task { await consumer.run { delivery in
            tally.add("deliveries")
            return await runner.handle(delivery)
        } }
        try await kit.enqueue(0..<2)
        #expect(try await kit.relay.drain().published == 2)
        let admin = AMQPAdmin(url: kit.amqp)
        let dead = AMQPTopology.deadLetterQueue(for: kit.service)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(20)) { try await admin.messageCount(queue: dead) == 2 })
        try await Task.sleep(for: .milliseconds(500))
        #expect(tally.get("deliveries") == 2 * (limit + 1))
        #expect(try await kit.receivedCounts().rows == 0)
        let letters = try await admin.listDeadLetters(service: kit.service)
        #expect(letters.count == 2)
        #expect(letters.allSatisfy { $0.reason == "delivery_limit" })

        failing.set(false)
        let replayed = try await admin.replayDeadLetters(service: kit.service)
        #expect(replayed == 2)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) { try await kit.receivedCounts().rows >= 2 })
        try await Task.sleep(for: .milliseconds(500))
        task.cancel()
        await task.value
        let counts = try await kit.receivedCounts()
        #expect(counts.rows == 2 && counts.distinct == 2)
        #expect(try await admin.messageCount(queue: dead) == 0)
        await kit.stop()
    }

    @Test("a failing message waits out its backoff on the side: the deliveries behind it go on; a shutdown gives it back")
    func failingMessageDoesNotStallTheQueue() async throws {
        let kit = try await KitHarness.make("held", deliveryLimit: 1000)
        let failing = Flag(true)
        // A backoff far longer than the time the other 19 need: were the consumer to wait it out
        // in line (as it once did), none of them would arrive within the 8 s below.
        let runner = kit.runner(failing: failing, failingSeqs: [0],
                                retryBackoff: Backoff(initial: .seconds(30), maximum: .seconds(30)))
        try await kit.enqueue(0..<20)
        #expect(try await kit.relay.drain().published == 20)
        let admin = AMQPAdmin(url: kit.amqp)
        let queue = AMQPTopology.eventQueue(for: kit.service)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) { try await admin.messageCount(queue: queue) == 20 })

        let tally = Tally()
        let consumer = kit.consumer()
        let task = Task { await consumer.run { delivery in
            tally.add("deliveries")
            return await runner.handle(delivery)
        } }
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(8)) { try await kit.receivedCounts().distinct == 19 })
        let zero = try await kit.pool.withConnection { c in
            try c.query("SELECT count(*) AS n FROM received WHERE seq = 0").single().decode("n", as: Int.self)
        }
        #expect(zero == 0)
        #expect(tally.get("deliveries") == 20) // held, not redelivered in a hot loop

        // Shutting down while it is held gives it back to the queue at once.
        task.cancel()
        await task.value
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) { try await admin.messageCount(queue: queue) == 1 })
        failing.set(false)
        let second = kit.consumer()
        let again = Task { await second.run { delivery in await runner.handle(delivery) } }
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) { try await kit.receivedCounts().distinct == 20 })
        again.cancel()
        await again.value
        let counts = try await kit.receivedCounts()
        #expect(counts.rows == 20 && counts.distinct == 20)
        await kit.stop()
    }

    @Test("a backlog is handled in batches; a poison or failing message in a batch is settled alone and nothing is written twice")
    func batchesSettleEachMessageAlone() async throws {
        let kit = try await KitHarness.make("batch", deliveryLimit: 1000)
        let failing = Flag(true)
        let runner = kit.runner(failing: failing, failingSeqs: [27], poison: [13], batchLimit: 16)
        // The backlog first, so the consumer finds many deliveries waiting.
        try await kit.enqueue(0..<60)
        #expect(try await kit.relay.drain().published == 60)
        let admin = AMQPAdmin(url: kit.amqp)
        let queue = AMQPTopology.eventQueue(for: kit.service)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) { try await admin.messageCount(queue: queue) == 60 })

        let tally = Tally()
        let consumer = kit.consumer()
        let task = Task { await consumer.runBatches(upTo: 16) { deliveries in
            tally.add("batches")
            tally.add("largest", max(0, deliveries.count - tally.get("largest")))
            let dispositions = await runner.handle(batch: deliveries)
            for (delivery, disposition) in zip(deliveries, dispositions) where disposition.isRequeue {
                tally.add("requeued \(delivery.properties.messageID ?? "?")")
                tally.add("requeues")
            }
            return dispositions
        } }
        // Everything but 13 (poison) and 27 (failing) arrives once; 27 is requeued meanwhile.
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            try await kit.receivedCounts().distinct == 58 && tally.get("requeues") >= 1
        })
        #expect(try await kit.receivedCounts().rows == 58)
        failing.set(false)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(20)) { try await kit.receivedCounts().distinct == 59 })
        let dead = AMQPTopology.deadLetterQueue(for: kit.service)
        #expect(try await IntegrationEnvironment.eventually(timeout: .seconds(10)) { try await admin.messageCount(queue: dead) == 1 })
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await task.value

        let counts = try await kit.receivedCounts()
        #expect(counts.rows == 59 && counts.distinct == 59)
        let missing = try await kit.pool.withConnection { c in
            try c.query("SELECT count(*) AS n FROM received WHERE seq = 13").single().decode("n", as: Int.self)
        }
        #expect(missing == 0)
        // Batches did form (60 messages in far fewer handler calls), and were more than one message.
        #expect(tally.get("largest") > 1)
        #expect(tally.get("batches") < 60)
        // Inbox rows committed together share a transaction id: fewer transactions than messages.
        let transactions = try await kit.pool.withConnection { c in
            try c.query("SELECT count(DISTINCT xmin::text) AS n FROM inbox").single().decode("n", as: Int.self)
        }
        #expect(transactions < 59)
        #expect(try await admin.messageCount(queue: queue) == 0)
        await kit.stop()
    }

    @Test("an unroutable event stays pending in the outbox; a missing exchange is not published")
    func unroutableStaysPending() async throws {
        let kit = try await KitHarness.make("unroutable")
        let writer = OutboxWriter(producer: kit.service, correlationId: UUID())
        try await kit.pool.withTransaction { try writer.enqueue(TestUnroutable(seq: 1), on: $0) }
        let result = try await kit.relay.drain()
        #expect(result.published == 0 && result.failed == 1)
        #expect(try await kit.pendingOutbox() == 1)
        let lastError = try await kit.pool.withConnection {
            try $0.query("SELECT last_error FROM outbox").single().decode("last_error", as: String?.self)
        }
        #expect(lastError?.contains("returned") == true)

        let missing = await kit.publisher.publish([AMQPOutgoingMessage(
            exchange: "pumpurs.no-such-exchange", routingKey: "x", body: [1], properties: AMQPMessageProperties(messageID: "m"))])
        guard case .notPublished = missing.first else {
            Issue.record("expected notPublished, got \(missing)")
            return
        }
        // The publisher recovers its channel for the next publish.
        let queue = AMQPTopology.eventQueue(for: kit.service)
        let next = await kit.publisher.publish([AMQPOutgoingMessage(
            exchange: "", routingKey: queue, body: [1], properties: AMQPMessageProperties(messageID: "after"))])
        #expect(next == [.confirmed])
        await kit.stop()
    }

    @Test("two `pumpurs migrate` processes at once both succeed and apply each migration once")
    func concurrentMigrateProcesses() async throws {
        let binary = IntegrationEnvironment.repositoryRoot + "/.build/debug/pumpurs"
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the CLI first: swift build")
        let service = IntegrationEnvironment.uniqueServiceName("mig")
        async let first = IntegrationEnvironment.run(binary, ["migrate", "--service", service])
        async let second = IntegrationEnvironment.run(binary, ["migrate", "--service", service])
        let results = try await [first, second]
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.output))")
        let expected = KitMigrations.all.map(\.version)
        #expect(results.filter { $0.output.contains("applied \(expected)") }.count == 1, "\(results.map(\.output))")
        let pool = try await IntegrationEnvironment.provisionService(service)
        let versions = try await pool.withConnection { c in
            try c.query("SELECT version FROM schema_migrations ORDER BY version").map { try $0.decode("version", as: Int.self) }
        }
        #expect(versions == expected)
        await pool.shutdown()
    }
}

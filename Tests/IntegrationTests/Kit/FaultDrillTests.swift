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
/// Tests that break the shared infrastructure on purpose (kill -9 of the broker or the database,
/// a broker memory alarm). They would disturb every other integration test, so `deploy/local/test`
/// runs them in a second `swift test` pass on their own (`--filter FaultDrill`), one at a time.
@Suite("FaultDrill: broker and database faults", .serialized)
struct FaultDrillTests {
    @Test("broker killed (kill -9) and restarted while 2,000 events flow: all arrive once")
    func brokerKillWhileFlowing() async throws {
        let kit = try await KitHarness.make("kill")
        let total = 2_000
        let pipeline = RunningPipeline(kit)
        let producer = Task { try await kit.enqueue(0..<total) }

        // Kill the broker once some events have gone through, while the rest still flow.
        _ = try await IntegrationEnvironment.eventually(timeout: .seconds(60)) { try await kit.receivedCounts().rows >= 300 }
        print("broker kill drill: \(try await kit.receivedCounts().rows) processed; killing the broker")
        let kill = try await RunningPipeline.infra("broker-kill")
        #expect(kill.status == 0, "broker-kill: \(kill.output)")
        try await Task.sleep(for: .seconds(2))
        let start = try await RunningPipeline.infra("broker-start")
        #expect(start.status == 0, "broker-start: \(start.output)")
        print("broker kill drill: broker restarted; \(try await kit.receivedCounts().rows) processed")
        try await producer.value
        print("broker kill drill: all \(total) events written to the outbox")

        let arrived = try await IntegrationEnvironment.eventually(timeout: .seconds(120), every: .milliseconds(500)) {
            try await kit.receivedCounts().rows >= total
        }
        let (counts, pending) = try await pipeline.stop(drill: "broker kill", sent: total)
        #expect(arrived)
        #expect(counts.rows == total, "every event processed exactly once")
        #expect(counts.distinct == total)
        #expect(pending == 0)
        await kit.stop()
    }

    @Test("database killed (kill -9) and restarted while 1,000 events drain: all arrive once")
    func databaseKillWhileDraining() async throws {
        let kit = try await KitHarness.make("dbkill")
        let total = 1_000
        try await kit.enqueue(0..<total)
        let pipeline = RunningPipeline(kit)
        _ = try await IntegrationEnvironment.eventually(timeout: .seconds(60)) { try await kit.receivedCounts().rows >= 150 }
        print("database kill drill: \(try await kit.receivedCounts().rows) processed; killing PostgreSQL")
        let kill = try await RunningPipeline.infra("db-kill")
        #expect(kill.status == 0, "db-kill: \(kill.output)")
        try await Task.sleep(for: .seconds(2))
        let start = try await RunningPipeline.infra("db-start")
        #expect(start.status == 0, "db-start: \(start.output)")
        let arrived = await IntegrationEnvironment.eventually(timeout: .seconds(120), every: .milliseconds(500)) {
            let received = (try? await kit.receivedCounts().rows) ?? 0
            let pending = (try? await kit.pendingOutbox()) ?? 1
            return received >= total && pending == 0
        }
        let (counts, pending) = try await pipeline.stop(drill: "database kill", sent: total)
        #expect(arrived)
        #expect(counts.rows == total, "every event processed exactly once")
        #expect(counts.distinct == total)
        #expect(pending == 0)
        await kit.stop()
    }

    @Test("a broker resource alarm blocks publishing: nothing is confirmed, nothing hangs, publishing resumes after")
    func resourceAlarmBlocksPublishing() async throws {
        let amqp = try IntegrationEnvironment.amqpURL()
        let queue = "t.alarm.\(UInt32.random(in: 0...UInt32.max))"
        let admin = AMQPAdmin(url: amqp)
        try await admin.declare(AMQPTopology(queues: [.init(name: queue, arguments: ["x-queue-type": .string("quorum")])]))
        let publisher = AMQPPublisher(url: amqp, confirmTimeout: .seconds(5), logger: IntegrationEnvironment.logger)
        func message(_ id: String) -> AMQPOutgoingMessage {
            AMQPOutgoingMessage(exchange: "", routingKey: queue, body: Array(id.utf8), properties: AMQPMessageProperties(messageID: id))
        }
        #expect(await publisher.publish([message("before")]) == [.confirmed])

        let on = try await IntegrationEnvironment.run(IntegrationEnvironment.infraScript, ["broker-alarm-on"])
        #expect(on.status == 0, "\(on.output)")
        try await Task.sleep(for: .seconds(1))
        let started = ContinuousClock.now
        let during = await publisher.publish([message("during")])
        let waited = ContinuousClock.now - started
        let off = try await IntegrationEnvironment.run(IntegrationEnvironment.infraScript, ["broker-alarm-off"])
        #expect(off.status == 0, "\(off.output)")
        print("resource alarm: outcome=\(during) after \(waited)")
        #expect(during.first?.isConfirmed == false)
        #expect(waited < .seconds(8))

        let resumed = await IntegrationEnvironment.eventually(timeout: .seconds(20), every: .milliseconds(500)) {
            await publisher.publish([message("after-\(UUID().uuidString)")]) == [.confirmed]
        }
        #expect(resumed)
        await publisher.shutdown()
        try? await admin.delete(queue: queue)
    }
}

import AMQP
import Testing

@Suite("AMQPTopology")
struct AMQPTopologyTests {
    @Test("names: <service>.events, <service>.dead, and the shared exchanges")
    func names() {
        #expect(AMQPTopology.eventQueue(for: "payouts") == "payouts.events")
        #expect(AMQPTopology.deadLetterQueue(for: "payouts") == "payouts.dead")
        #expect(AMQPTopology.eventsExchange == "pumpurs.events")
        #expect(AMQPTopology.deadLetterExchange == "pumpurs.dead-letter")
    }

    @Test("a service's work queue: quorum, explicit delivery limit, at-least-once dead-lettering to itself", arguments: [
        ("intake", 5), ("risk-validation", 0), ("notifications", 1000),
    ])
    func workQueue(service: String, limit: Int) throws {
        let topology = AMQPTopology.service(service, consuming: ["plan.submitted"], deliveryLimit: limit)
        let queue = try #require(topology.queues.first { $0.name == "\(service).events" })
        #expect(queue.arguments["x-queue-type"] == .string("quorum"))
        #expect(queue.arguments["x-delivery-limit"] == .int(Int64(limit)))
        #expect(queue.arguments["x-dead-letter-exchange"] == .string("pumpurs.dead-letter"))
        #expect(queue.arguments["x-dead-letter-routing-key"] == .string(service))
        #expect(queue.arguments["x-dead-letter-strategy"] == .string("at-least-once"))
        // at-least-once dead-lettering is only honoured with reject-publish overflow.
        #expect(queue.arguments["x-overflow"] == .string("reject-publish"))
        #expect(queue.arguments.count == 6)
    }

    @Test("the dead-letter queue is a quorum queue too")
    func deadQueue() throws {
        let topology = AMQPTopology.service("payouts", consuming: [], deliveryLimit: 5)
        #expect(topology.queues.map(\.name) == ["payouts.events", "payouts.dead"])
        let dead = try #require(topology.queues.first { $0.name == "payouts.dead" })
        #expect(dead.arguments == ["x-queue-type": .string("quorum")])
    }

    @Test("exchanges: events is topic, dead-letter is direct")
    func exchanges() {
        let expected = [AMQPTopology.Exchange(name: "pumpurs.events", type: "topic"),
                        AMQPTopology.Exchange(name: "pumpurs.dead-letter", type: "direct")]
        #expect(AMQPTopology.service("intake", consuming: [], deliveryLimit: 5).exchanges == expected)
        #expect(AMQPTopology.exchangesOnly.exchanges == expected)
        #expect(AMQPTopology.exchangesOnly.queues.isEmpty)
        #expect(AMQPTopology.exchangesOnly.bindings.isEmpty)
    }

    @Test("one binding per consumed key, plus the dead-letter binding keyed by the service", arguments: [
        [String](), ["plan.validated"], ["plan.validated", "plan.approved", "directory.#"],
    ])
    func bindings(keys: [String]) {
        let topology = AMQPTopology.service("approval-routing", consuming: keys, deliveryLimit: 5)
        let expected = keys.map { AMQPTopology.Binding(queue: "approval-routing.events", exchange: "pumpurs.events", routingKey: $0) }
            + [AMQPTopology.Binding(queue: "approval-routing.dead", exchange: "pumpurs.dead-letter", routingKey: "approval-routing")]
        #expect(topology.bindings == expected)
    }

    @Test("a dead letter from one service reaches only that service's dead queue")
    func deadLettersStayWithTheirService() throws {
        let services = ["intake", "payouts", "notifications"]
        let merged = services
            .map { AMQPTopology.service($0, consuming: ["plan.approved"], deliveryLimit: 5) }
            .reduce(AMQPTopology()) { $0.merging($1) }
        for service in services {
            let queue = try #require(merged.queues.first { $0.name == AMQPTopology.eventQueue(for: service) })
            let exchange = try #require(queue.arguments["x-dead-letter-exchange"]?.stringValue)
            let key = try #require(queue.arguments["x-dead-letter-routing-key"]?.stringValue)
            // Direct exchange: delivered to every queue bound with exactly this key.
            let targets = merged.bindings.filter { $0.exchange == exchange && $0.routingKey == key }.map(\.queue)
            #expect(targets == [AMQPTopology.deadLetterQueue(for: service)])
        }
    }

    @Test("merging concatenates the parts")
    func merging() {
        let a = AMQPTopology.service("intake", consuming: ["plan.validated"], deliveryLimit: 5)
        let b = AMQPTopology.service("payouts", consuming: ["plan.approved", "worklog.approved"], deliveryLimit: 3)
        let merged = a.merging(b)
        #expect(merged.exchanges == a.exchanges + b.exchanges)
        #expect(merged.queues == a.queues + b.queues)
        #expect(merged.bindings == a.bindings + b.bindings)
    }
}

@Suite("AMQPFieldValue")
struct AMQPFieldValueTests {
    @Test("string and int accessors")
    func accessors() {
        #expect(AMQPFieldValue.string("x").stringValue == "x")
        #expect(AMQPFieldValue.bytes(Array("ok".utf8)).stringValue == "ok")
        #expect(AMQPFieldValue.bytes([0xFF]).stringValue == nil)
        #expect(AMQPFieldValue.int(7).stringValue == nil)
        #expect(AMQPFieldValue.int(7).intValue == 7)
        #expect(AMQPFieldValue.string("7").intValue == nil)
    }
}

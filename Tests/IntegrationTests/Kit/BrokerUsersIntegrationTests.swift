import AMQP
import Contracts
import Foundation
import Postgres
import ServiceKit
import TestSupport
import Testing

/// One broker user per service, with the permissions `BrokerPermissions` generates from the event
/// catalogue, against the real RabbitMQ: in a vhost of the test's own, with users of its own
/// (`t_bu_<n>_<party>`, made by `deploy/local/infra broker-users` from the generated definitions),
/// so the platform's users and the other tests are never touched.
@Suite("Broker users against real RabbitMQ", .serialized)
struct BrokerUsersIntegrationTests {
    /// The test's vhost, users (generated permissions, plus a misconfigured `rogue` user that may
    /// publish anything) and schema; `url(party)` logs in as that party.
    struct Setup {
        let name: String
        let users: BrokerUsers
        let admin: AMQPURL
        let pool: PostgresPool

        static func make() async throws -> Setup {
            let name = IntegrationEnvironment.uniqueServiceName("bu")
            let users = BrokerUsers(prefix: name + "_")
            var admin = try IntegrationEnvironment.amqpURL()
            let text = try BrokerPermissions.definitions(vhost: name, users: users, password: { users.user(for: $0) })
            guard var document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  var userRows = document["users"] as? [[String: Any]], var permissions = document["permissions"] as? [[String: Any]],
                  var topics = document["topic_permissions"] as? [[String: Any]] else {
                throw TestSetupError("generated definitions are not a JSON object")
            }
            // The operator (our test login) on the new vhost, and a misconfigured user: allowed to
            // publish every routing key, although the catalogue makes it producer of nothing.
            let rogue = users.user(for: "rogue")
            permissions.append(["user": admin.user, "vhost": name, "configure": ".*", "write": ".*", "read": ".*"])
            userRows.append(["name": rogue, "password": rogue, "tags": [String]()])
            permissions.append(["user": rogue, "vhost": name, "configure": ".*", "write": ".*", "read": "^$"])
            topics.append(["user": rogue, "vhost": name, "exchange": AMQPTopology.eventsExchange, "write": ".*", "read": "^$"])
            document["users"] = userRows
            document["permissions"] = permissions
            document["topic_permissions"] = topics
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-\(name).json")
            try JSONSerialization.data(withJSONObject: document).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try await IntegrationEnvironment.run(IntegrationEnvironment.infraScript, ["broker-users", file.path])
            guard result.status == 0 else { throw TestSetupError("infra broker-users failed: \(result.output)") }

            admin.vhost = name
            // What `pumpurs migrate` does: the operator declares every party's queue and bindings.
            try await CatalogueTopology.declare(services: BrokerPermissions.parties, deliveryLimit: 5, admin: AMQPAdmin(url: admin))
            let pool = try await IntegrationEnvironment.provisionService(name, migrations: [
                Migration(version: 100, name: "received", sql: "CREATE TABLE received (payout_id uuid NOT NULL)"),
            ])
            return Setup(name: name, users: users, admin: admin, pool: pool)
        }

        func url(_ party: String) -> AMQPURL {
            AMQPURL(host: admin.host, port: admin.port, user: users.user(for: party), password: users.user(for: party),
                    vhost: name, heartbeatSeconds: 10)
        }

        /// A publisher logged in as `party`; `declaring: false` for a party that may not declare the
        /// exchanges (finance), so its publishes reach the broker's permission check.
        func publisher(_ party: String, declaring: Bool = true) -> AMQPPublisher {
            AMQPPublisher(url: url(party), topology: declaring ? .exchangesOnly : AMQPTopology(), confirmTimeout: .seconds(15),
                          logger: IntegrationEnvironment.logger)
        }

        /// An outbox relay of `name`'s schema that publishes as `party`.
        func relay(_ publisher: AMQPPublisher) -> OutboxRelay {
            OutboxRelay(service: name, pool: pool, publisher: publisher, lease: .seconds(5), logger: IntegrationEnvironment.logger)
        }

        /// A released payout in the outbox; returns its message id and payout id.
        func enqueueRelease() async throws -> (message: UUID, payout: UUID) {
            let payout = UUID.timeOrdered()
            let event = PayoutReleased(payoutId: payout, idempotencyKey: "claim:\(payout)", amountCents: 1234, period: "2026-11",
                                       studentCode: "S-7K2M9Q4XTB", planId: UUID.timeOrdered(), measure: "meals", payeeReference: "ref")
            let writer = OutboxWriter(producer: name, correlationId: UUID.timeOrdered())
            let message = try await pool.withTransaction { try writer.enqueue(event, on: $0) }
            return (message, payout)
        }

        /// A plan.approved row in the outbox (its body does not matter: the broker refuses it by routing key).
        func enqueueApproved() async throws {
            try await pool.withConnection { connection in
                try connection.execute("""
                    INSERT INTO outbox (message_id, event_type, schema_version, body, correlation_id)
                    VALUES ($1, 'plan.approved', '1.0', $2, $3)
                    """, [UUID.timeOrdered(), Array("{}".utf8), UUID.timeOrdered()])
            }
        }

        /// Rows not yet sent, with their last error; `clear` marks them sent so later drains start empty.
        func pending(clear: Bool = false) async throws -> [String] {
            try await pool.withConnection { connection in
                let errors = try connection.query("SELECT coalesce(last_error, '') AS e FROM outbox WHERE published_at IS NULL ORDER BY id")
                    .map { try $0.decode("e", as: String.self) }
                if clear { try connection.execute("UPDATE outbox SET published_at = now() WHERE published_at IS NULL") }
                return errors
            }
        }

        func stop() async {
            await pool.shutdown()
            _ = try? await IntegrationEnvironment.run(IntegrationEnvironment.infraScript, ["broker-forget", name, name + "_"])
        }
    }

    struct TestSetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @Test("(a) payouts' user may not publish plan.approved: the broker refuses (403), the outbox keeps the row; payout.released goes")
    func producerPublishesOnlyItsOwnTypes() async throws {
        let setup = try await Setup.make()
        let publisher = setup.publisher("payouts")
        let relay = setup.relay(publisher)

        try await setup.enqueueApproved()
        let refused = try await relay.drain()
        #expect(refused.published == 0 && refused.failed == 1)
        let errors = try await setup.pending(clear: true)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("403") == true && errors.first?.contains("ACCESS_REFUSED") == true, "\(errors)")

        // Its own event type is published, and every delivery says who published it.
        let released = try await setup.enqueueRelease()
        let sent = try await relay.drain()
        #expect(sent.published == 1 && sent.failed == 0)
        #expect(try await setup.pending().isEmpty)
        #expect(try await AMQPAdmin(url: setup.admin).messageCount(queue: "finance.events") == 1)
        _ = released
        await publisher.shutdown()
        await setup.stop()
    }

    @Test("(b) a message whose user_id claims another broker user is refused by the broker")
    func forgedUserIDRefused() async throws {
        let setup = try await Setup.make()
        let publisher = setup.publisher("payouts")
        let forged = AMQPOutgoingMessage(
            exchange: AMQPTopology.eventsExchange, routingKey: PayoutReleased.eventType.rawValue, body: Array("{}".utf8),
            properties: AMQPMessageProperties(messageID: UUID().uuidString, type: PayoutReleased.eventType.rawValue,
                                              userID: setup.users.user(for: "intake")))
        let outcomes = await publisher.publish([forged])
        guard case .notPublished(let reason) = outcomes.first else {
            Issue.record("a forged user_id was accepted: \(outcomes)")
            await setup.stop()
            return
        }
        #expect(reason.contains("406") && reason.contains("user_id"), "\(reason)")
        #expect(try await AMQPAdmin(url: setup.admin).messageCount(queue: "finance.events") == 0)
        // The same message with its own user_id (stamped by the publisher) is accepted.
        var honest = forged
        honest.properties.userID = nil
        #expect(await publisher.publish([honest]) == [.confirmed])
        await publisher.shutdown()
        await setup.stop()
    }

    @Test("(c) a consumer dead-letters payout.released published by a user that is not payouts' (a misconfigured permission)")
    func consumerDeadLettersWrongProducer() async throws {
        let setup = try await Setup.make()
        // Intake's own user cannot even publish it: the topic permission stops it first.
        let intake = setup.publisher("intake")
        let blocked = await intake.publish([AMQPOutgoingMessage(
            exchange: AMQPTopology.eventsExchange, routingKey: PayoutReleased.eventType.rawValue, body: Array("{}".utf8),
            properties: AMQPMessageProperties(messageID: UUID().uuidString))])
        #expect(blocked.first?.isConfirmed == false, "intake's user published payout.released")
        await intake.shutdown()

        // The honest payout and the rogue's copy, both relayed from the outbox.
        let payouts = setup.publisher("payouts"), rogue = setup.publisher("rogue")
        let honest = try await setup.enqueueRelease()
        #expect(try await setup.relay(payouts).drain().published == 1)
        let forged = try await setup.enqueueRelease()
        #expect(try await setup.relay(rogue).drain().published == 1, "the misconfigured user could not publish")

        // Reporting (a consumer of payout.released) with its own user and topology, strict check.
        let reporting = "reporting"
        var handlers = EventHandlers()
        handlers.on(PayoutReleased.self) { envelope, context in
            try context.connection.execute("INSERT INTO received (payout_id) VALUES ($1)", [envelope.data.payoutId])
        }
        let runner = ConsumerRunner(service: setup.name, consumer: AMQPConsumer(url: setup.url(reporting), queue: "unused",
                                                                               logger: IntegrationEnvironment.logger),
                                    pool: setup.pool, handlers: handlers, producers: ProducerCheck(users: setup.users),
                                    logger: IntegrationEnvironment.logger)
        let topology = AMQPTopology.service(reporting, consuming: CatalogueTopology.routingKeys(consumedBy: reporting), deliveryLimit: 5)
        let consumer = AMQPConsumer(url: setup.url(reporting), queue: AMQPTopology.eventQueue(for: reporting), prefetch: 8,
                                    topology: topology, logger: IntegrationEnvironment.logger)
        let seen = Tally()
        let task = Task { await consumer.run { delivery in
            let disposition = await runner.handle(delivery)
            seen.add(delivery.properties.userID ?? "-")
            seen.add(disposition == .deadLetter ? "dead" : disposition == .ack ? "ack" : "other")
            return disposition
        } }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(15)) { seen.get("ack") + seen.get("dead") >= 2 })
        task.cancel()
        await task.value
        #expect(seen.get("ack") == 1 && seen.get("dead") == 1)
        #expect(seen.get(setup.users.user(for: "payouts")) == 1 && seen.get(setup.users.user(for: "rogue")) == 1)
        let received = try await setup.pool.withConnection { c in
            try c.query("SELECT payout_id FROM received").map { try $0.decode("payout_id", as: UUID.self) }
        }
        #expect(received == [honest.payout])
        let dead = try await AMQPAdmin(url: setup.admin).listDeadLetters(service: reporting)
        #expect(dead.map(\.messageID) == [forged.message.uuidString.lowercased()])
        await payouts.shutdown()
        await rogue.shutdown()
        await setup.stop()
    }

    @Test("(d) the finance user reads its queue (payout events, from payouts' user) and cannot publish anything")
    func financeReadOnly() async throws {
        let setup = try await Setup.make()
        let payouts = setup.publisher("payouts")
        let released = try await setup.enqueueRelease()
        #expect(try await setup.relay(payouts).drain().published == 1)

        let finance = setup.publisher("finance", declaring: false)
        let attempts = [
            AMQPOutgoingMessage(exchange: AMQPTopology.eventsExchange, routingKey: PayoutReleased.eventType.rawValue,
                                body: Array("{}".utf8), properties: AMQPMessageProperties(messageID: "f-1")),
            AMQPOutgoingMessage(exchange: AMQPTopology.eventsExchange, routingKey: "finance.anything",
                                body: Array("{}".utf8), properties: AMQPMessageProperties(messageID: "f-2")),
            AMQPOutgoingMessage(exchange: "", routingKey: "finance.events", body: Array("{}".utf8),
                                properties: AMQPMessageProperties(messageID: "f-3")),
            AMQPOutgoingMessage(exchange: AMQPTopology.deadLetterExchange, routingKey: "reporting",
                                body: Array("{}".utf8), properties: AMQPMessageProperties(messageID: "f-4")),
        ]
        for attempt in attempts {
            let outcome = await finance.publish([attempt]).first
            guard case .notPublished(let reason) = outcome else {
                Issue.record("finance published to \(attempt.exchange) [\(attempt.routingKey)]: \(String(describing: outcome))")
                continue
            }
            #expect(reason.contains("403"), "\(reason)")
        }
        #expect(try await AMQPAdmin(url: setup.admin).messageCount(queue: "finance.events") == 1)
        #expect(try await AMQPAdmin(url: setup.admin).messageCount(queue: "reporting.dead") == 0)

        // It reads its own queue: the released payout, published by payouts' user.
        let consumer = AMQPConsumer(url: setup.url("finance"), queue: "finance.events", prefetch: 8, logger: IntegrationEnvironment.logger)
        let seen = Tally()
        let task = Task { await consumer.run { delivery in
            seen.add("\(delivery.properties.type ?? "-") \(delivery.properties.userID ?? "-") \(delivery.properties.messageID ?? "-")")
            seen.add("total")
            return .ack
        } }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(10)) { seen.get("total") >= 1 })
        task.cancel()
        await task.value
        #expect(seen.get("payout.released \(setup.users.user(for: "payouts")) \(released.message.uuidString.lowercased())") == 1)
        await payouts.shutdown()
        await finance.shutdown()
        await setup.stop()
    }
}

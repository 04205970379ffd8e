import AMQP
import Contracts
import Foundation
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Consumes the service queue: decode → transaction(inbox + handler + outbox) → commit → ack.
///
/// - Undecodable envelope, unknown type or unknown major version → dead letter at once.
/// - Published by a broker user that is not the event type's producer (`ProducerCheck` on the
///   AMQP `user_id`, which the broker validates) → dead letter at once, before any handler runs.
/// - Duplicate (message id already in the inbox) → ack, nothing changes.
/// - `PermanentHandlerError` → dead letter at once.
/// - Database unreachable → the message is held and retried in-process with backoff (up to
///   `outageRetries` times), so an outage does not burn the message's delivery attempts.
/// - Any other failure → requeue after a backoff (the consumer holds the delivery meanwhile and
///   goes on with the next ones); the quorum queue counts deliveries and dead-letters the message
///   past `x-delivery-limit`.
///
/// When the queue has a backlog, the deliveries already received (up to `batchLimit`) are
/// handled in **one** transaction, each with its own inbox claim and outbox writer, and acked
/// after its commit: one `BEGIN`/`COMMIT` (and one WAL flush) for the lot instead of one per
/// message. If anything in the batch fails, nothing of it is kept and each message is handled
/// again on its own, so a failing message is retried or dead-lettered alone, exactly as without
/// batches.
public struct ConsumerRunner: Service {
    let service: String
    let consumer: AMQPConsumer
    let pool: PostgresPool
    let handlers: EventHandlers
    let retryBackoff: Backoff
    let outageRetries: Int
    let batchLimit: Int
    let producers: ProducerCheck
    let logger: Logger

    /// Creates a runner for `service`'s queue. `producers` decides who may have published an
    /// event (strict by default: only its producer's broker user).
    public init(service: String, consumer: AMQPConsumer, pool: PostgresPool, handlers: EventHandlers,
                retryBackoff: Backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5)), outageRetries: Int = 60,
                batchLimit: Int = 1, producers: ProducerCheck = .strict, logger: Logger) {
        self.service = service
        self.consumer = consumer
        self.pool = pool
        self.handlers = handlers
        self.retryBackoff = retryBackoff
        self.outageRetries = outageRetries
        self.batchLimit = max(1, batchLimit)
        self.producers = producers
        self.logger = logger
    }

    /// Runs until graceful shutdown; the message in hand is finished first.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await consumer.runBatches(upTo: batchLimit) { deliveries in await self.handle(batch: deliveries) }
        }
    }

    /// Processes deliveries that arrived together and says what to do with each (in order): in
    /// one transaction when there are several that decode and have a handler, else one by one.
    /// Public for tests that feed deliveries without a broker.
    public func handle(batch deliveries: [AMQPDelivery]) async -> [AMQPDisposition] {
        let started = ContinuousClock.now
        var prepared: [(index: Int, message: Prepared)] = []
        for (index, delivery) in deliveries.enumerated() {
            if case .ready(let message) = prepare(delivery) { prepared.append((index, message)) }
        }
        guard prepared.count > 1 else { return await handleEach(deliveries) }
        let messages = prepared.map(\.message)
        let fresh: [Bool]
        do {
            fresh = try await pool.withTransaction { connection in
                try messages.map { message in try message.apply(on: connection) }
            }
        } catch {
            // Something in the batch failed and nothing of it was kept: each message on its own.
            logger.debug("batch rolled back; handling its messages one by one", metadata: [
                "batch.size": "\(deliveries.count)", "error": "\(Self.safeSummary(error))",
            ])
            return await handleEach(deliveries)
        }
        var dispositions = [AMQPDisposition?](repeating: nil, count: deliveries.count)
        let share = (ContinuousClock.now - started) / prepared.count
        for (position, entry) in prepared.enumerated() {
            let outcome: Outcome = fresh[position] ? .processed : .duplicate
            record(outcome, took: share)
            dispositions[entry.index] = .ack
        }
        // Deliveries that did not prepare (poison, unknown type) take the single path.
        for index in dispositions.indices where dispositions[index] == nil {
            dispositions[index] = await handle(deliveries[index])
        }
        return dispositions.map { $0 ?? .requeue }
    }

    private func handleEach(_ deliveries: [AMQPDelivery]) async -> [AMQPDisposition] {
        var dispositions: [AMQPDisposition] = []
        for delivery in deliveries { dispositions.append(await handle(delivery)) }
        return dispositions
    }

    private func record(_ outcome: Outcome, took duration: Duration) {
        Counter(label: "pumpurs_messages_consumed_total", dimensions: [("service", service), ("outcome", outcome.label)]).increment()
        Timer(label: "pumpurs_message_handling_duration_seconds", dimensions: [("service", service)])
            .recordNanoseconds(duration.nanoseconds)
    }

    /// Processes one delivery and says what to do with it. Public for tests that feed deliveries
    /// without a broker.
    public func handle(_ delivery: AMQPDelivery) async -> AMQPDisposition {
        let started = ContinuousClock.now
        var outcome = await process(delivery)
        var outageAttempt = 0
        while case .transient(let error) = outcome, Self.isDatabaseOutage(error), outageAttempt < outageRetries, !Task.isCancelled {
            outageAttempt += 1
            logger.warning("database unreachable; holding the message", metadata: [
                "message_id": "\(delivery.properties.messageID ?? "-")", "outage.attempt": "\(outageAttempt)",
            ])
            try? await Task.sleep(for: retryBackoff.delay(forAttempt: outageAttempt))
            outcome = await process(delivery)
        }
        record(outcome, took: ContinuousClock.now - started)
        switch outcome {
        case .processed, .duplicate:
            return .ack
        case .poison(let reason):
            logger.error("message dead-lettered", metadata: [
                "message_id": "\(delivery.properties.messageID ?? "-")", "event.type": "\(delivery.properties.type ?? "-")",
                "reason": "\(reason)",
            ])
            return .deadLetter
        case .transient(let error):
            let attempt = delivery.previousDeliveries + 1
            logger.warning("message handling failed; will retry", metadata: [
                "message_id": "\(delivery.properties.messageID ?? "-")", "error": "\(Self.safeSummary(error))",
                "delivery.attempt": "\(attempt)",
            ])
            // Requeued after the backoff without waiting here: the deliveries behind it go on.
            return .requeueAfter(retryBackoff.delay(forAttempt: attempt))
        }
    }

    /// What may be logged of a handler error: infrastructure errors describe themselves without
    /// row values; anything else is logged by type only (its text might carry personal data).
    static func safeSummary(_ error: any Error) -> String {
        switch error {
        case let error as PostgresError: "\(error)"
        case let error as UnhandledEventType: "no handler for \(error.type)"
        default: "\(type(of: error))"
        }
    }

    /// The database cannot be reached (as opposed to a handler or data problem).
    static func isDatabaseOutage(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        return error.isConnectionLost || error.code == .connectionFailed || error.code == .poolTimeout
    }

    enum Outcome {
        case processed, duplicate, poison(String), transient(any Error)
        var label: String {
            switch self {
            case .processed: "processed"
            case .duplicate: "duplicate"
            case .poison: "dead_lettered"
            case .transient: "retried"
            }
        }
    }

    /// A delivery ready for its transaction: decoded header, its handler and outbox writer.
    struct Prepared: Sendable {
        var header: EnvelopeHeader
        var registration: EventHandlers.Registration
        var body: [UInt8]
        var outbox: OutboxWriter
        var logger: Logger

        /// Claims the message in the inbox and, if it is new, runs its handler; false for a duplicate.
        func apply(on connection: PostgresConnection) throws -> Bool {
            guard try Inbox.claim(header, on: connection) else { return false }
            try registration.handle(body, HandlerContext(connection: connection, outbox: outbox, logger: logger))
            return true
        }
    }

    enum Preparation {
        case ready(Prepared)
        case settled(Outcome)
    }

    /// Decodes the envelope header and finds the handler, or says why the message cannot be handled.
    private func prepare(_ delivery: AMQPDelivery) -> Preparation {
        let header: EnvelopeHeader
        do {
            header = try ContractCoding.decode(EnvelopeHeader.self, from: delivery.body)
        } catch {
            return .settled(.poison("envelope does not decode: \(DecodingErrorSummary.describe(error))"))
        }
        // The envelope's type is what the handler acts on, so that is the type whose producer must
        // have published it (whatever routing key it came with).
        if case .refused(let reason) = producers.verdict(type: header.type, userID: delivery.properties.userID) {
            return .settled(.poison("not from its producer: \(reason)"))
        }
        guard let registration = handlers.registrations[header.type] else {
            // During a rolling deploy an older instance may see a type the newer one bound:
            // give it back for an instance that knows it (the delivery limit still applies).
            return .settled(.transient(UnhandledEventType(type: header.type)))
        }
        guard registration.major == header.version.major else {
            return .settled(.poison("unsupported major version \(header.version) of \(header.type) (handles \(registration.major).x)"))
        }
        var log = logger
        log[metadataKey: "correlation_id"] = .string(header.correlationId.uuidString.lowercased())
        log[metadataKey: "message_id"] = .string(header.id.uuidString.lowercased())
        let outbox = OutboxWriter(producer: service, correlationId: header.correlationId, causationId: header.id,
                                  traceparent: header.traceparent)
        return .ready(Prepared(header: header, registration: registration, body: delivery.body, outbox: outbox, logger: log))
    }

    private func process(_ delivery: AMQPDelivery) async -> Outcome {
        let message: Prepared
        switch prepare(delivery) {
        case .settled(let outcome): return outcome
        case .ready(let ready): message = ready
        }
        do {
            let fresh = try await pool.withTransaction { connection in try message.apply(on: connection) }
            return fresh ? .processed : .duplicate
        } catch let error as PermanentHandlerError {
            return .poison(error.reason)
        } catch {
            return .transient(error)
        }
    }
}

extension Duration {
    /// Whole nanoseconds (for Timer).
    var nanoseconds: Int64 {
        let (s, attos) = components
        return s * 1_000_000_000 + attos / 1_000_000_000
    }
}

/// A message whose type this instance has no handler for.
struct UnhandledEventType: Error {
    var type: EventType
}

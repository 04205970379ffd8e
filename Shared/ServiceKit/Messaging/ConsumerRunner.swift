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
/// - Duplicate (message id already in the inbox) → ack, nothing changes.
/// - `PermanentHandlerError` → dead letter at once.
/// - Database unreachable → the message is held and retried in-process with backoff (up to
///   `outageRetries` times), so an outage does not burn the message's delivery attempts.
/// - Any other failure → requeue after a backoff; the quorum queue counts deliveries and
///   dead-letters the message past `x-delivery-limit`.
public struct ConsumerRunner: Service {
    let service: String
    let consumer: AMQPConsumer
    let pool: PostgresPool
    let handlers: EventHandlers
    let retryBackoff: Backoff
    let outageRetries: Int
    let logger: Logger

    /// Creates a runner for `service`'s queue.
    public init(service: String, consumer: AMQPConsumer, pool: PostgresPool, handlers: EventHandlers,
                retryBackoff: Backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5)), outageRetries: Int = 60,
                logger: Logger) {
        self.service = service
        self.consumer = consumer
        self.pool = pool
        self.handlers = handlers
        self.retryBackoff = retryBackoff
        self.outageRetries = outageRetries
        self.logger = logger
    }

    /// Runs until graceful shutdown; the message in hand is finished first.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await consumer.run { delivery in await self.handle(delivery) }
        }
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
        let dimensions = [("service", service), ("outcome", outcome.label)]
        Counter(label: "pumpurs_messages_consumed_total", dimensions: dimensions).increment()
        Timer(label: "pumpurs_message_handling_duration_seconds", dimensions: [("service", service)])
            .recordNanoseconds((ContinuousClock.now - started).nanoseconds)
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
            try? await Task.sleep(for: retryBackoff.delay(forAttempt: attempt))
            return .requeue
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

    private func process(_ delivery: AMQPDelivery) async -> Outcome {
        let header: EnvelopeHeader
        do {
            header = try ContractCoding.decode(EnvelopeHeader.self, from: delivery.body)
        } catch {
            return .poison("envelope does not decode: \(DecodingErrorSummary.describe(error))")
        }
        guard let registration = handlers.registrations[header.type] else {
            // During a rolling deploy an older instance may see a type the newer one bound:
            // give it back for an instance that knows it (the delivery limit still applies).
            return .transient(UnhandledEventType(type: header.type))
        }
        guard registration.major == header.version.major else {
            return .poison("unsupported major version \(header.version) of \(header.type) (handles \(registration.major).x)")
        }
        var log = logger
        log[metadataKey: "correlation_id"] = .string(header.correlationId.uuidString.lowercased())
        log[metadataKey: "message_id"] = .string(header.id.uuidString.lowercased())
        let outbox = OutboxWriter(producer: service, correlationId: header.correlationId, causationId: header.id,
                                  traceparent: header.traceparent)
        let body = delivery.body
        let context = log
        do {
            let fresh = try await pool.withTransaction { connection in
                guard try Inbox.claim(header, on: connection) else { return false }
                try registration.handle(body, HandlerContext(connection: connection, outbox: outbox, logger: context))
                return true
            }
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

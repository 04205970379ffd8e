import Contracts
import Foundation
import Postgres

/// Writes outgoing events into the outbox inside the caller's transaction, so the business
/// change and its events commit together or not at all. The relay publishes them later.
public struct OutboxWriter: Sendable {
    /// The producing service (envelope `producer`).
    public let producer: String
    /// The flow the current work belongs to.
    public let correlationId: UUID
    /// The message being handled, when the work is a reaction to one.
    public let causationId: UUID?
    /// Trace context to carry on.
    public let traceparent: String?
    /// The clock (UTC).
    public let now: @Sendable () -> Date

    /// Creates a writer.
    public init(producer: String, correlationId: UUID, causationId: UUID? = nil, traceparent: String? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.producer = producer
        self.correlationId = correlationId
        self.causationId = causationId
        self.traceparent = traceparent
        self.now = now
    }

    /// Adds `event` to the outbox on `connection` (which must be inside a transaction) and wakes
    /// the relay when the transaction commits (NOTIFY is transactional). Returns the message id.
    @discardableResult
    public func enqueue<E: DomainEvent>(_ event: E, on connection: PostgresConnection, id: UUID = UUID.timeOrdered()) throws -> UUID {
        let envelope = Envelope(id: id, occurredAt: now(), producer: producer, correlationId: correlationId,
                                causationId: causationId, traceparent: traceparent, data: event)
        let body = try ContractCoding.encode(envelope)
        // One statement (one round trip) for the row and its wake-up call.
        try connection.execute("""
            WITH added AS (
                INSERT INTO outbox (message_id, event_type, schema_version, body, correlation_id, traceparent)
                VALUES ($1, $2, $3, $4, $5, $6) RETURNING id)
            SELECT pg_notify($7, '') FROM added
            """, [id, E.eventType.rawValue, E.schemaVersion.description, body, correlationId, traceparent, OutboxRelay.channel(for: producer)])
        return id
    }
}

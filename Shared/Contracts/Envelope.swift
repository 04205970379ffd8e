import Foundation

/// The envelope every message carries (JSON body). The same facts are mirrored in AMQP
/// properties (`message_id`, `type`, `timestamp`, `app_id`, `correlation_id`) and headers
/// (`traceparent`, `schema_version`) so the broker and tools can see them without the body.
public struct Envelope<Payload: DomainEvent>: Codable, Sendable, Equatable {
    /// Unique message id (UUID): the inbox dedupes on it.
    public var id: UUID
    /// Event type (= routing key).
    public var type: EventType
    /// Schema version of `data`.
    public var version: SchemaVersion
    /// When the fact happened (UTC).
    public var occurredAt: Date
    /// The producing service, e.g. `intake`.
    public var producer: String
    /// The id shared by every message of one business flow (e.g. one plan submission).
    public var correlationId: UUID
    /// The id of the message that caused this one (nil for a flow's first message).
    public var causationId: UUID?
    /// W3C trace context of the producing span, when known.
    public var traceparent: String?
    /// The payload.
    public var data: Payload

    /// Creates an envelope for `data`.
    public init(id: UUID = UUID.timeOrdered(), occurredAt: Date, producer: String, correlationId: UUID,
                causationId: UUID? = nil, traceparent: String? = nil, data: Payload) {
        self.id = id
        self.type = Payload.eventType
        self.version = Payload.schemaVersion
        self.occurredAt = occurredAt
        self.producer = producer
        self.correlationId = correlationId
        self.causationId = causationId
        self.traceparent = traceparent
        self.data = data
    }
}

/// The envelope without its payload: decoded first, to route by type and check the version
/// before the payload is decoded.
public struct EnvelopeHeader: Codable, Sendable, Equatable {
    /// Unique message id.
    public var id: UUID
    /// Event type.
    public var type: EventType
    /// Schema version of the payload.
    public var version: SchemaVersion
    /// When it happened.
    public var occurredAt: Date
    /// Producing service.
    public var producer: String
    /// Flow id.
    public var correlationId: UUID
    /// Causing message id.
    public var causationId: UUID?
    /// W3C trace context.
    public var traceparent: String?
}

/// A message delivered to a consumer.
public struct AMQPDelivery: Sendable {
    /// Body bytes.
    public var body: [UInt8]
    /// Properties (message id, type, headers …).
    public var properties: AMQPMessageProperties
    /// Delivery tag on the consumer's channel.
    public var deliveryTag: UInt64
    /// The broker's redelivered flag.
    public var redelivered: Bool
    /// Exchange the message was published to.
    public var exchange: String
    /// Routing key it was published with.
    public var routingKey: String
    /// Which connection it came on: a settle for an older connection is dropped (the broker
    /// redelivers the message, and the inbox makes that harmless).
    let connectionGeneration: Int

    /// How many earlier deliveries of this message failed (`x-delivery-count`, set by quorum
    /// queues on redelivery; 0 on the first delivery).
    public var previousDeliveries: Int {
        // Clamped: the header can come from a publisher, and arithmetic on it must never trap.
        Int(min(max(properties.headers["x-delivery-count"]?.intValue ?? 0, 0), 1_000_000))
    }
}

/// What a consumer does with a delivery once its handler is done.
public enum AMQPDisposition: Sendable, Hashable {
    /// Processed (or already processed): remove it.
    case ack
    /// Transient failure: give it back for another delivery (counts towards the delivery limit).
    case requeue
    /// Transient failure: give it back after `delay`. Meanwhile the consumer keeps the delivery
    /// (unacknowledged, so nothing is lost if it dies) and goes on with the deliveries behind it:
    /// one failing message never stalls its queue for the length of its backoff.
    case requeueAfter(Duration)
    /// Poison: reject without requeue, so the queue dead-letters it at once.
    case deadLetter

    /// Whether the delivery goes back to the queue (now or later).
    public var isRequeue: Bool {
        switch self {
        case .requeue, .requeueAfter: true
        case .ack, .deadLetter: false
        }
    }
}

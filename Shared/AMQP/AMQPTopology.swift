/// The exchanges, queues and bindings a service needs, as data; declared idempotently at start
/// and again after every reconnect.
public struct AMQPTopology: Sendable, Hashable {
    /// A durable exchange.
    public struct Exchange: Sendable, Hashable {
        /// Exchange name.
        public var name: String
        /// `topic`, `direct` or `fanout`.
        public var type: String
        /// Creates an exchange description.
        public init(name: String, type: String) { self.name = name; self.type = type }
    }

    /// A durable queue with its arguments.
    public struct Queue: Sendable, Hashable {
        /// Queue name.
        public var name: String
        /// `x-…` arguments.
        public var arguments: [String: AMQPFieldValue]
        /// Creates a queue description.
        public init(name: String, arguments: [String: AMQPFieldValue]) { self.name = name; self.arguments = arguments }
    }

    /// A binding of a queue to an exchange by routing key.
    public struct Binding: Sendable, Hashable {
        /// Queue name.
        public var queue: String
        /// Exchange name.
        public var exchange: String
        /// Routing key (topic pattern for topic exchanges).
        public var routingKey: String
        /// Creates a binding description.
        public init(queue: String, exchange: String, routingKey: String) {
            self.queue = queue; self.exchange = exchange; self.routingKey = routingKey
        }
    }

    /// Exchanges to declare.
    public var exchanges: [Exchange]
    /// Queues to declare.
    public var queues: [Queue]
    /// Bindings to make.
    public var bindings: [Binding]

    /// Creates a topology.
    public init(exchanges: [Exchange] = [], queues: [Queue] = [], bindings: [Binding] = []) {
        self.exchanges = exchanges
        self.queues = queues
        self.bindings = bindings
    }

    /// Merges two topologies (duplicates are harmless: declarations are idempotent).
    public func merging(_ other: AMQPTopology) -> AMQPTopology {
        AMQPTopology(exchanges: exchanges + other.exchanges, queues: queues + other.queues, bindings: bindings + other.bindings)
    }
}

extension AMQPTopology {
    /// The platform's shared event exchange (topic; routing key = event type).
    public static let eventsExchange = "pumpurs.events"
    /// The dead-letter exchange (direct; routing key = service name).
    public static let deadLetterExchange = "pumpurs.dead-letter"

    /// Name of a service's work queue.
    public static func eventQueue(for service: String) -> String { "\(service).events" }
    /// Name of a service's dead-letter queue.
    public static func deadLetterQueue(for service: String) -> String { "\(service).dead" }

    /// A service's queue setup: a quorum queue bound to `routingKeys` on the events exchange,
    /// with an explicit delivery limit and at-least-once dead-lettering into `<service>.dead`.
    ///
    /// `x-dead-letter-strategy: at-least-once` needs `x-overflow: reject-publish`; without it
    /// RabbitMQ 3.10 drops a dead letter silently when its target is missing. The routing key of
    /// dead letters is the service name, so a message that failed in one service is replayed to
    /// that service only, never to the other subscribers of the event.
    public static func service(_ service: String, consuming routingKeys: [String], deliveryLimit: Int) -> AMQPTopology {
        let queue = eventQueue(for: service)
        let dead = deadLetterQueue(for: service)
        return AMQPTopology(
            exchanges: [
                Exchange(name: eventsExchange, type: "topic"),
                Exchange(name: deadLetterExchange, type: "direct"),
            ],
            queues: [
                Queue(name: queue, arguments: [
                    "x-queue-type": .string("quorum"),
                    "x-delivery-limit": .int(Int64(deliveryLimit)),
                    "x-dead-letter-exchange": .string(deadLetterExchange),
                    "x-dead-letter-routing-key": .string(service),
                    "x-dead-letter-strategy": .string("at-least-once"),
                    "x-overflow": .string("reject-publish"),
                ]),
                Queue(name: dead, arguments: ["x-queue-type": .string("quorum")]),
            ],
            bindings: routingKeys.map { Binding(queue: queue, exchange: eventsExchange, routingKey: $0) }
                + [Binding(queue: dead, exchange: deadLetterExchange, routingKey: service)]
        )
    }

    /// Only the shared exchanges (what a pure publisher needs).
    public static let exchangesOnly = AMQPTopology(exchanges: [
        Exchange(name: eventsExchange, type: "topic"),
        Exchange(name: deadLetterExchange, type: "direct"),
    ])
}

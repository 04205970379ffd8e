import AMQP
import Contracts

/// The broker topology the event catalogue implies: every service's queue bound to every event
/// the catalogue lists it as consuming. `pumpurs migrate` declares it before any service starts,
/// so an event published before its consumer first runs waits in that consumer's queue instead
/// of being returned unroutable (and retried by the producer's relay).
public enum CatalogueTopology {
    /// The routing keys `service` consumes according to the catalogue.
    public static func routingKeys(consumedBy service: String) -> [String] {
        EventCatalogue.entries.filter { $0.consumers.contains(service) }.map(\.type.rawValue).sorted()
    }

    /// Declares the queues and bindings of `services` (idempotent), and removes bindings to
    /// catalogue events a service no longer consumes (left over from an older catalogue, they would
    /// only bring messages it has no handler for).
    public static func declare(services: [String], deliveryLimit: Int, admin: AMQPAdmin) async throws {
        let all = Set(EventCatalogue.entries.map(\.type.rawValue))
        for service in services {
            let consumed = routingKeys(consumedBy: service)
            try await admin.declare(AMQPTopology.service(service, consuming: consumed, deliveryLimit: deliveryLimit))
            try await admin.unbind(queue: AMQPTopology.eventQueue(for: service), exchange: AMQPTopology.eventsExchange,
                                   routingKeys: all.subtracting(consumed).sorted())
        }
    }
}

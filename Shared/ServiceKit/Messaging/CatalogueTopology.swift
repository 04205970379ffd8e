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

    /// Declares the queues and bindings of `services` (idempotent).
    public static func declare(services: [String], deliveryLimit: Int, admin: AMQPAdmin) async throws {
        for service in services {
            try await admin.declare(AMQPTopology.service(service, consuming: routingKeys(consumedBy: service), deliveryLimit: deliveryLimit))
        }
    }
}

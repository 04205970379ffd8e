import AMQP
import Logging
import Postgres

/// The shared resources a service's routes and handlers use.
public struct ServiceResources: Sendable {
    /// The service's configuration.
    public let configuration: ServiceConfiguration
    /// Its database pool (own role, own schema).
    public let pool: PostgresPool
    /// Its publisher (used by the relay only; routes write to the outbox instead).
    public let publisher: AMQPPublisher
    /// Its logger.
    public let logger: Logger
}

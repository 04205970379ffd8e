import AMQP
import Auth
import Foundation
import Hummingbird
import Logging
import Postgres
import Prometheus
import ServiceLifecycle
import UnixSignals
import Contracts

/// Builds and runs a service process: configuration, logging and metrics, migrations under the
/// advisory lock, the ops + service HTTP server, the outbox relay and the consumer, all as
/// `Service`s in one `ServiceGroup` that drains on SIGTERM/SIGINT.
public enum ServiceHost {
    /// Runs `definition` with configuration from `environment` until SIGTERM or SIGINT.
    public static func run(_ definition: ServiceDefinition, environment: [String: String]) async throws {
        let configuration = try ServiceConfiguration(service: definition.name, defaultPort: definition.defaultPort,
                                                     environment: environment)
        let registry = Observability.bootstrap(service: definition.name, level: configuration.logLevel)
        var logger = Logger(label: "pumpurs.\(definition.name)")
        logger.logLevel = configuration.logLevel
        let group = try await build(definition, configuration: configuration, registry: registry, logger: logger)
        try await group.run()
    }

    /// Prepares the resources (migrating the schema first) and returns the service group.
    public static func build(_ definition: ServiceDefinition, configuration: ServiceConfiguration,
                             registry: PrometheusCollectorRegistry, logger: Logger) async throws -> ServiceGroup {
        let pool = PostgresPool(configuration: configuration.database, logger: logger)
        let applied = try await migrateWithRetry(definition, pool: pool, logger: logger)
        if !applied.isEmpty {
            logger.info("migrations applied", metadata: ["db.migrations": "\(applied.map(\.version))"])
        }
        let publisher = AMQPPublisher(url: configuration.amqp, logger: logger)
        let resources = ServiceResources(configuration: configuration, pool: pool, publisher: publisher, logger: logger)

        let router = Router(context: AuthenticatedRequestContext.self)
        OpsRoutes.add(to: router, checks: [
            ReadinessCheck(name: "database") { _ = try await pool.withConnection { try $0.query("SELECT 1") } },
            ReadinessCheck(name: "broker") { try await AMQPAdmin(url: configuration.amqp).ping() },
        ], registry: registry)
        definition.routes(router, resources)
        // The idle timeout closes a connection that sends nothing: before its first request,
        // between kept-alive requests, and while a request's head or body is still arriving.
        let http = Application(router: router,
                               server: .http1(configuration: .init(idleTimeout: .nanoseconds(configuration.httpIdleTimeout.nanoseconds))),
                               configuration: .init(address: .hostname(configuration.httpHost, port: configuration.httpPort)),
                               logger: logger)

        // ServiceGroup stops services in reverse order: the consumer first (it finishes the
        // message in hand), then HTTP, then the relay, and the pool and publisher last.
        var services: [any Service] = [ResourceCloser(pool: pool, publisher: publisher), OutboxRelay(
            service: definition.name, pool: pool, publisher: publisher, batchSize: configuration.relayBatchSize,
            pollInterval: configuration.relayPollInterval, logger: logger), http]
        services += definition.periodic.map { PeriodicService(work: $0, resources: resources) as any Service }
        if !definition.handlers.eventTypes.isEmpty {
            let topology = AMQPTopology.service(definition.name, consuming: definition.handlers.eventTypes.map(\.rawValue),
                                                deliveryLimit: configuration.deliveryLimit)
            let consumer = AMQPConsumer(url: configuration.amqp, queue: AMQPTopology.eventQueue(for: definition.name),
                                        prefetch: UInt16(clamping: configuration.prefetch), topology: topology, logger: logger)
            services.append(ConsumerRunner(service: definition.name, consumer: consumer, pool: pool,
                                           handlers: definition.handlers, batchLimit: configuration.consumerBatch,
                                           producers: configuration.producerCheck, logger: logger))
        }
        var groupConfiguration = ServiceGroupConfiguration(services: services.map { .init(service: $0) },
                                                           gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(30)
        return ServiceGroup(configuration: groupConfiguration)
    }

    /// Migrations at start-up; the database may still be starting, so retry for a while.
    private static func migrateWithRetry(_ definition: ServiceDefinition, pool: PostgresPool, logger: Logger) async throws -> [Migration] {
        let backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(5))
        var attempt = 0
        while true {
            do {
                return try await Migrator.migrate(pool: pool, schema: definition.name, migrations: KitMigrations.with(definition.migrations))
            } catch let error as PostgresError where error.isConnectionLost || error.code == .connectionFailed {
                attempt += 1
                guard attempt < 20 else { throw error }
                logger.warning("database not reachable for migrations; retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: backoff.delay(forAttempt: attempt))
            }
        }
    }
}

/// Closes the pool and the publisher after every other service stopped.
struct ResourceCloser: Service {
    let pool: PostgresPool
    let publisher: AMQPPublisher

    func run() async throws {
        try? await gracefulShutdown()
        await publisher.shutdown()
        await pool.shutdown()
    }
}

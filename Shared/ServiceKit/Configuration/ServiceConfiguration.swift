import AMQP
import Logging
import Postgres

/// Everything a service process reads from its environment. One documented list of keys (also
/// in the README); secrets are marked and never printed.
///
/// | key | type | default |
/// |---|---|---|
/// | `PUMPURS_HTTP_HOST` | host | `127.0.0.1` |
/// | `PUMPURS_HTTP_PORT` | port | the service's default (ARCHITECTURE.md) |
/// | `PUMPURS_DATABASE_URL` (secret) | `postgres://…` | `postgres://<service>:<service>@<PUMPURS_DATABASE_HOST>:<PUMPURS_DATABASE_PORT>/pumpurs` |
/// | `PUMPURS_DATABASE_HOST` | host or socket directory | `127.0.0.1` (the local scripts: PostgreSQL's socket directory) |
/// | `PUMPURS_DATABASE_PORT` | 1–65535 | `5432` (the local scripts: `PUMPURS_PG_PORT`) |
/// | `PUMPURS_DATABASE_POOL_SIZE` | int | `4` |
/// | `PUMPURS_DATABASE_STATEMENT_TIMEOUT_MS` | int | `15000` (`0`: the server's setting) |
/// | `PUMPURS_HTTP_IDLE_TIMEOUT_MS` | int | `30000` (a connection silent this long is closed, mid-request too) |
/// | `PUMPURS_AMQP_URL` (secret) | `amqp://…` | `amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs` |
/// | `PUMPURS_AMQP_SHARED_USER` | broker user | unset: strict (an event is accepted only from its producer's broker user `pumpurs_<service>`); development/tests where all services share one login name it (it must be this service's login) |
/// | `PUMPURS_AMQP_PREFETCH` | int | `64` |
/// | `PUMPURS_DELIVERY_LIMIT` | int | `5` (redeliveries before a message is dead-lettered) |
/// | `PUMPURS_RELAY_BATCH` | int | `500` |
/// | `PUMPURS_RELAY_POLL_MS` | int | `1000` (poll interval besides LISTEN/NOTIFY) |
/// | `PUMPURS_LOG_LEVEL` | `trace`…`critical` | `info` |
public struct ServiceConfiguration: Sendable {
    /// Service name: schema, role, queue prefix and `producer` of its events (e.g. `intake`).
    public var serviceName: String
    /// HTTP bind host.
    public var httpHost: String
    /// HTTP port.
    public var httpPort: Int
    /// A connection that sends nothing for this long (before, between or in the middle of
    /// requests) is closed, so idle or stalled clients cannot hold sockets for ever.
    public var httpIdleTimeout: Duration
    /// Database (the service's own role and schema).
    public var database: PostgresConfiguration
    /// Broker.
    public var amqp: AMQPURL
    /// Who may have published a consumed event (strict unless `PUMPURS_AMQP_SHARED_USER`).
    public var producerCheck: ProducerCheck
    /// Prefetch per consumer.
    public var prefetch: Int
    /// At most this many deliveries already received are handled in one transaction (1: one each).
    public var consumerBatch: Int
    /// Delivery limit of the service queue.
    public var deliveryLimit: Int
    /// Outbox rows per relay batch.
    public var relayBatchSize: Int
    /// Relay poll interval (besides LISTEN/NOTIFY wake-ups).
    public var relayPollInterval: Duration
    /// Log level.
    public var logLevel: Logger.Level

    /// Reads the configuration of `service` from `environment` (pass `ProcessInfo…environment`).
    ///
    /// `service` must be a `PlatformServices` name (`^[a-z][a-z0-9_]{0,30}$`): it becomes the schema,
    /// role and queue prefix, so an executable name such as `risk-validation` is refused here, under
    /// its own key, rather than later as a misleading `PUMPURS_DATABASE_URL` error.
    public init(service: String, defaultPort: Int, environment: [String: String]) throws(ConfigurationError) {
        guard PostgresIdentifier.isValidServiceName(service) else {
            throw ConfigurationError(
                key: "service name",
                message: "must match ^[a-z][a-z0-9_]{0,30}$ (it names the PostgreSQL schema and role and the queues; "
                    + "use the PlatformServices name, e.g. risk_validation, not the executable name)"
            )
        }
        let reader = EnvironmentReader(environment)
        serviceName = service
        httpHost = reader.string("PUMPURS_HTTP_HOST", default: "127.0.0.1")
        httpPort = try reader.int("PUMPURS_HTTP_PORT", default: defaultPort, range: 1...65535)
        let dbURL = reader.string("PUMPURS_DATABASE_URL",
                                  default: "postgres://\(service):\(service)@\(Self.databaseHost(reader.string("PUMPURS_DATABASE_HOST", default: ""))):"
                                      + "\(try reader.int("PUMPURS_DATABASE_PORT", default: 5432, range: 1...65535))/pumpurs")
        let poolSize = try reader.int("PUMPURS_DATABASE_POOL_SIZE", default: 4, range: 1...64)
        do {
            database = try PostgresConfiguration(url: dbURL, schema: service, poolSize: poolSize)
        } catch {
            throw ConfigurationError(key: "PUMPURS_DATABASE_URL", message: error.message)
        }
        // A request's statements finish in milliseconds; one that runs for seconds is a runaway
        // (or an abuse) and would otherwise hold its pooled connection for as long as it likes.
        let statementTimeout = try reader.int("PUMPURS_DATABASE_STATEMENT_TIMEOUT_MS", default: 15_000, range: 0...3_600_000)
        database.statementTimeout = statementTimeout == 0 ? nil : .milliseconds(statementTimeout)
        httpIdleTimeout = .milliseconds(try reader.int("PUMPURS_HTTP_IDLE_TIMEOUT_MS", default: 30_000, range: 100...3_600_000))
        do {
            amqp = try AMQPURL(parsing: reader.string("PUMPURS_AMQP_URL", default: "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs"))
        } catch {
            throw ConfigurationError(key: "PUMPURS_AMQP_URL", message: error.message)
        }
        producerCheck = try ProducerCheck(sharedUserSetting: reader.string("PUMPURS_AMQP_SHARED_USER", default: ""), login: amqp.user)
        prefetch = try reader.int("PUMPURS_AMQP_PREFETCH", default: 64, range: 1...65535)
        consumerBatch = try reader.int("PUMPURS_CONSUMER_BATCH", default: 16, range: 1...1000)
        deliveryLimit = try reader.int("PUMPURS_DELIVERY_LIMIT", default: 5, range: 0...1000)
        relayBatchSize = try reader.int("PUMPURS_RELAY_BATCH", default: 500, range: 1...10_000)
        relayPollInterval = .milliseconds(try reader.int("PUMPURS_RELAY_POLL_MS", default: 1000, range: 10...600_000))
        let level = reader.string("PUMPURS_LOG_LEVEL", default: "info")
        guard let parsed = Logger.Level(rawValue: level) else {
            throw ConfigurationError(key: "PUMPURS_LOG_LEVEL", message: "must be one of trace, debug, info, notice, warning, error, critical")
        }
        logLevel = parsed
    }
}

/// A configuration value that cannot be used; names the key, never the value (it may be secret).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The environment key.
    public var key: String
    /// What is wrong.
    public var message: String
    /// `KEY: message`.
    public var description: String { "\(key): \(message)" }
    /// Creates the error (also for a service's own keys).
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

/// Typed reads from an environment dictionary.
struct EnvironmentReader {
    let environment: [String: String]
    init(_ environment: [String: String]) { self.environment = environment }

    func string(_ key: String, default value: String) -> String {
        guard let v = environment[key], !v.isEmpty else { return value }
        return v
    }

    func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let text = environment[key], !text.isEmpty else { return value }
        guard let v = Int(text), range.contains(v) else {
            throw ConfigurationError(key: key, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }
}

extension ServiceConfiguration {
    /// The host part of the default database URL: `PUMPURS_DATABASE_HOST` (a host name, or a
    /// directory holding PostgreSQL's unix socket, percent-encoded as libpq reads it), else 127.0.0.1.
    static func databaseHost(_ configured: String) -> String {
        configured.isEmpty ? "127.0.0.1" : PostgresConfiguration.urlHost(configured)
    }
}

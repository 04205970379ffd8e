import AMQP
import Foundation
import Logging
import Postgres

/// Connection settings the CLI reads from the environment (same keys as the services, plus the
/// admin database URL used for provisioning).
struct CtlEnvironment {
    let values: [String: String]

    init(_ values: [String: String] = ProcessInfo.processInfo.environment) { self.values = values }

    /// `PUMPURS_DATABASE_ADMIN_URL`: a role with CREATEROLE and CREATE on the database.
    var adminDatabaseURL: String {
        values["PUMPURS_DATABASE_ADMIN_URL"] ?? "postgres://pumpurs_admin:pumpurs_admin@127.0.0.1:5432/pumpurs"
    }

    /// `PUMPURS_AMQP_URL`.
    func amqpURL() throws -> AMQPURL {
        try AMQPURL(parsing: values["PUMPURS_AMQP_URL"] ?? "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs")
    }

    /// Password of a service's database role: `PUMPURS_DB_PASSWORD_<SERVICE>`, or (development
    /// only) the service name.
    func servicePassword(_ service: String) -> String {
        values["PUMPURS_DB_PASSWORD_\(service.uppercased())"] ?? service
    }

    /// The database URL a service logs in with, derived from the admin URL's host and database.
    func serviceDatabaseURL(_ service: String) throws -> PostgresConfiguration {
        var configuration = try PostgresConfiguration(url: adminDatabaseURL, schema: service, poolSize: 2)
        configuration.user = service
        configuration.password = servicePassword(service)
        return configuration
    }

    var logger: Logger {
        var logger = Logger(label: "pumpurs.ctl")
        logger.logLevel = Logger.Level(rawValue: values["PUMPURS_LOG_LEVEL"] ?? "warning") ?? .warning
        return logger
    }
}

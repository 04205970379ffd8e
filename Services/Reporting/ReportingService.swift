import Auth
import Postgres
import Rules
import ServiceKit

/// The reporting service as the host runs it: its read model of the platform's events (the
/// directory's institutions, plans, statuses, approved work, payouts), the programme statistics
/// and the implementation reports. It reads no other service's schema.
public enum ReportingService {
    /// Everything the service's schema needs (the kit's tables come from the host).
    public static var migrations: [Migration] { DirectoryReplica.migrations + ReportingMigrations.all }

    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "reporting", port: Int = 8086, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults) -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: port, migrations: migrations,
                          handlers: ReportingProjection(settings: settings).handlers) { router, resources in
            ReportingAPI(pool: resources.pool, producer: name, verifier: verifier, settings: settings).register(on: router)
        }
    }

    /// The handlers only (catalogue checks).
    public static var handlers: EventHandlers { ReportingProjection(settings: .defaults).handlers }
}

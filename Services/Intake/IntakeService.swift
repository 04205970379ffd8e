import Auth
import Rules
import ServiceKit

/// The intake service as the host runs it: schema migrations, the status projection's event
/// handlers and the HTTP API. The executable and the integration tests build it the same way.
public enum IntakeService {
    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "intake", port: Int = 8080, keys: StudentKeys, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults, limits: IntakeAPI.Limits = IntakeAPI.Limits(),
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: port, migrations: IntakeMigrations.all,
                          handlers: PlanStatusProjection.handlers(settings: settings)) { router, resources in
            IntakeAPI(pool: resources.pool, producer: name, keys: keys, verifier: verifier, settings: settings,
                      limits: limits, today: today)
                .register(on: router)
        }
    }
}

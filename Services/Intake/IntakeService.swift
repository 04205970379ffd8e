import Auth
import Postgres
import Rules
import ServiceKit

/// The intake service as the host runs it: schema migrations, the status projection's event
/// handlers and the HTTP API. The executable and the integration tests build it the same way.
public enum IntakeService {
    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "intake", port: Int = 8080, keys: StudentKeys, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults, limits: IntakeAPI.Limits = IntakeAPI.Limits(),
                                  portalSecret: String? = nil,
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        let birthDates = StudentBirthDates(vault: PersonalCodeVault(keys: keys))
        return ServiceDefinition(name: name, defaultPort: port, migrations: IntakeMigrations.all,
                                 handlers: PlanStatusProjection.handlers(keys: keys, settings: settings),
                                 periodic: [PeriodicWork(name: "seal legacy birth dates", interval: .seconds(3_600)) { resources in
                                     // Rows written before migration 120 hold the birth date in plaintext: seal them
                                     // at start (first run), in batches; later runs find none.
                                     while try await resources.pool.withTransaction({ try birthDates.sealLegacy(on: $0) }) > 0 {}
                                 }]) { router, resources in
            IntakeAPI(pool: resources.pool, producer: name, keys: keys, verifier: verifier, settings: settings,
                      limits: limits, portalSecret: portalSecret, today: today)
                .register(on: router)
        }
    }
}

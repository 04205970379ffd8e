import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// The timesheets service as the host runs it: its schema, the plan copy's handlers (approval's
/// plan events and the directory's institutions) and the HTTP API for entries and monthly work
/// records. Any number of instances may run: plan and record rows are locked where they change.
public enum TimesheetsService {
    /// Everything the service's schema needs (the kit's tables come from the host).
    public static var migrations: [Migration] { DirectoryReplica.migrations + TimesheetsMigrations.all }

    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "timesheets", port: Int = 8083, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults,
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: port, migrations: migrations, handlers: handlers) { router, resources in
            TimesheetsAPI(pool: resources.pool, producer: name, verifier: verifier, settings: settings, today: today).register(on: router)
        }
    }

    /// The handlers only (catalogue checks).
    public static var handlers: EventHandlers { PlanProjection().handlers }
}

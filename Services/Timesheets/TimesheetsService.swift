import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// The timesheets service as the host runs it (skeleton: filled in by issue #6).
public enum TimesheetsService {
    /// Everything the service's schema needs (the kit's tables come from the host).
    public static var migrations: [Migration] { DirectoryReplica.migrations }

    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "timesheets", port: Int = 8083, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults,
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: port, migrations: migrations, handlers: handlers)
    }

    /// The handlers only (catalogue checks).
    public static var handlers: EventHandlers { EventHandlers() }
}

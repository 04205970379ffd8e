import Auth
import Foundation
import Rules
import ServiceKit

/// The approval routing service as the host runs it: migrations, the projection's handlers, the
/// approvers' API and the reminder sweep. Operators run as many instances as the work needs.
public enum ApprovalService {
    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "approval", port: Int = 8082, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults, reminders: ReminderSweep = ReminderSweep(),
                                  sweepInterval: Duration = .seconds(60),
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        let projection = ApprovalProjection(settings: settings, today: today)
        return ServiceDefinition(
            name: name, defaultPort: port, migrations: DirectoryReplica.migrations + ApprovalMigrations.all,
            handlers: projection.handlers,
            periodic: [PeriodicWork(name: "approval reminders", interval: sweepInterval) { resources in
                try await reminders.run(producer: name, pool: resources.pool)
            }]) { router, resources in
                ApprovalAPI(pool: resources.pool, producer: name, verifier: verifier, settings: settings, today: today).register(on: router)
            }
    }

    /// The handlers only (catalogue checks).
    public static var handlers: EventHandlers { ApprovalProjection(settings: .defaults, today: { nil }).handlers }
}

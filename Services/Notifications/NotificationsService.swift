import Auth
import Foundation
import Hummingbird
import Mail
import Postgres
import ServiceKit

/// `PUT /notifications/preferences` body.
struct Preferences: Codable, Sendable {
    /// One email a day listing the plans that await the person, instead of one per plan.
    var dailyDigest: Bool
}

/// The notifications service as the host runs it: directory copy and event handlers that write
/// emails, a sender and a daily digest on timers, and the caller's own preferences.
public enum NotificationsService {
    /// The definition; `name` is the service (schema, queue) name.
    public static func definition(name: String = "notifications", port: Int = 8085, settings: MailSettings,
                                  verifier: TokenVerifier, now: @escaping @Sendable () -> Date = { Date() }) throws -> ServiceDefinition {
        let queue = MailQueue(settings: settings, now: now)
        let templates = try MailTemplates()
        let digest = DailyDigest(queue: queue, templates: templates)
        return ServiceDefinition(
            name: name, defaultPort: port, migrations: DirectoryReplica.migrations + NotificationsMigrations.all,
            handlers: NotificationHandlers(queue: queue, templates: templates).handlers,
            periodic: [
                PeriodicWork(name: "mail sender", interval: settings.sendInterval) { resources in
                    // Drain what is due, then wait for the next tick.
                    while try await queue.sendDue(pool: resources.pool, logger: resources.logger).sent > 0 {}
                },
                PeriodicWork(name: "daily digest", interval: settings.digestInterval) { resources in
                    try await digest.run(pool: resources.pool, logger: resources.logger)
                },
            ]) { router, resources in
                let group = router.group("notifications").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: resources.pool)))
                group.put("preferences") { request, context in
                    let principal = try context.requirePrincipal()
                    let input = try await BoundedBody.decode(Preferences.self, from: request, limit: 4096)
                    try await resources.pool.withTransaction { connection in
                        try connection.execute("""
                            INSERT INTO digest_subscribers (person_id, active) VALUES ($1, $2)
                            ON CONFLICT (person_id) DO UPDATE SET active = EXCLUDED.active, updated_at = now()
                            """, [principal.personId, input.dailyDigest])
                    }
                    return try JSONResponse.make(.ok, input)
                }
            }
    }

    /// The handlers only (catalogue checks).
    public static func handlers() throws -> EventHandlers {
        let settings = MailSettings(smtp: .init(url: "smtp://127.0.0.1:1"), from: .init(name: "", address: .init("a@b.lv")!), portal: "")
        return NotificationHandlers(queue: MailQueue(settings: settings), templates: try MailTemplates()).handlers
    }
}

import Auth
import Hummingbird
import Postgres

/// What makes one service: its name, port, schema migrations, the events it consumes and its
/// HTTP routes. The composition root of each executable builds one and hands it to `ServiceHost`.
public struct ServiceDefinition: Sendable {
    /// Service name: schema, database role, queue prefix, event producer (e.g. `intake`).
    public var name: String
    /// Default HTTP port (ARCHITECTURE.md).
    public var defaultPort: Int
    /// The service's own migrations (versions ≥ 100; the kit's outbox/inbox come first).
    public var migrations: [Migration]
    /// Consumed events.
    public var handlers: EventHandlers
    /// Adds the service's own routes. The router's context carries the authenticated principal
    /// (put there by `AuthenticationMiddleware` on the route groups that need it; the ops
    /// endpoints stay open).
    public var routes: @Sendable (Router<AuthenticatedRequestContext>, ServiceResources) -> Void
    /// Work on a timer (every instance runs it).
    public var periodic: [PeriodicWork]

    /// Creates a definition.
    public init(name: String, defaultPort: Int, migrations: [Migration] = [], handlers: EventHandlers = EventHandlers(),
                periodic: [PeriodicWork] = [],
                routes: @escaping @Sendable (Router<AuthenticatedRequestContext>, ServiceResources) -> Void = { _, _ in }) {
        self.name = name
        self.defaultPort = defaultPort
        self.migrations = migrations
        self.handlers = handlers
        self.periodic = periodic
        self.routes = routes
    }
}

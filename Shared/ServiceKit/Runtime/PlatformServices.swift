/// The platform's services: name (schema, role, queue prefix) and default HTTP port.
public enum PlatformServices {
    /// One service.
    public struct Entry: Sendable, Hashable {
        /// Name used for the schema, role and queues.
        public var name: String
        /// Executable.
        public var executable: String
        /// Default HTTP port.
        public var port: Int
    }

    /// All seven services (ARCHITECTURE.md; reporting since issue #9).
    public static let all: [Entry] = [
        Entry(name: "intake", executable: "pumpurs-intake", port: 8080),
        Entry(name: "risk_validation", executable: "pumpurs-risk-validation", port: 8081),
        Entry(name: "approval", executable: "pumpurs-approval-routing", port: 8082),
        Entry(name: "timesheets", executable: "pumpurs-timesheets", port: 8083),
        Entry(name: "payouts", executable: "pumpurs-payouts", port: 8084),
        Entry(name: "notifications", executable: "pumpurs-notifications", port: 8085),
        Entry(name: "reporting", executable: "pumpurs-reporting", port: 8086),
    ]

    /// The staff portal: a schema of its own (sessions) and an HTTP port, but no queue and no
    /// broker user (it owns no programme data; it acts through the services' HTTP APIs).
    public static let portal = Entry(name: "portal", executable: "pumpurs-portal", port: 8087)

    /// Consumers outside the platform that get a durable queue of their own (`<name>.events`,
    /// bound to what the event catalogue lists for them): finance reads payout events from
    /// `finance.events`.
    public static let externalConsumers = ["finance"]
}

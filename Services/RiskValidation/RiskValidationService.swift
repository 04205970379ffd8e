import Rules
import ServiceKit

/// The risk validation service as the host runs it (ops endpoints only; its work is the queue).
public enum RiskValidationService {
    /// The definition; `name` is the service (schema, queue, producer) name.
    public static func definition(name: String = "risk_validation", port: Int = 8081,
                                  settings: ProgrammeSettings = .defaults) -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: port, migrations: DirectoryReplica.migrations + RiskValidationMigrations.all,
                          handlers: SubmittedPlanValidation(settings: settings).handlers)
    }
}

import ApprovalRouting
import Auth
import Foundation
import ServiceKit

/// `pumpurs-approval-routing`: walks validated plans through the approval chain. Beyond the
/// kit's keys it reads the token settings (as intake), `PUMPURS_PROGRAMME_SETTINGS_FILE`,
/// `PUMPURS_APPROVAL_REMINDER_DAYS` (default 5), `PUMPURS_APPROVAL_ESCALATION_DAYS` (default 10)
/// and `PUMPURS_APPROVAL_SWEEP_SECONDS` (default 60). Run several instances to scale.
@main
struct ApprovalRoutingMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        func days(_ key: String, _ fallback: Int) throws -> Int {
            guard let text = environment[key] else { return fallback }
            guard let value = Int(text), value > 0 else { throw ConfigurationError(key: key, message: "must be a positive number") }
            return value
        }
        let reminders = ReminderSweep(reminderDays: try days("PUMPURS_APPROVAL_REMINDER_DAYS", 5),
                                      escalationDays: try days("PUMPURS_APPROVAL_ESCALATION_DAYS", 10))
        let definition = ApprovalService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment),
                                                    reminders: reminders,
                                                    sweepInterval: .seconds(try days("PUMPURS_APPROVAL_SWEEP_SECONDS", 60)))
        try await ServiceHost.run(definition, environment: environment)
    }
}

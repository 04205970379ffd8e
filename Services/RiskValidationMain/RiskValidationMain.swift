import Foundation
import RiskValidation
import ServiceKit

/// `pumpurs-risk-validation`: validates submitted plans against the programme rules. Reads the
/// kit's keys (README) and `PUMPURS_PROGRAMME_SETTINGS_FILE`.
@main
struct RiskValidationMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let definition = RiskValidationService.definition(settings: try ProgrammeSettingsFile.load(environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

import Auth
import Foundation
import Timesheets
import ServiceKit

/// `pumpurs-timesheets`: reads the kit's keys, the token settings (as intake) and
/// `PUMPURS_PROGRAMME_SETTINGS_FILE`.
@main
struct TimesheetsMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = TimesheetsService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

import Auth
import Foundation
import Timesheets
import ServiceKit

/// `pumpurs-timesheets`: monthly work records of specialists and preparers (HTTP :8083 by default).
/// It reads the kit's keys, the token settings (as intake) and `PUMPURS_PROGRAMME_SETTINGS_FILE`
/// (the semester calendar that opens and closes recording, the preparer's limit per semester and
/// the weekly-load thresholds); it has no keys of its own. Run several instances to scale: plans
/// and work records are locked where they change.
@main
struct TimesheetsMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = TimesheetsService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

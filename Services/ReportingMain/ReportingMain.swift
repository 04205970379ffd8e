import Auth
import Foundation
import Reporting
import ServiceKit

/// `pumpurs-reporting`: implementation reports and programme statistics (HTTP :8086 by default),
/// a read model built from the platform's events. It reads the kit's keys, the token settings (as
/// intake) and `PUMPURS_PROGRAMME_SETTINGS_FILE` (the semester calendar, for planned money per
/// semester, and the preparer's limit shown on reports); it has no keys of its own.
@main
struct ReportingMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = ReportingService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

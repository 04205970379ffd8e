import Auth
import Foundation
import Payouts
import ServiceKit

/// `pumpurs-payouts`: reads the kit's keys, the token settings (as intake) and
/// `PUMPURS_PROGRAMME_SETTINGS_FILE`.
@main
struct PayoutsMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = PayoutsService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

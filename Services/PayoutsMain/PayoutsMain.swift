import Auth
import Foundation
import Payouts
import ServiceKit

/// `pumpurs-payouts`: expense claims, staff pay, the payout ledger and finance's exports.
/// Reads the kit's keys, the token settings (as intake), `PUMPURS_PROGRAMME_SETTINGS_FILE`
/// (caps, hourly rates, semesters) and the debtor account `PUMPURS_PAYOUTS_DEBTOR_NAME`,
/// `PUMPURS_PAYOUTS_DEBTOR_IBAN`, `PUMPURS_PAYOUTS_DEBTOR_BIC`.
@main
struct PayoutsMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = PayoutsService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment),
                                                   debtor: try PayoutsSettings.debtor(from: environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

import Auth
import Foundation
import Payouts
import ServiceKit

/// `pumpurs-payouts`: expense claims, staff pay, the payout ledger and finance's exports.
/// Reads the kit's keys, the token settings (as intake), `PUMPURS_PROGRAMME_SETTINGS_FILE`
/// (caps, hourly rates, semesters) and the debtor account `PUMPURS_PAYOUTS_DEBTOR_NAME`,
/// `PUMPURS_PAYOUTS_DEBTOR_IBAN`, `PUMPURS_PAYOUTS_DEBTOR_BIC`, and how long held staff pay waits
/// after an account change, `PUMPURS_PAYOUTS_PAYEE_CHANGE_WAIT_SECONDS` (default 86400).
@main
struct PayoutsMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = PayoutsService.definition(verifier: verifier, settings: try ProgrammeSettingsFile.load(environment),
                                                   debtor: try PayoutsSettings.debtor(from: environment),
                                                   payeeChangeWait: try PayoutsSettings.payeeChangeWait(from: environment))
        try await ServiceHost.run(definition, environment: environment)
    }
}

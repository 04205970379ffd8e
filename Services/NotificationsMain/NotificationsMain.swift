import Auth
import Foundation
import Notifications
import ServiceKit

/// `pumpurs-notifications`: turns events into email. Reads the kit's keys, the token settings
/// (as intake) and the mail settings (`MailSettings`: SMTP URL, STARTTLS, credentials, sender,
/// portal link, attempts, digest hour).
@main
struct NotificationsMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        let definition = try NotificationsService.definition(settings: try MailSettings.from(environment), verifier: verifier)
        try await ServiceHost.run(definition, environment: environment)
    }
}

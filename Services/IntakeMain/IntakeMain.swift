import Auth
import Foundation
import Intake
import Rules
import ServiceKit

/// `pumpurs-intake`: configuration and the composition root only.
///
/// Beyond the kit's keys (README) it reads `PUMPURS_INTAKE_ENCRYPTION_KEY` and
/// `PUMPURS_INTAKE_LOOKUP_KEY` (secret; 32 bytes base64 each), `PUMPURS_JWT_ISSUER`,
/// `PUMPURS_JWT_AUDIENCE` and the verification keys (`PUMPURS_JWT_JWKS[_FILE]` in production,
/// `PUMPURS_JWT_PUBLIC_KEY_FILE` in development).
@main
struct IntakeMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let keys = try StudentKeys(encryptionBase64: environment["PUMPURS_INTAKE_ENCRYPTION_KEY"] ?? "",
                                   lookupBase64: environment["PUMPURS_INTAKE_LOOKUP_KEY"] ?? "")
        let verifier = await TokenVerifier(issuer: environment["PUMPURS_JWT_ISSUER"] ?? "pumpurs-dev",
                                           audience: environment["PUMPURS_JWT_AUDIENCE"] ?? "pumpurs",
                                           keys: try VerificationKeys.fromEnvironment(environment))
        let drafts = PlanDrafts(students: StudentRegistry(vault: PersonalCodeVault(keys: keys)))
        let definition = ServiceDefinition(name: "intake", defaultPort: 8080, migrations: IntakeMigrations.all) { router, resources in
            IntakeRoutes(pool: resources.pool, drafts: drafts, verifier: verifier,
                         today: { CalendarDate.todayUTC() })
                .register(on: router)
        }
        try await ServiceHost.run(definition, environment: environment)
    }
}

import Auth
import Foundation
import Intake
import Rules
import ServiceKit

/// `pumpurs-intake`: configuration and the composition root only.
///
/// Beyond the kit's keys (README) it reads `PUMPURS_INTAKE_ENCRYPTION_KEY` and
/// `PUMPURS_INTAKE_LOOKUP_KEY` (secret; 32 bytes base64 each), `PUMPURS_JWT_ISSUER`,
/// `PUMPURS_JWT_AUDIENCE`, the verification keys (`PUMPURS_JWT_JWKS[_FILE]` in production,
/// `PUMPURS_JWT_PUBLIC_KEY_FILE` in development) and `PUMPURS_INTAKE_MAX_DOCUMENT_BYTES`
/// (uploaded documents, default 5 MiB).
@main
struct IntakeMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let keys = try StudentKeys(encryptionBase64: environment["PUMPURS_INTAKE_ENCRYPTION_KEY"] ?? "",
                                   lookupBase64: environment["PUMPURS_INTAKE_LOOKUP_KEY"] ?? "")
        let verifier = try await TokenVerifier.fromEnvironment(environment)
        var limits = IntakeAPI.Limits()
        if let text = environment["PUMPURS_INTAKE_MAX_DOCUMENT_BYTES"] {
            guard let bytes = Int(text), bytes > 0 else {
                throw ConfigurationError(key: "PUMPURS_INTAKE_MAX_DOCUMENT_BYTES", message: "must be a positive number of bytes")
            }
            limits.document = bytes
        }
        let definition = IntakeService.definition(keys: keys, verifier: verifier, settings: try ProgrammeSettingsFile.load(environment),
                                                  limits: limits)
        try await ServiceHost.run(definition, environment: environment)
    }
}

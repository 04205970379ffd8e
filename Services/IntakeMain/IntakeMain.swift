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
/// (uploaded documents, default 5 MiB), and the upload quotas `PUMPURS_INTAKE_DOCUMENTS_PER_PLAN`
/// (40), `PUMPURS_INTAKE_DOCUMENT_BYTES_PER_PLAN` (100 MiB), `PUMPURS_INTAKE_UPLOADS_PER_PERSON_DAY`
/// (300) and `PUMPURS_INTAKE_UPLOAD_BYTES_PER_PERSON_DAY` (512 MiB), and
/// `PUMPURS_PORTAL_DIRECTORY_SECRET` (secret: the staff portal's credential for `/directory/sign-in`).
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
        limits.quota = try uploadQuota(environment)
        let definition = IntakeService.definition(keys: keys, verifier: verifier, settings: try ProgrammeSettingsFile.load(environment),
                                                  limits: limits, portalSecret: environment["PUMPURS_PORTAL_DIRECTORY_SECRET"])
        try await ServiceHost.run(definition, environment: environment)
    }
}

/// The upload quotas from the environment (``UploadQuota``'s defaults for unset keys).
private func uploadQuota(_ environment: [String: String]) throws -> UploadQuota {
    var quota = UploadQuota()
    func positive(_ key: String, _ fallback: Int) throws -> Int {
        guard let text = environment[key], !text.isEmpty else { return fallback }
        guard let value = Int(text), value > 0 else { throw ConfigurationError(key: key, message: "must be a positive whole number") }
        return value
    }
    quota.documentsPerPlan = try positive("PUMPURS_INTAKE_DOCUMENTS_PER_PLAN", quota.documentsPerPlan)
    quota.bytesPerPlan = try positive("PUMPURS_INTAKE_DOCUMENT_BYTES_PER_PLAN", quota.bytesPerPlan)
    quota.uploadsPerPersonPerDay = try positive("PUMPURS_INTAKE_UPLOADS_PER_PERSON_DAY", quota.uploadsPerPersonPerDay)
    quota.bytesPerPersonPerDay = try positive("PUMPURS_INTAKE_UPLOAD_BYTES_PER_PERSON_DAY", quota.bytesPerPersonPerDay)
    return quota
}

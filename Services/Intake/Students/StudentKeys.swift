import Crypto
import Foundation

/// The two secrets that protect students' personal codes in the intake service: one encrypts
/// (AES-256-GCM), the other keys the look-up hash and the pseudonym (HMAC-SHA256). Both come from
/// configuration (`PUMPURS_INTAKE_ENCRYPTION_KEY`, `PUMPURS_INTAKE_LOOKUP_KEY`: 32 bytes, base64),
/// never from the repository.
public struct StudentKeys: Sendable {
    let encryption: SymmetricKey
    let lookup: SymmetricKey

    /// Keys from their base64 text; each must be 32 bytes and they must differ.
    public init(encryptionBase64: String, lookupBase64: String) throws(StudentKeyError) {
        guard let e = Data(base64Encoded: encryptionBase64), e.count == 32 else { throw .invalid("PUMPURS_INTAKE_ENCRYPTION_KEY") }
        guard let l = Data(base64Encoded: lookupBase64), l.count == 32 else { throw .invalid("PUMPURS_INTAKE_LOOKUP_KEY") }
        guard e != l else { throw .identical }
        encryption = SymmetricKey(data: e)
        lookup = SymmetricKey(data: l)
    }

    /// Two fresh random keys (tests and first-time development set-up).
    /// The key for Idempotency-Key fingerprints (request bodies hold personal codes), derived from
    /// the look-up key so no extra secret is needed.
    var idempotencyKey: SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array("pumpurs-idempotency-v1".utf8), using: lookup))
    }

    public static func generate() -> (encryptionBase64: String, lookupBase64: String) {
        (SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() },
         SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() })
    }
}

/// A key that cannot be used; names the setting, never its value.
public enum StudentKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not base64 of exactly 32 bytes.
    case invalid(String)
    /// Encryption and look-up keys are the same.
    case identical

    /// What to fix.
    public var description: String {
        switch self {
        case .invalid(let key): "\(key) must be 32 random bytes, base64-encoded"
        case .identical: "PUMPURS_INTAKE_ENCRYPTION_KEY and PUMPURS_INTAKE_LOOKUP_KEY must differ"
        }
    }
}

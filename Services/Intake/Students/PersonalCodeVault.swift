import Crypto
import Foundation
import Rules

/// A personal code as intake stores it: never the code itself, but its AES-GCM ciphertext, a
/// keyed hash to find the student again, and the stable pseudonymous code used everywhere else.
public struct ProtectedPersonalCode: Sendable, Equatable {
    /// Nonce + ciphertext + tag (AES-GCM combined form).
    public var ciphertext: [UInt8]
    /// HMAC-SHA256 of the code under the look-up key: equal codes, equal hashes.
    public var lookupHash: [UInt8]
    /// The pseudonymous student code (`S-…`).
    public var studentCode: StudentCode
}

/// Encrypts, finds and pseudonymises personal codes. Only the intake service holds one.
public struct PersonalCodeVault: Sendable {
    /// Binds ciphertexts to their purpose and version, so a blob cannot be replayed elsewhere.
    static let associatedData = Array("pumpurs.intake.personal-code.v1".utf8)
    /// Domain separation: the pseudonym is not the look-up hash (which stays inside intake).
    static let pseudonymLabel = Array("pumpurs.student-code.v1:".utf8)

    private let keys: StudentKeys

    /// Creates a vault with `keys`.
    public init(keys: StudentKeys) { self.keys = keys }

    /// Protects a validated personal code.
    public func protect(_ code: PersonalCode) throws -> ProtectedPersonalCode {
        let sealed = try AES.GCM.seal(Array(code.digits.utf8), using: keys.encryption, authenticating: Self.associatedData)
        guard let combined = sealed.combined else { throw VaultError.sealFailed }
        return ProtectedPersonalCode(ciphertext: Array(combined), lookupHash: lookupHash(code), studentCode: try studentCode(code))
    }

    /// The keyed look-up hash of a code.
    public func lookupHash(_ code: PersonalCode) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(code.digits.utf8), using: keys.lookup))
    }

    /// The stable pseudonymous student code of a code (same code, same pseudonym, for ever).
    public func studentCode(_ code: PersonalCode) throws -> StudentCode {
        let digest = HMAC<SHA256>.authenticationCode(for: Self.pseudonymLabel + Array(code.digits.utf8), using: keys.lookup)
        return try StudentCode.derive(fromDigest: Array(digest))
    }

    /// Decrypts a stored ciphertext back into the digits (for the few screens that show the code
    /// to its own institution); fails on tampering or a wrong key.
    public func reveal(_ ciphertext: [UInt8]) throws -> String {
        let box = try AES.GCM.SealedBox(combined: ciphertext)
        let plain = try AES.GCM.open(box, using: keys.encryption, authenticating: Self.associatedData)
        return String(decoding: plain, as: UTF8.self)
    }
}

/// A failure of the vault itself (not of the input).
public enum VaultError: Error, Sendable {
    /// AES-GCM produced no combined form (cannot happen with the standard 12-byte nonce).
    case sealFailed
}

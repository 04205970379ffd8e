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

    let keys: StudentKeys

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

extension PersonalCodeVault {
    /// Binds a birth-date ciphertext to its purpose and its student: a blob copied onto another
    /// student's row does not open.
    static func birthDateAssociatedData(studentId: UUID) -> [UInt8] {
        Array("pumpurs.intake.birth-date.v1:\(studentId.uuidString.lowercased())".utf8)
    }

    /// Encrypts a student's birth date (AES-GCM under the same key as the personal code).
    public func sealBirthDate(_ date: CalendarDate, studentId: UUID) throws -> [UInt8] {
        let sealed = try AES.GCM.seal(Array(date.iso.utf8), using: keys.encryption,
                                      authenticating: Self.birthDateAssociatedData(studentId: studentId))
        guard let combined = sealed.combined else { throw VaultError.sealFailed }
        return Array(combined)
    }

    /// Decrypts a birth date sealed for `studentId`; fails on tampering, a wrong key or another student's blob.
    public func openBirthDate(_ ciphertext: [UInt8], studentId: UUID) throws -> CalendarDate {
        let box = try AES.GCM.SealedBox(combined: ciphertext)
        let plain = try AES.GCM.open(box, using: keys.encryption, authenticating: Self.birthDateAssociatedData(studentId: studentId))
        guard let date = CalendarDate(iso: String(decoding: plain, as: UTF8.self)) else { throw VaultError.notADate }
        return date
    }
}

/// A failure of the vault itself (not of the input).
public enum VaultError: Error, Sendable {
    /// AES-GCM produced no combined form (cannot happen with the standard 12-byte nonce).
    case sealFailed
    /// A sealed birth date opened to something that is not an ISO date.
    case notADate
}

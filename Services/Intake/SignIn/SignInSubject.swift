import Crypto
import Foundation

/// A person's sign-in subject (the identity provider's `sub`), as intake keeps it: only a keyed
/// hash. Latvija.lv's subject is a personal code, so the plain value is never stored, logged or
/// returned; the staff portal sends it once per sign-in and gets the person back.
enum SignInSubject {
    /// Longest subject accepted (OIDC's `sub` is at most 255 ASCII characters).
    static let maximumLength = 255

    /// HMAC-SHA256 of the subject under the look-up key, domain-separated from students' hashes
    /// (a subject that is a student's personal code must not hash to the student's look-up value).
    static func hash(_ subject: String, key: SymmetricKey) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(("pumpurs.sign-in-subject\u{0}" + subject).utf8), using: key))
    }

    /// The subject trimmed, or nil when it is empty or too long.
    static func normalized(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= maximumLength else { return nil }
        return trimmed
    }
}

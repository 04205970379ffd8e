/// An email address the platform accepts: `local@domain.tld`, printable ASCII without spaces or
/// the characters that need quoting, at most 254 characters (local part ≤ 64). Deliberately
/// stricter than RFC 5322: what passes is safe in an SMTP envelope and in a header.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address as given.
    public let value: String

    /// Validates `text`; nil when it is not an acceptable address.
    public init?(_ text: String) {
        let forbidden = Set("<>()[],;:\\\"".unicodeScalars)
        guard text.utf8.count <= 254,
              text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && !forbidden.contains($0) }) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return nil }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
              !domain.hasPrefix("-") else { return nil }
        value = text
    }

    public var description: String { value }
}

/// The stable pseudonymous student code used everywhere outside intake (seed 000 item 15):
/// `S-` followed by 10 Crockford base32 characters (50 bits).
///
/// Foundation has no HMAC, so the caller supplies the digest: intake computes
/// HMAC-SHA256(secret key, normalized personal code digits) and passes the bytes to
/// `derive(fromDigest:)`. The first 50 bits, big-endian, become the code; the same person
/// therefore always gets the same code, and without the key nobody can reverse it.
public struct StudentCode: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical text, e.g. `S-7ZK3M0Q1VX`.
    public let value: String

    /// Crockford's base32 alphabet (no I, L, O, U).
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Prefix of every student code.
    public static let prefix = "S-"
    /// Number of base32 characters after the prefix.
    public static let length = 10

    /// Why a text is not a student code.
    public enum FormatError: Error, Sendable, Hashable {
        /// The text does not start with `S-`.
        case missingPrefix
        /// Not exactly ten characters after the prefix.
        case wrongLength
        /// A character outside Crockford's base32 alphabet.
        case invalidCharacter
        /// The digest has fewer than 7 bytes (50 bits are needed).
        case digestTooShort
    }

    /// Validates a code; lower-case letters are accepted and upper-cased.
    public init(validating text: String) throws(FormatError) {
        let upper = text.uppercased()
        guard upper.hasPrefix(StudentCode.prefix) else { throw .missingPrefix }
        let body = upper.dropFirst(StudentCode.prefix.count)
        guard body.count == StudentCode.length else { throw .wrongLength }
        guard body.allSatisfy({ StudentCode.alphabet.contains($0) }) else { throw .invalidCharacter }
        value = upper
    }

    /// Whether `text` is a well-formed student code.
    public static func isValid(_ text: String) -> Bool { (try? StudentCode(validating: text)) != nil }

    /// Derives the code from a keyed digest (at least 7 bytes; HMAC-SHA256 gives 32).
    public static func derive(fromDigest digest: [UInt8]) throws(FormatError) -> StudentCode {
        guard digest.count >= 7 else { throw .digestTooShort }
        var bits: UInt64 = 0
        for byte in digest.prefix(7) { bits = bits << 8 | UInt64(byte) }
        bits >>= 6  // keep the first 50 of 56 bits
        var characters: [Character] = []
        for index in stride(from: length - 1, through: 0, by: -1) {
            characters.append(alphabet[Int((bits >> UInt64(index * 5)) & 0x1F)])
        }
        return StudentCode(canonical: prefix + String(characters))
    }

    private init(canonical: String) { value = canonical }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            try self.init(validating: container.decode(String.self))
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a student code S-XXXXXXXXXX")
        }
    }

    /// Encodes the canonical text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The canonical text.
    public var description: String { value }

    /// Text order.
    public static func < (lhs: StudentCode, rhs: StudentCode) -> Bool { lhs.value < rhs.value }
}

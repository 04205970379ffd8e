import Foundation

/// Header values: CR, LF and NUL are refused outright (a name such as "Anna\r\nBcc: …" must never
/// become a header of its own); non-ASCII text is written as RFC 2047 encoded words.
public enum HeaderText {
    /// Why a header value is refused.
    public struct Refused: Error, Sendable, Equatable, CustomStringConvertible {
        /// Which header.
        public var header: String
        public var description: String { "header \(header) contains CR, LF or NUL" }
    }

    /// Whether `text` is safe as (part of) a header value.
    public static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }

    /// `text` for the header `name`, encoded when it is not plain printable ASCII.
    public static func encode(_ text: String, header name: String) throws(Refused) -> String {
        guard isSafe(text) else { throw Refused(header: name) }
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) { return text }
        // RFC 2047 B encoding, each encoded word at most 75 characters, split on character boundaries.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if (chunk.count + bytes.count + 2) / 3 * 4 > 75 - 12 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// A mailbox: `"Name" <address>` (the name encoded), or the bare address when the name is empty.
    public static func mailbox(name: String, address: EmailAddress, header: String) throws(Refused) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "<\(address.value)>" }
        let encoded = try encode(trimmed, header: header)
        if encoded.hasPrefix("=?") { return "\(encoded) <\(address.value)>" }
        let escaped = encoded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\" <\(address.value)>"
    }
}

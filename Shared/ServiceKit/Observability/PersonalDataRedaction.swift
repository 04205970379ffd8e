/// Masks anything shaped like a Latvian personal code (`DDMMYY-CNNNN`, with or without the
/// hyphen) in text bound for logs. Services never log personal data on purpose; this is the
/// safety net for the accidental case (a value echoed in a library's error text).
public enum PersonalDataRedaction {
    /// The text with every 11-digit run (optionally `6-5` hyphenated) replaced by `[redacted]`.
    public static func redact(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 11 else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if let length = codeLength(at: i, in: scalars) {
                out.append(contentsOf: "[redacted]".unicodeScalars)
                i += length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Length of a personal-code-shaped run starting at `i` that is not part of a longer number.
    private static func codeLength(at i: Int, in s: [Unicode.Scalar]) -> Int? {
        func digit(_ k: Int) -> Bool { k < s.count && ("0"..."9").contains(s[k]) }
        if i > 0, digit(i - 1) { return nil }
        guard (0..<6).allSatisfy({ digit(i + $0) }) else { return nil }
        var k = i + 6
        if k < s.count, s[k] == "-" { k += 1 }
        guard (0..<5).allSatisfy({ digit(k + $0) }) else { return nil }
        k += 5
        return digit(k) ? nil : k - i
    }
}

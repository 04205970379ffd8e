/// Masks anything shaped like a Latvian personal code (`DDMMYY-CNNNN`, with or without the
/// hyphen) in text bound for logs. Services never log personal data on purpose; this is the
/// safety net for the accidental case (a value echoed in a library's error text).
public enum PersonalDataRedaction {
    /// The text with every 11-digit run (optionally `6-5` hyphenated) replaced by `[redacted]`,
    /// except inside a UUID, which is left intact.
    public static func redact(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 11 else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if let length = uuidLength(at: i, in: scalars) {
                // Copied whole: a UUID's last group can hold 11 digits next to a letter, and ids
                // (message, correlation) must stay readable in logs to be traced.
                out.append(contentsOf: scalars[i..<i + length])
                i += length
            } else if let length = codeLength(at: i, in: scalars) {
                out.append(contentsOf: "[redacted]".unicodeScalars)
                i += length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// 36 when a UUID (`8-4-4-4-12` hex digits) starts at `i` and no ASCII letter or digit touches
    /// it on either side (so it is not a piece of a longer token).
    private static func uuidLength(at i: Int, in s: [Unicode.Scalar]) -> Int? {
        let length = 36
        guard i + length <= s.count, !isASCIIAlphanumeric(i - 1, in: s), !isASCIIAlphanumeric(i + length, in: s) else {
            return nil
        }
        for k in 0..<length {
            switch k {
            case 8, 13, 18, 23: guard s[i + k] == "-" else { return nil }
            default: guard s[i + k].properties.isASCIIHexDigit else { return nil }
            }
        }
        return length
    }

    private static func isASCIIAlphanumeric(_ k: Int, in s: [Unicode.Scalar]) -> Bool {
        guard k >= 0, k < s.count else { return false }
        let c = s[k]
        return c.isASCII && (("0"..."9").contains(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c))
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

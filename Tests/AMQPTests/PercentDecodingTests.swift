@testable import AMQP
import Testing

@Suite("String.removingPercentEncodingStrict")
struct PercentDecodingTests {
    @Test("decodes escapes (either hex case) and keeps everything else", arguments: [
        ("", ""), ("plain", "plain"), ("%2F", "/"), ("%2f", "/"), ("%41%42c", "ABc"), ("a%20b", "a b"),
        ("+", "+"),                 // not form-encoding: a plus stays a plus
        ("%25", "%"), ("%2541", "%41"), // decoded once, never twice
        ("%C4%81", "ā"), ("ā", "ā"), ("%00", "\u{0}"),
    ])
    func decodes(input: String, expected: String) {
        #expect(input.removingPercentEncodingStrict() == expected)
    }

    @Test("nil for a % without two hex digits", arguments: ["%", "%2", "a%", "%G0", "%0G", "%%41", "% 2F", "%-1"])
    func malformed(input: String) {
        #expect(input.removingPercentEncodingStrict() == nil)
    }

    @Test("nil when the decoded bytes are not UTF-8", arguments: ["%FF", "%C4", "%C4%41", "%80"])
    func invalidUTF8(input: String) {
        #expect(input.removingPercentEncodingStrict() == nil)
    }
}

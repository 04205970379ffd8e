import Foundation
import Mail
import Testing

@Suite("RFC 5322 Date header")
struct RFC5322DateTests {
    /// ICU's formatter is the oracle: the integer arithmetic must agree with it everywhere.
    static func oracle(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    @Test("known instants", arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (-1.0, "Wed, 31 Dec 1969 23:59:59 +0000"),
        (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_795_410_429.9, "Mon, 23 Nov 2026 05:07:09 +0000"),
        (4_107_542_399.0, "Sun, 28 Feb 2100 23:59:59 +0000"),
        (4_107_542_400.0, "Mon, 01 Mar 2100 00:00:00 +0000"),
    ])
    func known(seconds: Double, expected: String) {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("agrees with ICU on 5,000 instants from 1900 to 2200")
    func agreesWithICU() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: -2_208_988_800...7_258_118_400, using: &generator)))
            #expect(RFC5322Date.format(date) == Self.oracle(date), "\(date.timeIntervalSince1970)")
        }
    }
}

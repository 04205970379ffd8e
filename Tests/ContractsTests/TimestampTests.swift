import Contracts
import Foundation
import Testing

@Suite("Timestamp")
struct TimestampTests {
    /// The instant computed independently of `Timestamp`, through a UTC Gregorian calendar.
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, ms: Int = 0) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
        let whole = try #require(calendar.date(from: components))
        return whole.addingTimeInterval(Double(ms) / 1000)
    }

    // Fractions of a second that are exact in binary (.5, .25, .125), so these expectations do
    // not depend on floating-point rounding; see the known issue below for the other values.
    @Test("formats in UTC with exactly three fractional digits and a Z", arguments: [(0, "000"), (500, "500"), (250, "250"), (125, "125")])
    func formatsUTCWithMilliseconds(ms: Int, digits: String) throws {
        let date = try Self.utc(2026, 11, 22, 19, 27, 26, ms: ms)
        #expect(Timestamp.format(date) == "2026-11-22T19:27:26.\(digits)Z")
    }

    @Test("does not depend on the process time zone: midnight UTC stays on its day")
    func utcDay() throws {
        let date = try Self.utc(2025, 3, 1, 0, 0, 0)
        #expect(Timestamp.format(date) == "2025-03-01T00:00:00.000Z")
    }

    @Test("parses with fractional seconds", arguments: [
        ("2026-11-22T19:27:26.123Z", 123), ("2026-11-22T19:27:26.000Z", 0), ("2026-11-22T19:27:26.999Z", 999),
        ("2026-11-22T19:27:26.5Z", 500), ("2026-11-22T19:27:26.007Z", 7),
    ])
    func parsesFractional(text: String, ms: Int) throws {
        let parsed = try #require(Timestamp.parse(text))
        let expected = try Self.utc(2026, 11, 22, 19, 27, 26, ms: ms)
        #expect(abs(parsed.timeIntervalSince(expected)) < 0.0001)
    }

    @Test("parses without fractional seconds")
    func parsesWhole() throws {
        let parsed = try #require(Timestamp.parse("2026-11-22T19:27:26Z"))
        #expect(parsed == (try Self.utc(2026, 11, 22, 19, 27, 26)))
    }

    @Test("rejects text that is not an ISO-8601 timestamp", arguments: [
        "", "not a date", "2026-11-22", "19:27:26", "2026-13-01T00:00:00Z", "1732303646", "2026-11-22T19:27Z",
    ])
    func rejectsGarbage(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    // Known issue: Foundation's ISO-8601 parser is lenient about out-of-range fields; hour 25 is
    // read as 01:00 the next day instead of being refused.
    @Test("rejects an hour out of range")
    func rejectsHour25() {
        withKnownIssue("Timestamp.parse accepts hour 25") {
            #expect(Timestamp.parse("2026-11-22T25:00:00Z") == nil)
        }
    }

    @Test("sub-millisecond precision is dropped, not carried into the text")
    func subMillisecond() throws {
        let date = try Self.utc(2026, 11, 22, 19, 27, 26, ms: 250).addingTimeInterval(0.0004)
        #expect(Timestamp.format(date) == "2026-11-22T19:27:26.250Z")
    }

    // Known issue: `Date` holds a Double, so most millisecond values sit a hair below the exact
    // instant, and `ISO8601FormatStyle` truncates the fraction instead of rounding it. So
    // `format(parse("….007Z"))` is "….006Z": every decode → encode of an envelope (relay retry,
    // dead-letter replay) can move `occurredAt` back by a millisecond. Rounding to the nearest
    // millisecond before formatting would fix it.
    @Test("format(parse(text)) == text for every millisecond")
    func stableRoundTrip() throws {
        var unstable: [String] = []
        for ms in 0..<1000 {
            let text = String(format: "2024-02-29T23:59:59.%03dZ", ms)
            let parsed = try #require(Timestamp.parse(text))
            if Timestamp.format(parsed) != text { unstable.append(text) }
        }
        withKnownIssue("Timestamp.format truncates instead of rounding") {
            #expect(unstable.isEmpty, "\(unstable.count) of 1000 drift, e.g. \(unstable.prefix(3))")
        }
    }

    // Same cause as above, seen from a Date built arithmetically.
    @Test("a date on an exact millisecond formats as that millisecond")
    func exactMillisecondFormats() throws {
        var wrong: [Int] = []
        for ms in 0..<1000 where Timestamp.format(try Self.utc(2026, 11, 22, 19, 27, 26, ms: ms)) != String(format: "2026-11-22T19:27:26.%03dZ", ms) {
            wrong.append(ms)
        }
        withKnownIssue("Timestamp.format truncates instead of rounding") {
            #expect(wrong.isEmpty, "\(wrong.count) of 1000 are off by one, e.g. \(wrong.prefix(3))")
        }
    }

    @Test("contract JSON carries dates as these strings, and refuses other date shapes")
    func contractCodingDates() throws {
        let date = try Self.utc(2026, 11, 22, 19, 27, 26, ms: 500)
        let bytes = try ContractCoding.encode([date])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["2026-11-22T19:27:26.500Z"]"#)
        #expect(try ContractCoding.decode([Date].self, from: bytes) == [date])
        #expect(try ContractCoding.decode([Date].self, from: Array(#"["2026-11-22T19:27:26Z"]"#.utf8)) == [try Self.utc(2026, 11, 22, 19, 27, 26)])
        #expect(throws: DecodingError.self) { try ContractCoding.decode([Date].self, from: Array("[1732303646]".utf8)) }
        #expect(throws: DecodingError.self) { try ContractCoding.decode([Date].self, from: Array(#"["yesterday"]"#.utf8)) }
    }
}

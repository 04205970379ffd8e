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

    // Fractions of a second that are exact in binary (.5, .25, .125); every other millisecond is
    // covered by the round-trip tests below.
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

    // A lenient parser reads hour 25 as 01:00 the next day; the contract parser refuses it.
    @Test("rejects an hour out of range")
    func rejectsHour25() {
        #expect(Timestamp.parse("2026-11-22T25:00:00Z") == nil)
    }

    @Test("rejects fields out of range, dates not in the calendar and other shapes", arguments: [
        "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z", "2026-11-22T23:59:60Z", "2026-11-31T00:00:00Z",
        "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
        "2026-11-22T19:27:26.Z", "2026-11-22T19:27:26.1234567890Z", "2026-11-22T19:27:26", "2026-11-22T19:27:26z",
        "2026-11-22t19:27:26Z", "2026-11-22 19:27:26Z", "2026-11-22T19:27:26+00:00", "2026-11-22T19:27:26Z ",
        " 2026-11-22T19:27:26Z", "+2026-11-22T19:27:26Z", "2026-1-22T19:27:26Z", "2026-11-22T19:27:26.12a4Z",
    ])
    func rejectsOutOfRange(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("accepts the calendar's edges and 1 to 9 fractional digits", arguments: [
        ("2024-02-29T23:59:59Z", 2024, 2, 29, 23, 59, 59, 0), ("2000-02-29T00:00:00Z", 2000, 2, 29, 0, 0, 0, 0),
        ("1970-01-01T00:00:00Z", 1970, 1, 1, 0, 0, 0, 0), ("1969-12-31T23:59:59.9Z", 1969, 12, 31, 23, 59, 59, 900),
        ("2026-12-31T23:59:59.123456789Z", 2026, 12, 31, 23, 59, 59, 123),
    ])
    func acceptsEdges(text: String, y: Int, mo: Int, d: Int, h: Int, mi: Int, s: Int, ms: Int) throws {
        let parsed = try #require(Timestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince(try Self.utc(y, mo, d, h, mi, s, ms: ms))) < 0.001)
    }

    @Test("dates before 1970 format on the right day")
    func beforeEpoch() throws {
        #expect(Timestamp.format(try Self.utc(1969, 12, 31, 23, 59, 59, ms: 7)) == "1969-12-31T23:59:59.007Z")
        #expect(Timestamp.format(try Self.utc(1900, 3, 1, 0, 0, 0)) == "1900-03-01T00:00:00.000Z")
    }

    @Test("sub-millisecond precision is dropped, not carried into the text")
    func subMillisecond() throws {
        let date = try Self.utc(2026, 11, 22, 19, 27, 26, ms: 250).addingTimeInterval(0.0004)
        #expect(Timestamp.format(date) == "2026-11-22T19:27:26.250Z")
    }

    // `Date` holds a Double, so most millisecond values sit a hair below the exact instant; a
    // formatter that truncated would print "….006Z" for `parse("….007Z")`, and every decode →
    // encode of an envelope (relay retry, dead-letter replay) would move `occurredAt` back.
    @Test("format(parse(text)) == text for every millisecond")
    func stableRoundTrip() throws {
        var unstable: [String] = []
        for ms in 0..<1000 {
            let text = String(format: "2024-02-29T23:59:59.%03dZ", ms)
            let parsed = try #require(Timestamp.parse(text))
            if Timestamp.format(parsed) != text { unstable.append(text) }
        }
        #expect(unstable.isEmpty, "\(unstable.count) of 1000 drift, e.g. \(unstable.prefix(3))")
    }

    // Same concern as above, seen from a Date built arithmetically.
    @Test("a date on an exact millisecond formats as that millisecond")
    func exactMillisecondFormats() throws {
        var wrong: [Int] = []
        for ms in 0..<1000 where Timestamp.format(try Self.utc(2026, 11, 22, 19, 27, 26, ms: ms)) != String(format: "2026-11-22T19:27:26.%03dZ", ms) {
            wrong.append(ms)
        }
        #expect(wrong.isEmpty, "\(wrong.count) of 1000 are off by one, e.g. \(wrong.prefix(3))")
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

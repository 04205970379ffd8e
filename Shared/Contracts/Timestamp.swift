import CivilCalendar
import Foundation

/// ISO-8601 timestamps in UTC with millisecond precision.
///
/// Both directions are written by hand instead of through `ISO8601FormatStyle`: its formatter
/// truncates the fraction (a `Date` on "….007" is a hair below it, so it printed "….006") and its
/// parser rolls out-of-range fields over (hour 25 became 01:00 the next day). Contracts need
/// `format(parse(text)) == text` and a parser that refuses what it cannot read exactly.
public enum Timestamp {
    /// `2026-11-22T19:27:26.123Z`: the instant rounded to the nearest millisecond.
    public static func format(_ date: Date) -> String {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        // Beyond ±2^53 ms (±285 000 years) milliseconds are not exact; let Foundation print it.
        guard abs(scaled) < 9_007_199_254_740_992, let totalMilliseconds = Int64(exactly: scaled) else {
            return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
        }
        let (days, msOfDay) = Int(totalMilliseconds).floorDivided(by: 86_400_000)
        let (year, month, day) = CivilDays.civil(days: days)
        let second = msOfDay / 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(second / 3600, 2)):\(pad(second / 60 % 60, 2))"
            + ":\(pad(second % 60, 2)).\(pad(msOfDay % 1000, 3))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` with an optional fraction of 1–9 digits and a `Z`; nil for
    /// anything else, including fields out of range and dates not in the calendar.
    public static func parse(_ text: String) -> Date? {
        var reader = FieldReader(bytes: Array(text.utf8))
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2), reader.skip("T"),
              let hour = reader.number(digits: 2), reader.skip(":"),
              let minute = reader.number(digits: 2), reader.skip(":"),
              let second = reader.number(digits: 2)
        else { return nil }
        var fraction = 0.0
        if reader.skip(".") {
            guard let (value, count) = reader.fraction(maxDigits: 9) else { return nil }
            fraction = Double(value) / pow(10, Double(count))
        }
        guard reader.skip("Z"), reader.atEnd,
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = CivilDays.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads fixed-width ASCII fields left to right.
private struct FieldReader {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    /// Exactly `digits` ASCII digits as a number.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard let d = Self.digit(byte) else { return nil }
            value = value * 10 + d
        }
        index += digits
        return value
    }

    /// 1…`maxDigits` ASCII digits: their value and how many there were.
    mutating func fraction(maxDigits: Int) -> (value: Int, count: Int)? {
        var value = 0, count = 0
        while index < bytes.count, let d = Self.digit(bytes[index]) {
            guard count < maxDigits else { return nil }
            value = value * 10 + d
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// Consumes `character` if it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

extension Int {
    /// Quotient rounded towards negative infinity and the non-negative remainder.
    fileprivate func floorDivided(by divisor: Int) -> (quotient: Int, remainder: Int) {
        let r = self % divisor
        return r < 0 ? (self / divisor - 1, r + divisor) : (self / divisor, r)
    }
}

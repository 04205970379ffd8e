import Rules
import Testing

/// A date from `YYYY-MM-DD` literals in tests; records an issue for a bad literal.
func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else {
        Issue.record("bad date literal \(iso)")
        return CalendarDate.unixEpoch
    }
    return date
}

/// Deterministic generator for reproducible test data (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB4_6331_11EB
        return z ^ (z >> 31)
    }
}

/// Two-digit zero-padded text.
func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// The ten digits plus their check digit.
func withCheckDigit(_ ten: String) -> String {
    let digits = ten.compactMap { $0.wholeNumberValue }
    return ten + String(PersonalCode.checkDigit(of: digits))
}

/// Inserts the hyphen after the sixth character.
func hyphenated(_ code: String) -> String { "\(code.prefix(6))-\(code.dropFirst(6))" }

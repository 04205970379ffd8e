/// A Latvian personal code (personas kods), validated by DOMAIN.md §10: `DDMMYY-CNNNN` with
/// a real, non-future birth date and century digit C (0 = 1800s, 1 = 1900s, 2 = 2000s), or
/// the new format from 2017-07-01 starting with `32`; the check digit applies to both.
///
/// The value never prints itself: `description`, `debugDescription` and reflection are
/// redacted. Use `digits` only to encrypt or hash it in the intake service.
public struct PersonalCode: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The two formats.
    public enum Format: Sendable, Hashable {
        /// Old format with the birth date in the code.
        case old(birthDate: CalendarDate)
        /// New format (`32…`) without a birth date; the birth date is entered separately.
        case new
    }

    /// The normalized eleven digits, without hyphen.
    public let digits: String
    /// Which format, with the birth date for the old one.
    public let format: Format

    /// The birth date carried by an old-format code; `nil` for the new format.
    public var birthDate: CalendarDate? {
        if case .old(let date) = format { return date }
        return nil
    }

    /// The code as `DDMMYY-CNNNN` (for the intake form only, never for logs).
    public var formatted: String { "\(digits.prefix(6))-\(digits.dropFirst(6))" }

    /// Redacted.
    public var description: String { "PersonalCode(redacted)" }
    /// Redacted.
    public var debugDescription: String { "PersonalCode(redacted)" }
    /// Redacted, so `dump` and test output never show the digits.
    public var customMirror: Mirror { Mirror(self, children: ["digits": "redacted"]) }

    /// The weights of the check digit (DOMAIN.md §10).
    public static let checkWeights = [10, 5, 8, 4, 2, 1, 6, 3, 7, 9]

    /// The check digit for the first ten digits: `(1 + Σ wᵢ·dᵢ) mod 11 mod 10`.
    public static func checkDigit(of tenDigits: [Int]) -> Int {
        (1 + zip(checkWeights, tenDigits).reduce(0) { $0 + $1.0 * $1.1 }) % 11 % 10
    }

    /// Parses input with or without the hyphen after the sixth digit (surrounding whitespace
    /// is ignored). `today` bounds the birth date; the module never reads the clock.
    public static func parse(_ input: String, today: CalendarDate) throws(PersonalCodeError) -> PersonalCode {
        let trimmed = input.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        var characters = Array(trimmed.unicodeScalars)
        if characters.contains("-") {
            guard characters.filter({ $0 == "-" }).count == 1, characters.count > 6, characters[6] == "-" else {
                throw .misplacedHyphen
            }
            characters.remove(at: 6)
        }
        guard characters.allSatisfy({ ("0"..."9").contains($0) }) else { throw .invalidCharacters }
        guard characters.count == 11 else { throw .wrongLength(characters.count) }
        let numbers = characters.map { Int($0.value) - 48 }
        let digits = String(String.UnicodeScalarView(characters))
        let format: Format
        if numbers[0] == 3 && numbers[1] == 2 {
            format = .new
        } else {
            let century = numbers[6]
            guard (0...2).contains(century) else { throw .invalidCentury }
            let year = 1800 + 100 * century + numbers[4] * 10 + numbers[5]
            guard let date = CalendarDate(year: year, month: numbers[2] * 10 + numbers[3],
                                          day: numbers[0] * 10 + numbers[1])
            else { throw .invalidBirthDate }
            guard date <= today else { throw .futureBirthDate }
            format = .old(birthDate: date)
        }
        guard checkDigit(of: Array(numbers.prefix(10))) == numbers[10] else { throw .checksumMismatch }
        return PersonalCode(digits: digits, format: format)
    }

    /// Whether `input` is a valid personal code on `today`.
    public static func isValid(_ input: String, today: CalendarDate) -> Bool {
        (try? parse(input, today: today)) != nil
    }

    private init(digits: String, format: Format) {
        self.digits = digits
        self.format = format
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (Foundation-free).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

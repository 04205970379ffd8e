import Rules

/// Valid personal codes for made-up students (demo and benchmark data): a birth date in the
/// old format `DDMMYY-CNNNN` with a three-digit serial and the check digit (365,000 codes a
/// birth year). They pass the rules library's check and stay inside intake like any other code.
public enum StudentCodes {
    private static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// The `index`-th code for students born in `year` (spread over the year's days); distinct
    /// for every index below 365,000.
    public static func code(index: Int, bornIn year: Int) -> String {
        // The real days of a common year: each index gets its own date (a 31-day grid clamped to
        // the 28th once gave four students one code, whose compensation caps then added up).
        var day = index % 365 + 1, month = 1
        while day > Self.monthLengths[month - 1] {
            day -= Self.monthLengths[month - 1]
            month += 1
        }
        let serial = (index / 365) % 1_000
        let century = year >= 2000 ? 2 : 1
        let digits = [day / 10, day % 10, month / 10, month % 10, (year % 100) / 10, year % 10, century,
                      serial / 100, serial / 10 % 10, serial % 10]
        let check = PersonalCode.checkDigit(of: digits)
        let text = digits.map(String.init).joined() + String(check)
        return "\(text.prefix(6))-\(text.dropFirst(6))"
    }
}

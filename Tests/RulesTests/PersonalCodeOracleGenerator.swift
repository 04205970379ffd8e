import Rules

/// Generates the ≥ 10,000 inputs compared with python-stdnum 2.2, by category.
struct PersonalCodeCorpus {
    let today: CalendarDate
    var rng = SplitMix64(seed: 0x5EED_2024)

    init(today: CalendarDate) { self.today = today }

    /// All inputs, deterministic for the seed.
    mutating func generate() -> [String] {
        var codes: [String] = []
        for _ in 0..<3000 { codes.append(maybeHyphen(validOld())) }
        for _ in 0..<1500 { codes.append(maybeHyphen(validNew())) }
        for index in 0..<1500 { codes.append(maybeHyphen(wrongCheckDigit(index.isMultiple(of: 2) ? validOld() : validNew()))) }
        for _ in 0..<1000 { codes.append(maybeHyphen(impossibleDate())) }
        for index in 0..<800 { codes.append(maybeHyphen(index < 600 ? futureDate() : bigCentury())) }
        for _ in 0..<800 { codes.append(wrongLength()) }
        for index in 0..<800 { codes.append(withLetter(index)) }
        for _ in 0..<600 { codes.append(misplacedHyphen(validOld())) }
        for _ in 0..<500 { codes.append(maybeHyphen(legalEntityLike())) }
        for _ in 0..<100 { codes.append("  " + maybeHyphen(validOld()) + " ") }
        return codes
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
    }

    mutating func maybeHyphen(_ code: String) -> String {
        Bool.random(using: &rng) && code.count == 11 ? hyphenated(code) : code
    }

    mutating func oldCode(_ date: CalendarDate, century: Int) -> String {
        withCheckDigit(two(date.day) + two(date.month) + two(date.year % 100) + "\(century)" + digits(3))
    }

    /// Real dates from 1800-01-01 to today: centuries 0, 1 and 2.
    mutating func validOld() -> String {
        let start = day("1800-01-01").dayNumber
        let date = CalendarDate(dayNumber: Int.random(in: start...today.dayNumber, using: &rng)) ?? today
        return oldCode(date, century: (date.year - 1800) / 100)
    }

    mutating func validNew() -> String { withCheckDigit("32" + digits(8)) }

    mutating func wrongCheckDigit(_ code: String) -> String {
        let last = code.last?.wholeNumberValue ?? 0
        return String(code.dropLast()) + String((last + Int.random(in: 1...9, using: &rng)) % 10)
    }

    /// 31 Feb, 29 Feb in common years, 31 in 30-day months, day 00, month 00 or 13–19,
    /// days 33–39 (day 32 would be the new format). Check digit correct.
    mutating func impossibleDate() -> String {
        let century = Int.random(in: 0...2, using: &rng)
        let yy = Int.random(in: 0...99, using: &rng)
        let (dd, mm): (Int, Int)
        switch Int.random(in: 0...6, using: &rng) {
        case 0: (dd, mm) = (Int.random(in: 30...31, using: &rng), 2)
        case 1:
            let common = (0...99).filter { !CalendarDate.isLeap(1800 + century * 100 + $0) }
            return withCheckDigit("2902" + two(common.randomElement(using: &rng) ?? 1) + "\(century)" + digits(3))
        case 2: (dd, mm) = (31, [4, 6, 9, 11].randomElement(using: &rng) ?? 4)
        case 3: (dd, mm) = (0, Int.random(in: 1...12, using: &rng))
        case 4: (dd, mm) = (Int.random(in: 1...28, using: &rng), 0)
        case 5: (dd, mm) = (Int.random(in: 1...28, using: &rng), Int.random(in: 13...19, using: &rng))
        default: (dd, mm) = (Int.random(in: 33...39, using: &rng), Int.random(in: 1...12, using: &rng))
        }
        return withCheckDigit(two(dd) + two(mm) + two(yy) + "\(century)" + digits(3))
    }

    /// Real dates after today within the 2000s (century 2). Check digit correct.
    mutating func futureDate() -> String {
        let end = day("2099-12-31").dayNumber
        let date = CalendarDate(dayNumber: Int.random(in: (today.dayNumber + 1)...end, using: &rng)) ?? today
        return oldCode(date, century: 2)
    }

    /// Century digits 3–9 (years 2100–2799 to stdnum): not in DOMAIN.md §10.
    mutating func bigCentury() -> String {
        let date = CalendarDate(dayNumber: Int.random(in: 0...20_000, using: &rng)) ?? today
        return oldCode(date, century: Int.random(in: 3...9, using: &rng))
    }

    mutating func wrongLength() -> String {
        let length = [Int.random(in: 0...10, using: &rng), Int.random(in: 12...15, using: &rng)]
            .randomElement(using: &rng) ?? 5
        let text = digits(length)
        return length > 6 && Bool.random(using: &rng) ? hyphenated(text) : text
    }

    /// A letter in place of a digit, an `LV` prefix (stdnum strips it) or inner spaces.
    mutating func withLetter(_ index: Int) -> String {
        let code = validOld()
        switch index % 8 {
        case 0: return "LV" + code
        case 1: return code.prefix(6) + " " + code.dropFirst(6)
        default:
            let position = Int.random(in: 0..<11, using: &rng)
            let letter = ["A", "b", "O", "l", "Z", "Ā", "š", "x"].randomElement(using: &rng) ?? "A"
            return String(code.prefix(position)) + letter + String(code.dropFirst(position + 1))
        }
    }

    /// A hyphen elsewhere than after the sixth digit, or two hyphens.
    mutating func misplacedHyphen(_ code: String) -> String {
        let choices = [1, 2, 3, 4, 5, 7, 8, 9, 10]
        let position = choices.randomElement(using: &rng) ?? 3
        let moved = String(code.prefix(position)) + "-" + String(code.dropFirst(position))
        return Bool.random(using: &rng) ? moved : hyphenated(code).replacingFirstDigitWithHyphenPair()
    }

    /// Eleven digits starting with 4–9: legal-entity VAT numbers to stdnum.
    mutating func legalEntityLike() -> String {
        String(Int.random(in: 4...9, using: &rng)) + digits(10)
    }
}

private extension String {
    /// `DDMMYY-CNNNN` → `DD-MMYY-CNNNN` (two hyphens).
    func replacingFirstDigitWithHyphenPair() -> String { String(prefix(2)) + "-" + String(dropFirst(2)) }
}

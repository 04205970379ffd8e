import Foundation
@testable import Payouts
import Testing

/// Check digits computed independently of `IBAN.mod97`: the textbook way, in chunks of up to
/// nine decimal digits (every intermediate fits easily in an `Int`).
private func independentRemainder(_ iban: String) -> Int {
    let rearranged = String(iban.dropFirst(4) + iban.prefix(4))
    var digits = ""
    for character in rearranged {
        guard let ascii = character.asciiValue else { return -1 }
        if let digit = character.wholeNumberValue {
            digits += String(digit)
        } else {
            digits += String(Int(ascii) - Int(Character("A").asciiValue ?? 65) + 10)
        }
    }
    var remainder = 0
    var rest = Substring(digits)
    while !rest.isEmpty {
        let take = rest.prefix(9 - String(remainder).count)
        remainder = (Int(String(remainder) + take) ?? -97) % 97
        rest = rest.dropFirst(take.count)
    }
    return remainder
}

/// A correct IBAN for `country` and `bban`, its check digits from `independentRemainder`.
private func makeIBAN(_ country: String, _ bban: String) -> String {
    let check = 98 - independentRemainder(country + "00" + bban)
    return country + (check < 10 ? "0" : "") + String(check) + bban
}

@Suite("IBAN and BIC")
struct IBANTests {
    @Test("well-known valid IBANs are accepted and returned compact, upper case", arguments: [
        "LV80BANK0000435195001", "lv80 bank 0000 4351 9500 1", "LV97HABA0012345678910", "DE89 3704 0044 0532 0130 00",
        "EE382200221020145685", "LT121000011101001000", "FI2112345600000785", "NO9386011117947", "BE68539007547034",
        "MT84MALT011000012345MTLCAST001S", "GB29NWBK60161331926819", "CH9300762011623852957",
        "FR1420041010050500013M02606", "AT611904300234573201", "NL91ABNA0417164300",
    ])
    func validExamples(text: String) {
        let expected = text.uppercased().replacingOccurrences(of: " ", with: "")
        #expect(IBAN.normalized(text) == expected)
        #expect(IBAN.isValid(text))
        #expect(independentRemainder(expected) == 1)
    }

    @Test("LV80BANK0000435195001: mod 97 is 1 by both computations (Python: int(...) % 97 == 1)")
    func latvianExample() {
        let iban = "LV80BANK0000435195001"
        // The rearranged number as Python's `int("BANK0000435195001LV80" in digits) % 97` sees it.
        #expect(independentRemainder(iban) == 1)
        #expect(IBAN.mod97(Array(iban.utf8)) == 1)
        #expect(IBAN.normalized(iban) == iban)
    }

    @Test("invalid IBANs are refused", arguments: [
        "", "LV", "LV80", "LV81BANK0000435195001",  // wrong check digits
        "LV80BANK000043519500", "LV80BANK00004351950011",  // Latvia is 21 characters
        "LV80-BANK-0000-4351-9500-1", "LV80BANK000043519500Ā", "80LVBANK0000435195001", "L180BANK0000435195001",
        "LVA0BANK0000435195001", "DE89370400440532013001", "DE8937040044053201300", "GB29NWBK6016133192681",
        "XX00", "LV80BANK0000435195001\u{0}",
    ])
    func invalidExamples(text: String) {
        #expect(IBAN.normalized(text) == nil)
        #expect(!IBAN.isValid(text))
    }

    @Test("a Latvian IBAN needs four letters of bank code even when the check digits hold")
    func latvianBankCode() {
        let digitsInBankCode = makeIBAN("LV", "1234" + "0000435195001")
        #expect(independentRemainder(digitsInBankCode) == 1)
        #expect(IBAN.normalized(digitsInBankCode) == nil)
        #expect(IBAN.normalized(makeIBAN("LV", "HABA" + "0000435195001")) != nil)
    }

    @Test("check digits 00, 01 and 99 are refused although mod 97 can still give 1")
    func nonCanonicalCheckDigits() {
        // Search for account numbers whose proper check digits are 97, 98 or 02: 00, 01 and 99
        // are the same remainders mod 97 but never issued.
        var found: Set<String> = []
        for account in 0..<10_000 where found.count < 3 {
            let bban = "HABA" + String(repeating: "0", count: 13 - String(account).count) + String(account)
            let iban = makeIBAN("LV", bban)
            let twin: String
            switch iban.dropFirst(2).prefix(2) {
            case "97": twin = "00"
            case "98": twin = "01"
            case "02": twin = "99"
            default: continue
            }
            guard !found.contains(twin) else { continue }
            found.insert(twin)
            let variant = "LV" + twin + bban
            #expect(independentRemainder(variant) == 1)
            #expect(IBAN.normalized(iban) == iban)
            #expect(IBAN.normalized(variant) == nil, "\(variant)")
        }
        #expect(found == ["00", "01", "99"])
    }

    @Test("an unknown country is accepted from 15 to 34 characters when the check digits hold")
    func unknownCountryLengths() {
        #expect(IBAN.lengths["XK"] == nil)
        #expect(IBAN.normalized(makeIBAN("XK", String(repeating: "1", count: 11))) != nil)  // 15
        #expect(IBAN.normalized(makeIBAN("XK", String(repeating: "1", count: 30))) != nil)  // 34
        #expect(IBAN.normalized(makeIBAN("XK", String(repeating: "1", count: 10))) == nil)  // 14
        #expect(IBAN.normalized(makeIBAN("XK", String(repeating: "1", count: 31))) == nil)  // 35
    }

    @Test("the country table: Latvia is 21, all lengths between 15 and 34, known countries keep their length")
    func countryTable() {
        #expect(IBAN.lengths["LV"] == 21)
        #expect(IBAN.lengths["EE"] == 20)
        #expect(IBAN.lengths["LT"] == 20)
        #expect(IBAN.lengths.count >= 40)
        for (country, length) in IBAN.lengths {
            #expect(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase })
            #expect(IBAN.unknownCountryLengths.contains(length))
            let bban = country == "LV" ? "HABA" + String(repeating: "1", count: 13) : String(repeating: "1", count: length - 4)
            #expect(IBAN.normalized(makeIBAN(country, bban)) != nil, "\(country)")
            #expect(IBAN.normalized(makeIBAN(country, bban + "1")) == nil, "\(country) one too long")
        }
    }

    @Test("every single-character substitution in a valid IBAN is caught")
    func singleSubstitutionsAreCaught() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("0123456789")
        for _ in 0..<200 {
            let account = String((0..<13).map { _ in alphabet[Int(generator.next() % 10)] })
            let iban = makeIBAN("LV", "HABA" + account)
            #expect(IBAN.normalized(iban) == iban)
            var characters = Array(iban)
            let position = 4 + Int(generator.next() % 17)
            let original = characters[position]
            let replacement = position < 8 ? Character("Q") : alphabet[((original.wholeNumberValue ?? 0) + 1 + Int(generator.next() % 9)) % 10]
            guard replacement != original else { continue }
            characters[position] = replacement
            #expect(IBAN.normalized(String(characters)) == nil, "\(String(characters))")
        }
    }

    @Test("BICs: 8 or 11 characters, letters for bank and country", arguments: [
        ("HABALV22", true), ("PARXLV22XXX", true), ("habalv22", true), ("HABA LV 22", true), ("UNLALV2X", true),
        ("DEUTDEFF500", true), ("HABALV2", false), ("HABALV22X", false), ("HABALV22XX", false), ("HAB1LV22", false),
        ("HABA1V22", false), ("HABALV22XX!", false), ("", false), ("ĀBALV22X", false), ("HABALV-2", false),
    ])
    func bics(text: String, valid: Bool) {
        #expect(IBAN.isValidBIC(text) == valid)
        #expect((IBAN.normalizedBIC(text) != nil) == valid)
    }

    @Test("a BIC is normalised to upper case without spaces")
    func normalisedBIC() {
        #expect(IBAN.normalizedBIC(" parx lv22 ") == "PARXLV22")
    }
}

/// SplitMix64, so the generated IBANs are the same on every run.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

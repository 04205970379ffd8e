import PropertyBased
import Rules
import Testing

@Suite("Personal code (DOMAIN.md §10)")
struct PersonalCodeTests {
    let today = day("2025-06-30")

    @Test("valid codes", arguments: [
        ("161175-19997", "16117519997", "1975-11-16"),
        ("16117519997", "16117519997", "1975-11-16"),
        ("  161175-19997 ", "16117519997", "1975-11-16"),
        ("328673-00679", "32867300679", nil),
        ("32867300679", "32867300679", nil),
    ] as [(String, String, String?)])
    func valid(input: String, digits: String, birth: String?) throws {
        let code = try PersonalCode.parse(input, today: today)
        #expect(code.digits == digits)
        #expect(code.birthDate == birth.map { day($0) })
        #expect(code.formatted == hyphenated(digits))
    }

    @Test("each failure has its own error", arguments: [
        ("", PersonalCodeError.empty),
        ("   ", .empty),
        ("16117A19997", .invalidCharacters),
        ("LV16117519997", .invalidCharacters),
        ("1611-7519997", .misplacedHyphen),
        ("161175--19997", .misplacedHyphen),
        ("161175-1999", .wrongLength(10)),
        ("1611751999700", .wrongLength(13)),
        ("310299-19990", .invalidBirthDate),
        ("290201-29990", .invalidBirthDate),
        ("000175-19997", .invalidBirthDate),
        ("161175-39997", .invalidCentury),
        ("010130-29996", .futureBirthDate),
        ("161175-19998", .checksumMismatch),
        ("328673-00677", .checksumMismatch),
    ] as [(String, PersonalCodeError)])
    func invalid(input: String, expected: PersonalCodeError) {
        #expect(throws: expected) { try PersonalCode.parse(input, today: today) }
    }

    @Test("today itself is not in the future; tomorrow is")
    func birthDateBoundary() throws {
        let todayCode = withCheckDigit("300625" + "2123")
        #expect(PersonalCode.isValid(todayCode, today: today))
        #expect(throws: PersonalCodeError.futureBirthDate) {
            try PersonalCode.parse(todayCode, today: day("2025-06-29"))
        }
    }

    @Test("the code never appears in descriptions or error messages")
    func redacted() throws {
        let code = try PersonalCode.parse("161175-19997", today: today)
        let texts = ["\(code)", String(reflecting: code), String(describing: Mirror(reflecting: code).children.map(\.value))]
        for text in texts { #expect(!text.contains("161175") && !text.contains("19997")) }
        let inputs = ["161175-19998", "161175-1999", "16117A19997", "310299-19990", "010130-29996"]
        for input in inputs {
            do {
                _ = try PersonalCode.parse(input, today: today)
                Issue.record("expected an error")
            } catch {
                for text in [error.message.lv, error.message.en, error.description, error.code] {
                    #expect(!text.contains(input.prefix(6)) && !text.contains(input.suffix(4)))
                }
            }
        }
    }

    @Test("property: any ten digits with their check digit and a past date are valid")
    func propertyValid() async {
        await propertyCheck(input: Gen.int(in: 0...80_000), Gen.int(in: 0...999)) { offset, serial in
            guard let birth = day("1850-01-01").adding(days: offset), birth <= today else { return }
            let century = (birth.year - 1800) / 100
            let ten = two(birth.day) + two(birth.month) + two(birth.year % 100) + "\(century)"
                + String(String(serial + 1000).suffix(3))
            let code = withCheckDigit(ten)
            #expect((try? PersonalCode.parse(code, today: today))?.birthDate == birth)
            // Any single-digit change of the check digit is caught.
            let last = code.last?.wholeNumberValue ?? 0
            let wrong = String(code.dropLast()) + String((last + 1 + serial % 9) % 10)
            #expect(!PersonalCode.isValid(wrong, today: today))
        }
    }
}

@Suite("Student code and age")
struct StudentCodeTests {
    @Test("derived from a digest: stable, well-formed, S- plus 10 Crockford characters")
    func derive() throws {
        let digest: [UInt8] = [0xFF, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC]
        let code = try StudentCode.derive(fromDigest: digest)
        #expect(code.value.count == 12 && code.value.hasPrefix("S-"))
        #expect(try StudentCode.derive(fromDigest: digest) == code)
        #expect(try StudentCode.derive(fromDigest: [0, 0, 0, 0, 0, 0, 0]).value == "S-0000000000")
        #expect(try StudentCode.derive(fromDigest: [255, 255, 255, 255, 255, 255, 255]).value == "S-ZZZZZZZZZZ")
        #expect(StudentCode.isValid(code.value))
        #expect(throws: StudentCode.FormatError.digestTooShort) { try StudentCode.derive(fromDigest: [1, 2, 3]) }
    }

    @Test("format validation", arguments: [
        ("S-7ZK3M0Q1VX", true), ("s-7zk3m0q1vx", true), ("X-7ZK3M0Q1VX", false), ("S-7ZK3M0Q1V", false),
        ("S-7ZK3M0Q1VXX", false), ("S-7ZK3M0Q1VI", false), ("S-7ZK3M0Q1VU", false), ("", false),
    ])
    func format(text: String, valid: Bool) {
        #expect(StudentCode.isValid(text) == valid)
    }

    @Test("property: every 7-byte digest gives a valid code")
    func propertyDerive() async {
        await propertyCheck(input: Gen.uint8().array(of: 7...32)) { bytes in
            #expect((try? StudentCode.derive(fromDigest: bytes)).map { StudentCode.isValid($0.value) } == true)
        }
    }

    @Test("age on a date", arguments: [
        ("2005-09-01", "2023-09-01", 18), ("2005-09-02", "2023-09-01", 17), ("2008-02-29", "2025-02-28", 16),
        ("2008-02-29", "2025-03-01", 17), ("2010-01-01", "2009-12-31", 0), ("2010-01-01", "2010-01-01", 0),
    ])
    func age(birth: String, on date: String, expected: Int) {
        #expect(day(birth).age(on: day(date)) == expected)
    }
}

@Suite("Personal codes inside free text")
struct PersonalCodeOccurrenceTests {
    @Test("found with or without the hyphen, only with a right check digit, never inside a longer number", arguments: [
        ("Skolēnam 161175-19997 ir grūtības", true), ("kods 16117519997.", true), ("328673-00679", true),
        ("161175-19998", false), ("tālrunis 29123456", false), ("1161175-19997", false), ("161175-199971", false),
        ("IBAN LV80BANK0000435195001", false), ("", false), ("S-7ZK3M0Q1VX", false),
    ])
    func occurrences(_ text: String, _ expected: Bool) {
        #expect(PersonalCode.occurs(in: text) == expected)
    }
}

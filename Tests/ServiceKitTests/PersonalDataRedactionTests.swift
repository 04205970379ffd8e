import ServiceKit
import Testing

@Suite("PersonalDataRedaction")
struct PersonalDataRedactionTests {
    @Test("personal codes are masked, with or without the hyphen, wherever they stand", arguments: [
        ("010101-12345", "[redacted]"),
        ("01010112345", "[redacted]"),
        ("personas kods 321298-10036 nav derīgs", "personas kods [redacted] nav derīgs"),
        ("code=32129810036;", "code=[redacted];"),
        ("(010101-12345)", "([redacted])"),
        ("a 010101-12345 and b 01010112345", "a [redacted] and b [redacted]"),
        ("\"010101-12345\",\"020202-23456\"", "\"[redacted]\",\"[redacted]\""),
        ("ID01010112345x", "ID[redacted]x"),      // letters around do not protect an 11-digit run
        ("kods: 010101-12345 ✓ ok", "kods: [redacted] ✓ ok"),
    ])
    func masks(input: String, expected: String) {
        #expect(PersonalDataRedaction.redact(input) == expected)
    }

    // The documented rule is "every 11-digit run": a Latvian mobile number in international form
    // (+371 and 8 digits = 11 digits) is masked too. Phone numbers are personal data, so masking
    // them is on the safe side; written with spaces they are left alone.
    @Test("an 11-digit phone number is masked, a spaced one is not")
    func phoneNumbers() {
        #expect(PersonalDataRedaction.redact("call +37126954795") == "call +[redacted]")
        #expect(PersonalDataRedaction.redact("call +371 26954795") == "call +371 26954795")
    }

    @Test("other numbers and identifiers are left alone", arguments: [
        "",
        "short",
        "0101011234",                                // 10 digits
        "010101123456",                              // 12 digits
        "1010101-12345",                             // 7-5
        "010101-1234",                               // 6-4
        "010101-123456",                             // 6-6
        "0101011-2345",                              // hyphen in the wrong place
        "010101 12345",                              // a space is not the hyphen
        "550e8400-e29b-41d4-a716-446655440000",      // UUID
        "123e4567-e89b-12d3-a456-426614174000",      // UUID whose last group is 12 digits
        "2026-11-22T19:27:26.123Z",                  // timestamp
        "20261122192726",                            // compact timestamp, 14 digits
        "1732303646123",                             // epoch milliseconds, 13 digits
        "1732303646",                                // epoch seconds, 10 digits
        "LV80BANK0000435195001",                     // IBAN: a 13-digit run
        "amount 123456789.01 EUR",
        "S-7K2M9Q4XTB",                              // pseudonymous student code
    ])
    func leavesAlone(input: String) {
        #expect(PersonalDataRedaction.redact(input) == input)
    }

    @Test("redacting twice changes nothing more", arguments: [
        "a 010101-12345 b", "01010112345 01010112345", "x+37126954795y", "nothing here 123",
    ])
    func idempotent(input: String) {
        let once = PersonalDataRedaction.redact(input)
        #expect(PersonalDataRedaction.redact(once) == once)
    }

    // A UUID's last group is 12 hex characters; when 11 of them are digits in a row next to a
    // letter (about 1 UUID in 230) the run is personal-code-shaped, but message and correlation
    // ids are logged for tracing and must stay intact.
    @Test("a UUID whose last group holds an 11-digit run stays intact")
    func uuidWithElevenDigitRun() {
        let id = "550e8400-e29b-41d4-a716-12345678901a"
        #expect(PersonalDataRedaction.redact("message_id=\(id)") == "message_id=\(id)")
    }

    @Test("UUIDs with an 11-digit run in the last group are left alone wherever they stand", arguments: [
        "550e8400-e29b-41d4-a716-12345678901a",
        "550e8400-e29b-41d4-a716-a12345678901",
        "6F1C2D9E-8B7A-4C3D-9E2F-01010112345F",
        "6F1C2D9E-8B7A-4C3D-9E2F-F32129810036",
        "correlation 6f1c2d9e-8b7a-4c3d-9e2f-c01010112345 retried",
        "ids=[550e8400-e29b-41d4-a716-12345678901a,6F1C2D9E-8B7A-4C3D-9E2F-E32129810036]",
    ])
    func uuidsLeftAlone(input: String) {
        #expect(PersonalDataRedaction.redact(input) == input)
    }

    @Test("a personal code next to a UUID, or in a longer token that only looks like one, is still masked", arguments: [
        ("550e8400-e29b-41d4-a716-12345678901a 010101-12345", "550e8400-e29b-41d4-a716-12345678901a [redacted]"),
        ("550e8400-e29b-41d4-a716-12345678901ab", "550e8400-e29b-41d4-a716-[redacted]ab"),   // 13-character last group
        ("x550e8400-e29b-41d4-a716-12345678901a", "x550e8400-e29b-41d4-a716-[redacted]a"),   // a letter in front
    ])
    func notAUUID(input: String, expected: String) {
        #expect(PersonalDataRedaction.redact(input) == expected)
    }
}

import Rules
import Testing

/// The semester code APIs and messages use (`2026/2027-1`).
@Suite("Semester codes")
struct SemesterCodeTests {
    @Test("round trip and refusals", arguments: [
        ("2026/2027-1", SemesterRef(schoolYear: 2026, number: .first)),
        ("2022/2023-2", SemesterRef(schoolYear: 2022, number: .second)),
    ])
    func roundTrip(_ text: String, _ expected: SemesterRef) {
        #expect(SemesterRef(code: text) == expected)
        #expect(expected.code == text)
    }

    @Test("anything else is refused", arguments: [
        "2026-1", "2026/2028-1", "2026/2027-3", "2026/2027-01", "2026/2027-", "1999/2000-1", "2026/2027-1-1",
        "２０２６/2027-1", "2026/2027 I", "", "/-1", "2026/2027-1'; --",
    ])
    func refused(_ text: String) {
        #expect(SemesterRef(code: text) == nil)
    }
}

import PlatformClient
import Rules
import Testing

/// The demo's and the benchmark's made-up students: every index of a birth year gets its own
/// valid personal code (four indices once shared one, and their compensation caps added up, so
/// the fault drill saw claims refused for a cap another "student" had used). Pure; it lives
/// here because this is the test target that links the platform client.
@Suite("Made-up student codes")
struct StudentCodesTests {
    @Test("365,000 indices of a birth year: 365,000 distinct, valid codes", arguments: [2010, 2012])
    func distinctAndValid(year: Int) throws {
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 23))
        var seen = Set<String>()
        for index in 0..<365_000 {
            seen.insert(StudentCodes.code(index: index, bornIn: year))
        }
        #expect(seen.count == 365_000)
        for index in stride(from: 0, to: 365_000, by: 997) {
            let code = StudentCodes.code(index: index, bornIn: year)
            #expect(PersonalCode.isValid(code, today: today), "\(code)")
        }
        // The last day of the year is 31 December.
        #expect(StudentCodes.code(index: 364, bornIn: year).hasPrefix("3112"))
    }
}

import PropertyBased
import Rules
import Testing

/// Issue #17 item 7: every number a person types into a plan has a domain bound, so one absurd
/// figure is refused with a finding instead of breaking reporting's columns downstream.
@Suite("Plan bounds: typed numbers stay within their domain")
struct PlanBoundsTests {
    /// A plan whose load justification lifts the weekly-load error: before the bound, nothing
    /// else stopped a huge planned figure.
    static func justified() -> Fixture {
        var fixture = Fixture()
        fixture.plan.loadJustification = "Skolēnam pirms eksāmeniem vajag konsultācijas katru dienu, to apstiprina klases audzinātāja."
        return fixture
    }

    @Test("3,000,000,000 planned minutes (what broke reporting's integer column) is refused with a finding")
    func hugeMinutesRefused() {
        var fixture = Self.justified()
        fixture.plan.measures[0].plannedMinutes = 3_000_000_000
        let findings = fixture.validate()
        let atField = findings.errors.filter { $0.path == "measures[0].plannedMinutes" }
        #expect(!atField.isEmpty, "no error for 3e9 planned minutes: \(findings)")
        #expect(atField.allSatisfy { !$0.message.lv.isEmpty && !$0.message.en.isEmpty })
    }

    @Test("a money measure whose cap the operator removed still has a ceiling")
    func uncappedAmountRefused() {
        var fixture = Self.justified()
        fixture.settings.caps[.meals] = nil
        RuleCase.addMoney(&fixture, .meals, Int64.max / 2)
        let findings = fixture.validate()
        #expect(findings.errors.contains { $0.path == "measures[2].plannedAmount" }, "\(findings)")
    }

    @Test("property: any planned minutes the rules accept fit a 32-bit column and the semester's minutes")
    func acceptedMinutesFit() async {
        await propertyCheck(input: Gen.int(in: -10...Int.max)) { minutes in
            var fixture = Self.justified()
            fixture.plan.measures[0].plannedMinutes = minutes
            let refused = fixture.validate().errors.contains { $0.path == "measures[0].plannedMinutes" }
            if !refused {
                #expect(minutes > 0 && minutes <= Int(Int32.max))
                #expect(minutes <= 122 * 24 * 60, "1 Sept – 31 Dec has 122 days")
            }
        }
    }

    @Test("property: any planned amount the rules accept, times a semester's months, fits a 64-bit column")
    func acceptedAmountsFit() async {
        await propertyCheck(input: Gen.int(in: 1...Int.max)) { cents in
            var fixture = Self.justified()
            fixture.settings.caps[.meals] = nil
            RuleCase.addMoney(&fixture, .meals, Int64(cents))
            let refused = fixture.validate().errors.contains { $0.path == "measures[2].plannedAmount" }
            if !refused {
                #expect(Int64(cents).multipliedReportingOverflow(by: 12).overflow == false)
                #expect(cents <= 1_000_000, "a generous ceiling: 10,000 EUR a period")
            }
        }
    }
}

import Foundation
@testable import Payouts
import Rules
import Testing

/// The youth-project conditions of seeds 001 and 003 as pure functions: each rule on its own,
/// at and around its limits, with no database, clock or network.
@Suite("Youth initiative projects: rules")
struct YouthProjectRulesTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// An application that meets every condition; each test breaks one thing.
    static let clean = YouthProjectRules.Application(
        receivedOn: date("2026-03-10"), worksWithYouth: true, requestedCents: 460_000, startsOn: date("2026-04-01"),
        endsOn: date("2026-12-31"), participantsPlanned: 30, atRiskParticipants: 3,
        nonFormalMethods: "Pārgājieni, vienaudžu mācīšanās un jauniešu pašu vadītas darbnīcas.",
        planAlignment: "Plāna 2.3. pasākums: ārpusskolas aktivitātes riska grupas jauniešiem.")
    static let call = YouthProjectRules.Call(opensOn: date("2026-03-01"), closesOn: date("2026-03-31"))

    static func rules(_ change: (inout YouthProjectRules.Application) -> Void) -> [YouthProjectRule] {
        var application = clean
        change(&application)
        return YouthProjectRules.check(application, call: call).map(\.rule)
    }

    @Test("the clean application has no findings")
    func clean() {
        #expect(YouthProjectRules.check(Self.clean, call: Self.call).isEmpty)
    }

    @Test("each condition names its own rule and field, Latvian first", arguments: [
        (YouthProjectRule.applicantWorksWithYouth, "organisation.worksWithYouth"),
        (.callPeriod, "receivedOn"), (.amountLimit, "requestedCents"), (.duration, "endsOn"),
        (.atRiskShare, "atRiskParticipants"), (.nonFormalMethods, "nonFormalMethods"), (.planAlignment, "planAlignment"),
    ])
    func oneRuleEach(rule: YouthProjectRule, field: String) {
        var application = Self.clean
        switch rule {
        case .applicantWorksWithYouth: application.worksWithYouth = false
        case .callPeriod: application.receivedOn = Self.date("2026-04-01")
        case .amountLimit: application.requestedCents = 460_001
        case .duration: application.endsOn = Self.date("2026-06-29")
        case .atRiskShare: application.atRiskParticipants = 2
        case .nonFormalMethods: application.nonFormalMethods = "  darbnīcas  "
        case .planAlignment: application.planAlignment = ""
        default: Issue.record("not an application rule: \(rule)")
        }
        let findings = YouthProjectRules.check(application, call: Self.call)
        #expect(findings.map(\.rule) == [rule])
        #expect(findings.first?.field == field)
        #expect(findings.first?.severity == .error)
        #expect(!(findings.first?.message.lv.isEmpty ?? true) && !(findings.first?.message.en.isEmpty ?? true))
    }

    @Test("4,600 EUR is the most a project may request")
    func amount() {
        #expect(Self.rules { $0.requestedCents = 460_000 }.isEmpty)
        #expect(Self.rules { $0.requestedCents = 460_001 } == [.amountLimit])
    }

    @Test("the call period includes its first and last day")
    func callPeriod() {
        #expect(Self.rules { $0.receivedOn = Self.date("2026-03-01") }.isEmpty)
        #expect(Self.rules { $0.receivedOn = Self.date("2026-03-31") }.isEmpty)
        #expect(Self.rules { $0.receivedOn = Self.date("2026-02-28") } == [.callPeriod])
    }

    @Test("3 to 18 calendar months from the first day", arguments: [
        ("2026-04-01", "2026-06-30", true), ("2026-04-01", "2026-06-29", false),      // exactly 3 months, a day short
        ("2026-04-01", "2027-09-30", true), ("2026-04-01", "2027-10-01", false),      // exactly 18 months, a day over
        ("2026-01-31", "2026-04-29", true), ("2026-01-31", "2026-04-28", false),      // month ends: 31 Jan + 3 months = 30 Apr
        ("2026-04-01", "2026-03-31", false),                                          // ends before it starts
    ])
    func duration(start: String, end: String, allowed: Bool) {
        let finding = YouthProjectRules.duration(from: Self.date(start), to: Self.date(end))
        #expect((finding == nil) == allowed, "\(start)–\(end)")
        if let finding { #expect(finding.rule == .duration) }
    }

    @Test("at least 10 % at risk, counted in whole people", arguments: [
        (30, 3, true), (30, 2, false), (25, 3, true), (25, 2, false), (10, 1, true), (9, 1, true), (1, 1, true), (1, 0, false),
        (0, 0, false), (5, 6, false),
    ])
    func atRiskShare(planned: Int, atRisk: Int, allowed: Bool) {
        #expect((YouthProjectRules.atRiskShare(planned: planned, atRisk: atRisk) == nil) == allowed, "\(atRisk) of \(planned)")
    }

    @Test("other terms change the limits, not the code")
    func otherTerms() {
        var terms = YouthProjectTerms.seed
        terms.maxAwardCents = 300_000
        terms.minAtRiskPercent = 20
        let findings = YouthProjectRules.check(Self.clean, call: Self.call, terms: terms).map(\.rule)
        #expect(findings == [.amountLimit, .atRiskShare])
    }

    @Test("several breaches come back together, in a fixed order")
    func several() {
        let rules = Self.rules {
            $0.worksWithYouth = false
            $0.planAlignment = "x"
            $0.requestedCents = 500_000
        }
        #expect(rules == [.applicantWorksWithYouth, .amountLimit, .planAlignment])
    }

    @Test("an award: no errors, at most the request and 4,600 EUR, within the budget")
    func award() {
        #expect(YouthProjectRules.award(400_000, requested: 400_000, applicationFindings: [], budgetCents: 1_000_000,
                                        alreadyAwardedCents: 600_000).isEmpty)
        #expect(YouthProjectRules.award(400_001, requested: 400_000, applicationFindings: [], budgetCents: 9_000_000,
                                        alreadyAwardedCents: 0).map(\.rule) == [.awardAmount])
        #expect(YouthProjectRules.award(400_000, requested: 400_000, applicationFindings: [], budgetCents: 1_000_000,
                                        alreadyAwardedCents: 600_001).map(\.rule) == [.competitionBudget])
        let stored = YouthProjectRules.check(YouthProjectRules.Application(
            receivedOn: Self.clean.receivedOn, worksWithYouth: false, requestedCents: 1, startsOn: Self.clean.startsOn, endsOn: Self.clean.endsOn,
            participantsPlanned: 10, atRiskParticipants: 1, nonFormalMethods: Self.clean.nonFormalMethods, planAlignment: Self.clean.planAlignment),
            call: Self.call)
        #expect(YouthProjectRules.award(1, requested: 1, applicationFindings: stored, budgetCents: 100, alreadyAwardedCents: 0)
            .map(\.rule) == [.applicantWorksWithYouth])
    }

    @Test("payments: never above the award, nothing after the final one")
    func payments() {
        #expect(YouthProjectRules.payment(230_000, final: false, awardedCents: 460_000, paidCents: 0, finalPaid: false).isEmpty)
        #expect(YouthProjectRules.payment(230_000, final: true, awardedCents: 460_000, paidCents: 230_000, finalPaid: false).isEmpty)
        #expect(YouthProjectRules.payment(230_001, final: true, awardedCents: 460_000, paidCents: 230_000, finalPaid: false)
            .map(\.rule) == [.paymentAboveAward])
        #expect(YouthProjectRules.payment(1, final: false, awardedCents: 460_000, paidCents: 230_000, finalPaid: true)
            .map(\.rule) == [.paymentAfterFinal])
    }

    @Test("rule codes are unique, dotted, lower-case and under youth.")
    func codes() {
        let codes = YouthProjectRule.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes { #expect(code.hasPrefix("youth.") && code == code.lowercased() && !code.contains(" ")) }
    }

    @Test("euros from cents without floating point")
    func euros() {
        #expect(YouthProjectRules.euros(460_000) == "4600.00")
        #expect(YouthProjectRules.euros(5) == "0.05")
        #expect(YouthProjectRules.euros(-1_234) == "-12.34")
    }

    @Test("a payment's period is the month it is released in")
    func month() {
        #expect(YouthProjectPayments.month(Self.date("2026-05-31")) == "2026-05")
        #expect(YouthProjectPayments.month(Self.date("2026-11-01")) == "2026-11")
    }
}

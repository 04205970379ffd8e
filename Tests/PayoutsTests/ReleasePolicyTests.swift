import Contracts
import Foundation
@testable import Payouts
import Rules
import Testing

@Suite("Release policy")
struct ReleasePolicyTests {
    typealias Facts = ReleasePolicy.PlanFacts

    @Test("every combination: voids win over holds, the plan over the payee",
          arguments: 0..<16, [ReleasePolicy.ConsentStanding.pending, .onFile, .revoked])
    func matrix(bits: Int, consent: ReleasePolicy.ConsentStanding) {
        let facts = Facts(fullyApproved: bits & 1 != 0, suspended: bits & 2 != 0, deleted: bits & 4 != 0, consent: consent)
        let payeeKnown = bits & 8 != 0
        let outcome = ReleasePolicy.decide(facts, payeeKnown: payeeKnown)
        let expected: ReleasePolicy.Outcome =
            facts.deleted ? .void(.planDeleted)
            : consent == .revoked ? .void(.consentRevoked)
            : facts.suspended ? .hold(.planSuspended)
            : consent == .pending ? .hold(.consentPending)
            : !facts.fullyApproved ? .hold(.planNotApproved)
            : !payeeKnown ? .hold(.payeeDetailsMissing)
            : .release
        #expect(outcome == expected)
        // Released only when everything holds.
        #expect((outcome == .release) == (facts.fullyApproved && !facts.suspended && !facts.deleted && consent == .onFile && payeeKnown))
    }

    @Test("consent standing from the latest change: never recorded is pending, not revoked (issue #19 item 3)")
    func consentStanding() {
        #expect(ReleasePolicy.ConsentStanding(onFile: false, changes: 0) == .pending)
        #expect(ReleasePolicy.ConsentStanding(onFile: true, changes: 1) == .onFile)
        #expect(ReleasePolicy.ConsentStanding(onFile: false, changes: 2) == .revoked)
        #expect(ReleasePolicy.ConsentStanding(onFile: true, changes: 3) == .onFile)
    }
}

@Suite("Payout periods")
struct PayoutPeriodTests {
    static let semester = SemesterDates(semester: SemesterRef(schoolYear: 2022, number: .first),
                                        start: CalendarDate(year: 2022, month: 9, day: 1)!, end: CalendarDate(year: 2022, month: 12, day: 31)!)
    static let today = CalendarDate(year: 2022, month: 11, day: 15)!

    @Test("parses months and semester codes, refuses the rest",
          arguments: [("2022-10", "2022-10"), ("2022/2023-1", "2022/2023-1"), ("2022-1", nil), ("2022-13", nil), ("22-10", nil),
                      ("2022-00", nil), ("２０２２-10", nil), ("", nil), ("2022/2024-1", nil)])
    func parsing(text: String, expected: String?) {
        #expect(PayoutPeriod(text)?.description == expected)
    }

    @Test("month bounds know leap years")
    func bounds() {
        #expect(PayoutPeriod("2024-02")?.monthBounds?.last == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(PayoutPeriod("2023-02")?.monthBounds?.last == CalendarDate(year: 2023, month: 2, day: 28))
    }

    @Test("which periods a cap accepts",
          arguments: [("2022-10", CapPeriod.month, true), ("2022-09", .month, true), ("2022-11", .month, true),
                      ("2022-12", .month, false), ("2022-08", .month, false), ("2023-01", .month, false),
                      ("2022/2023-1", .semester, true), ("2022/2023-2", .semester, false), ("2022-10", .semester, false),
                      ("2022/2023-1", .month, false)])
    func accepted(text: String, cap: CapPeriod, ok: Bool) throws {
        let period = try #require(PayoutPeriod(text))
        #expect((period.problem(capPeriod: cap, semester: Self.semester, today: Self.today) == nil) == ok)
    }
}

@Suite("Staff pay lines")
struct StaffPayLinesTests {
    static let plan = PlanReference(planId: UUID(), revision: 1, studentCode: "S-1", institutionId: UUID(), semester: "2022/2023-1")
    static let settings: ProgrammeSettings = {
        var settings = ProgrammeSettings.defaults
        settings.hourlyRates = [.teacher: 1500, .preparer: 1250, .psychologist: 2100]
        return settings
    }()

    @Test("lines of one plan and role add up into one payable; rounding half up to the cent")
    func aggregation() throws {
        let other = PlanReference(planId: UUID(), revision: 1, studentCode: "S-2", institutionId: UUID(), semester: "2022/2023-1")
        let lines = [
            WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "teacher", minutes: 40),
            WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "teacher", minutes: 41),
            WorkLogLine(plan: Self.plan, measureId: nil, role: "preparer", providerType: nil, minutes: 60),
            WorkLogLine(plan: other, measureId: UUID(), role: "specialist", providerType: "psychologist", minutes: 1),
        ]
        let payables = try StaffPayLines.payables(lines, settings: Self.settings).get()
        #expect(payables.count == 3)
        #expect(payables[0].role == .teacher && payables[0].minutes == 81 && payables[0].amount == Cents(2025))  // 81 × 1500 / 60
        #expect(payables[1].role == .preparer && payables[1].amount == Cents(1250))
        #expect(payables[2].amount == Cents(35))  // 2100 / 60 = 35
        let person = UUID()
        #expect(payables[0].idempotencyKey(person: person, month: "2022-10")
                == "staff:\(Self.plan.planId.uuidString.lowercased()):teacher:\(person.uuidString.lowercased()):2022-10")
    }

    @Test("a role without a rate, or an unknown role, stops the record")
    func missing() {
        for line in [WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "speech_therapist", minutes: 60),
                     WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "preparer", minutes: 60),
                     WorkLogLine(plan: Self.plan, measureId: UUID(), role: "janitor", providerType: nil, minutes: 60)] {
            guard case .failure(let finding) = StaffPayLines.payables([line], settings: Self.settings) else {
                Issue.record("expected a finding for \(line.role)/\(line.providerType ?? "-")")
                continue
            }
            #expect(finding.ruleId == .payRateMissing)
        }
    }
}

@Suite("Staff pay at the contract's rate (issue #19 item 5)")
struct StaffPayContractRateTests {
    static let plan = PlanReference(planId: UUID(), revision: 1, studentCode: "S-1", institutionId: UUID(), semester: "2022/2023-1")

    @Test("a line's contract rate pays it, without any operator rate; two rates in a month add up exactly, rounded once")
    func contractRate() throws {
        var settings = ProgrammeSettings.defaults
        settings.hourlyRates = [:]
        let lines = [
            WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "teacher", minutes: 45, hourlyRateCents: 1800),
            WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "teacher", minutes: 20, hourlyRateCents: 2401),
        ]
        let payables = try StaffPayLines.payables(lines, settings: settings).get()
        // 45 × 1800 / 60 = 1350; 20 × 2401 / 60 = 800.33…: together 2150.33… → 2150.
        #expect(payables.count == 1 && payables[0].minutes == 65 && payables[0].amount == Cents(2150))
    }

    @Test("a line from before contracts falls back to the operator's rate, and without one it stops the record")
    func fallback() {
        var settings = ProgrammeSettings.defaults
        settings.hourlyRates = [.teacher: 1200]
        let old = WorkLogLine(plan: Self.plan, measureId: UUID(), role: "specialist", providerType: "teacher", minutes: 30)
        #expect((try? StaffPayLines.payables([old], settings: settings).get())?.first?.amount == Cents(600))
        settings.hourlyRates = [:]
        guard case .failure(let finding) = StaffPayLines.payables([old], settings: settings) else {
            Issue.record("expected pay.rate.missing")
            return
        }
        #expect(finding.ruleId == .payRateMissing)
    }
}

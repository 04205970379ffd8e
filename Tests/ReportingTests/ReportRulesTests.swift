import Foundation
import Reporting
import Rules
import ServiceKit
import Testing

/// The implementation report's rules: what must be written, and who may do what when.
@Suite("Implementation report rules")
struct ReportRulesTests {
    static let risks = ["L02", "F04"]

    static func part(_ code: String, done: String = "Matemātikas konsultācijas divreiz nedēļā",
                     comment: String = "Vērtējums uzlabojās līdz 5.") -> RiskReport {
        RiskReport(riskCode: code, done: done, outcome: .reduced, comment: comment)
    }

    @Test("a complete report passes")
    func complete() {
        let input = ReportInput(risks: [Self.part("L02"), Self.part("F04")], summary: "Kopumā sekmīgi.")
        #expect(ReportRules.contentErrors(input, planRisks: Self.risks).isEmpty)
        #expect(ReportRules.completenessErrors(input, planRisks: Self.risks).isEmpty)
    }

    @Test("a draft may leave risks out; submission needs every one")
    func missing() {
        let input = ReportInput(risks: [Self.part("L02")])
        #expect(ReportRules.contentErrors(input, planRisks: Self.risks).isEmpty)
        let errors = ReportRules.completenessErrors(input, planRisks: Self.risks)
        #expect(errors.map(\.rule) == ["report.risk_missing"])
        #expect(errors.first?.messageEn.contains("F04") == true)
    }

    @Test("unknown and repeated risks, one-word and too long texts name the field and the rule")
    func contentErrors() {
        let input = ReportInput(risks: [Self.part("S03"), Self.part("L02"), Self.part("L02"), Self.part("F04", done: "Sarunas"),
                                        Self.part("F04", comment: String(repeating: "vārds ", count: 300))],
                                summary: String(repeating: "x", count: 4001))
        let errors = ReportRules.contentErrors(input, planRisks: Self.risks)
        #expect(errors.contains { $0.field == "risks[0].riskCode" && $0.rule == "report.risk_unknown" })
        #expect(errors.contains { $0.field == "risks[2].riskCode" && $0.rule == "report.risk_duplicate" })
        #expect(errors.contains { $0.field == "risks[3].done" && $0.rule == "report.text_required" })
        #expect(errors.contains { $0.field == "risks[4].comment" && $0.rule == "report.text_too_long" })
        #expect(errors.contains { $0.field == "summary" && $0.rule == "report.text_too_long" })
        #expect(errors.allSatisfy { !$0.message.isEmpty && !$0.messageEn.isEmpty })
    }

    @Test("written and submitted only for an approved, in-implementation or suspended plan", arguments: PlanState.allCases)
    func reportable(status: PlanState) {
        let allowed: Set<PlanState> = [.approved, .inImplementation, .suspended]
        #expect((ReportRules.write(state: nil, planStatus: status) == nil) == allowed.contains(status))
        #expect((ReportRules.submit(state: .draft, planStatus: status) == nil) == allowed.contains(status))
    }

    @Test("a submitted report is no longer written or submitted again; nothing is submitted before it is written")
    func states() {
        #expect(ReportRules.write(state: .submitted, planStatus: .approved)?.rule == "report.not_editable")
        #expect(ReportRules.write(state: .confirmed, planStatus: .approved)?.rule == "report.not_editable")
        #expect(ReportRules.submit(state: .submitted, planStatus: .approved)?.rule == "report.not_editable")
        #expect(ReportRules.submit(state: nil, planStatus: .approved)?.rule == "report.not_written")
    }

    @Test("the head confirms a submitted report of a reported plan, never their own")
    func confirm() {
        let preparer = UUID(), head = UUID()
        #expect(ReportRules.confirm(state: .submitted, planStatus: .reported, submittedBy: preparer, confirmer: head) == nil)
        #expect(ReportRules.confirm(state: .draft, planStatus: .approved, submittedBy: nil, confirmer: head)?.rule == "report.not_submitted")
        #expect(ReportRules.confirm(state: nil, planStatus: .approved, submittedBy: nil, confirmer: head)?.rule == "report.not_submitted")
        #expect(ReportRules.confirm(state: .submitted, planStatus: .approved, submittedBy: preparer, confirmer: head)?.rule
                == "report.plan_not_reported")
        #expect(ReportRules.confirm(state: .submitted, planStatus: .reported, submittedBy: head, confirmer: head)?.rule == "report.own_report")
        #expect(ReportRules.confirm(state: .confirmed, planStatus: .closed, submittedBy: preparer, confirmer: head)?.rule
                == "report.already_confirmed")
    }
}

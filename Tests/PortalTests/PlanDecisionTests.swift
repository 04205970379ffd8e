import Portal
import Testing

/// What the plan's page offers each role (issue #20): the service decides again, but the page
/// must not offer what the lifecycle refuses.
@Suite("Portal: the decisions a plan's page offers")
struct PlanDecisionTests {
    @Test("Approvers approve and return only at their own level")
    func approversAtTheirLevel() {
        #expect(PlanDecision.available(role: "institution_head", state: "awaiting_institution_head", amountPaidCents: 0)
            == [.approve, .return, .suspend, .delete])
        #expect(PlanDecision.available(role: "municipality_coordinator", state: "awaiting_municipality", amountPaidCents: 0) == [.approve, .return])
        #expect(PlanDecision.available(role: "municipality_coordinator", state: "awaiting_institution_head", amountPaidCents: 0).isEmpty)
        #expect(PlanDecision.available(role: "ikvd_expert", state: "awaiting_ikvd", amountPaidCents: 0) == [.approve, .return])
        #expect(PlanDecision.available(role: "ikvd_expert", state: "awaiting_municipality", amountPaidCents: 0).isEmpty)
    }

    @Test("The head manages the plan: suspend while live, resume while suspended, review once approved, delete while nothing is paid")
    func managing() {
        #expect(PlanDecision.available(role: "institution_head", state: "approved", amountPaidCents: 0) == [.suspend, .review, .delete])
        #expect(PlanDecision.available(role: "institution_head", state: "in_implementation", amountPaidCents: 1500) == [.suspend, .review])
        #expect(PlanDecision.available(role: "institution_head", state: "suspended", amountPaidCents: 0) == [.resume, .delete])
        #expect(PlanDecision.available(role: "preparer", state: "suspended", amountPaidCents: 1) == [.resume])
        #expect(PlanDecision.available(role: "institution_head", state: "deleted", amountPaidCents: 0).isEmpty)
        #expect(PlanDecision.available(role: "institution_head", state: "closed", amountPaidCents: 0).isEmpty)
        #expect(PlanDecision.available(role: "specialist", state: "approved", amountPaidCents: 0).isEmpty)
    }

    @Test("Return and suspend need words; the others do not")
    func comments() {
        #expect(PlanDecision.allCases.filter(\.commentRequired) == [.return, .suspend])
    }

    @Test("The confirmation says where an approved plan goes: a VPII's skips the municipality")
    func nextStep() {
        #expect(PlanDecision.approve.nextStep(state: "awaiting_institution_head", hasMunicipality: true) == "approvals.next_municipality")
        #expect(PlanDecision.approve.nextStep(state: "awaiting_institution_head", hasMunicipality: false) == "approvals.next_ikvd")
        #expect(PlanDecision.approve.nextStep(state: "awaiting_municipality", hasMunicipality: true) == "approvals.next_ikvd")
        #expect(PlanDecision.approve.nextStep(state: "awaiting_ikvd", hasMunicipality: true) == "approvals.next_approved")
        #expect(PlanDecision.return.nextStep(state: "awaiting_ikvd", hasMunicipality: true) == "approvals.next_returned")
    }
}

import Reporting
import Rules
import Testing

/// Reporting's copy of a plan's status follows the lifecycle forwards only: an event that does
/// not fit is ignored (a replay), one that arrived before the event it follows is retried.
@Suite("Plan status rules")
struct PlanStatusRulesTests {
    @Test("the approval route moves forwards", arguments: [
        (PlanStatusRules.Change.validated, PlanState.submitted, PlanState.awaitingInstitutionHead),
        (.stepCompleted(next: .municipality), .awaitingInstitutionHead, .awaitingMunicipality),
        (.stepCompleted(next: .ikvd), .awaitingMunicipality, .awaitingIKVD),
        (.stepCompleted(next: .ikvd), .awaitingInstitutionHead, .awaitingIKVD),
        (.approved, .awaitingIKVD, .approved),
        (.implementationStarted, .approved, .inImplementation),
        (.reviewRequested, .inImplementation, .underReview),
        (.reported, .inImplementation, .reported),
        (.returned, .awaitingMunicipality, .returned),
        (.reported, .approved, .reported),
        (.reported, .suspended, .reported),
        (.closed, .reported, .closed),
        (.suspended, .approved, .suspended),
        (.resumed, .suspended, .submitted),
        (.reviewRequested, .approved, .underReview),
        (.approved, .underReview, .approved),
        (.deleted, .returned, .deleted),
        (.validationFailed, .submitted, .rejectedByValidation),
    ])
    func forwards(change: PlanStatusRules.Change, from: PlanState, to: PlanState) {
        #expect(PlanStatusRules.decide(change, current: from) == .move(to: to))
    }

    @Test("an old event delivered again moves nothing back", arguments: [
        (PlanStatusRules.Change.validated, PlanState.approved),
        (.approved, .reported),
        (.approved, .closed),
        (.stepCompleted(next: .ikvd), .approved),
        (.reported, .closed),
        (.suspended, .suspended),
        (.deleted, .deleted),
        (.resumed, .submitted),
        (.returned, .returned),
        (.stepCompleted(next: nil), .awaitingIKVD),
        (.closed, .closed),
        (.implementationStarted, .inImplementation),
        (.implementationStarted, .reported),
    ])
    func replaysIgnored(change: PlanStatusRules.Change, current: PlanState) {
        #expect(PlanStatusRules.decide(change, current: current) == .ignore)
    }

    @Test("an event that overtook the one it follows is retried", arguments: [
        (PlanStatusRules.Change.approved, PlanState.submitted),
        (.stepCompleted(next: .municipality), .submitted),
        (.returned, .submitted),
        (.closed, .approved),
        (.implementationStarted, .awaitingIKVD),
        (.implementationStarted, .submitted),
    ])
    func early(change: PlanStatusRules.Change, current: PlanState) {
        #expect(PlanStatusRules.decide(change, current: current) == .notYet)
    }
}

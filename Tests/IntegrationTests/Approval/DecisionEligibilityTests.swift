@testable import ApprovalRouting
import Foundation
import Rules
import ServiceKit
import Testing

/// The identity rules of approval as a pure function (issue #17 item 2): no database.
@Suite("Approval identity rules: DecisionEligibility.check")
struct DecisionEligibilityTests {
    typealias Past = DecisionEligibility.PastDecision
    let author = UUID(), head = UUID(), deputy = UUID(), coordinator = UUID(), expert = UUID()

    func check(authors: Set<UUID> = [], past: [Past] = [], _ person: UUID, actingFor: UUID? = nil,
               _ attempt: DecisionEligibility.Attempt) -> DecisionEligibility.Outcome {
        DecisionEligibility.check(authors: authors, past: past, person: person, actingFor: actingFor, attempt: attempt)
    }

    @Test("a clean decision is allowed; the same level again (a later revision) too")
    func allowed() {
        #expect(check(authors: [author], head, .decide(at: .institutionHead)) == .allowed)
        #expect(check(authors: [author], past: [Past(level: .institutionHead, decidedBy: head)], head, .decide(at: .institutionHead)) == .allowed)
        #expect(check(past: [Past(level: .institutionHead, decidedBy: head)], coordinator, .decide(at: .municipality)) == .allowed)
        #expect(check(author, .manage) == .allowed, "the preparer manages their plan")
    }

    @Test("an author of any revision, or the person it was submitted for, neither approves nor returns — also not through a delegate")
    func authors() {
        #expect(check(authors: [author], author, .decide(at: .institutionHead)) == .refused(.ownPlan))
        #expect(check(authors: [author], deputy, actingFor: author, .decide(at: .institutionHead)) == .refused(.ownPlan))
        #expect(check(authors: [author, head], head, .decide(at: nil)) == .refused(.ownPlan), "even when the plan awaits no level")
    }

    @Test("one person decides at one level only: own id, as a delegate, or through their delegate")
    func oneLevel() {
        let byHead = Past(level: .institutionHead, decidedBy: head)
        #expect(check(past: [byHead], head, .decide(at: .municipality)) == .refused(.oneLevel))
        #expect(check(past: [byHead], head, actingFor: expert, .decide(at: .ikvd)) == .refused(.oneLevel), "acting for someone is still them")
        let deputyForHead = Past(level: .institutionHead, decidedBy: deputy, actingFor: head)
        #expect(check(past: [deputyForHead], deputy, .decide(at: .municipality)) == .refused(.oneLevel), "the delegate decided at head level")
        #expect(check(past: [deputyForHead], head, .decide(at: .ikvd)) == .refused(.oneLevel), "the delegator's rights were used at head level")
        #expect(check(past: [deputyForHead], coordinator, actingFor: head, .decide(at: .municipality)) == .refused(.oneLevel))
        #expect(check(past: [byHead], head, .decide(at: nil)) == .allowed, "no level awaited: the lifecycle refuses, not this rule")
    }

    @Test("a delegation passes approve and return only")
    func delegatedCommands() {
        #expect(check(deputy, actingFor: head, .manage) == .refused(.commandNotDelegated))
        #expect(check(deputy, actingFor: head, .decide(at: .institutionHead)) == .allowed)
        for decision in [Decision.suspend(reason: "r"), .resume(comment: nil), .requestReview(comment: nil), .delete(reason: nil)] {
            #expect(decision.attempt(awaiting: .ikvd) == .manage, "\(decision.name)")
        }
        #expect(Decision.approve(comment: nil).attempt(awaiting: .ikvd) == .decide(at: .ikvd))
        #expect(Decision.returnForRevision(comment: "c").attempt(awaiting: .municipality) == .decide(at: .municipality))
    }

    @Test("every rule has a stable code and a Latvian and English message")
    func messages() {
        #expect(DecisionEligibility.Rule.allCases.map(\.rawValue) == ["approval.own_plan", "approval.one_level", "delegation.command_not_delegated"])
        for rule in DecisionEligibility.Rule.allCases {
            let problem = ApprovalProblems.ineligible(rule)
            #expect(problem.statusCode == 403)
            #expect(problem.errors?.first?.rule == rule.rawValue)
            #expect(!(problem.errors?.first?.message ?? "").isEmpty && !(problem.errors?.first?.messageEn ?? "").isEmpty)
        }
    }
}

import Foundation
import Rules

/// Who may decide a plan, apart from role and scope (issue #17, item 2): the four-eyes rules.
/// Pure: the caller reads the plan's authors and past decisions, this answers.
///
/// - A delegation passes approval and return only. Suspend, resume, review and delete are the
///   plan's own management, not an approval level, so nobody does them "acting for" someone.
/// - Nobody who submitted any revision of the plan, nor anyone a revision was submitted for,
///   approves or returns it: a returned plan resubmitted by a colleague is still the first
///   author's work.
/// - One person decides a plan at one level only, across ALL its revisions, whether as
///   themselves or as a delegate: a head who approved revision 2 must not approve revision 3 at
///   the municipality, or the returned-and-resubmitted path would wash out the separation. The
///   people in a decision are its decider and, when acting for someone, that delegator (whose
///   rights were used): both have then decided at that level. Deciding again at the same level
///   (a later revision) is allowed.
enum DecisionEligibility {
    /// An approve or return already stored, with its level and the people in it.
    struct PastDecision: Sendable, Hashable {
        var level: ApprovalLevel
        var decidedBy: UUID
        var actingFor: UUID?

        var people: Set<UUID> { Set([decidedBy] + (actingFor.map { [$0] } ?? [])) }
    }

    /// What the decider attempts.
    enum Attempt: Sendable, Hashable {
        /// Approve or return, at the level the plan awaits (nil when it awaits none: the lifecycle refuses then).
        case decide(at: ApprovalLevel?)
        /// Suspend, resume, request review or delete.
        case manage
    }

    /// The refusals, with stable rule codes (the API's `errors[0].rule`).
    enum Rule: String, CaseIterable, Sendable {
        case ownPlan = "approval.own_plan"
        case oneLevel = "approval.one_level"
        case commandNotDelegated = "delegation.command_not_delegated"
    }

    /// The answer.
    enum Outcome: Sendable, Hashable {
        case allowed
        case refused(Rule)
    }

    /// - Parameters:
    ///   - authors: everyone who submitted a revision of the plan or had one submitted for them.
    ///   - past: the plan's approve and return decisions, every revision.
    ///   - person: who acts now; `actingFor`: the delegator whose rights they use, if any.
    static func check(authors: Set<UUID>, past: [PastDecision], person: UUID, actingFor: UUID?, attempt: Attempt) -> Outcome {
        let deciders = Set([person] + (actingFor.map { [$0] } ?? []))
        switch attempt {
        case .manage:
            return actingFor == nil ? .allowed : .refused(.commandNotDelegated)
        case .decide(let level):
            if !deciders.isDisjoint(with: authors) { return .refused(.ownPlan) }
            guard let level else { return .allowed }
            if past.contains(where: { $0.level != level && !$0.people.isDisjoint(with: deciders) }) { return .refused(.oneLevel) }
            return .allowed
        }
    }
}

extension DecisionEligibility.Rule {
    /// The problem+json answer (403: the rights are there, the person may not use them here).
    var problem: ProblemDetailsText {
        switch self {
        case .ownPlan:
            ProblemDetailsText(type: "urn:pumpurs:problem:own-plan", title: "Savu plānu izlemt nevar / You cannot decide your own plan",
                               field: "planId", lv: "Plānu, kura kādu versiju iesniedzāt jūs vai kāds jūsu vārdā, saskaņot vai atgriezt nevar.",
                               en: "Nobody approves or returns a plan they, or someone for them, submitted in any revision.")
        case .oneLevel:
            ProblemDetailsText(type: "urn:pumpurs:problem:one-level", title: "Viens cilvēks – viens līmenis / One person, one level",
                               field: "planId", lv: "Jūs šo plānu jau izlēmāt citā saskaņošanas līmenī (pats vai kāda vārdā); vienā plānā lemj tikai vienā līmenī.",
                               en: "You already decided this plan at another approval level (yourself or acting for someone); one person decides a plan at one level only.")
        case .commandNotDelegated:
            ProblemDetailsText(type: "urn:pumpurs:problem:not-delegated", title: "Darbība nav deleģēta / Not delegated",
                               field: "actingFor", lv: "Deleģējums ļauj tikai saskaņot vai atgriezt; apturēt, atjaunot, nodot pārskatīšanai vai dzēst citas personas vārdā nevar.",
                               en: "A delegation passes approval and return only; nobody suspends, resumes, sends for review or deletes acting for someone.")
        }
    }
}

/// The text of a 403 identity refusal (kept next to the rule codes so the two stay together).
struct ProblemDetailsText: Sendable, Hashable {
    var type: String
    var title: String
    var field: String
    var lv: String
    var en: String
}

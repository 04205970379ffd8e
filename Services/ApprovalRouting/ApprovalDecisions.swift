import Auth
import Contracts
import Foundation
import HTTPTypes
import Postgres
import Rules
import ServiceKit

/// Who decides: the person calling, and the principal whose rights they use — their own, or
/// a delegator's for a delegation valid today ("acting for").
struct Decider: Sendable {
    /// The person acting (token subject).
    var personId: UUID
    /// The rights used (the caller's own or the delegator's role and scope).
    var rights: Principal
    /// The delegator, when acting for someone.
    var actingFor: UUID?

    var payload: ActorPayload { ActorPayload(personId: personId, role: rights.role.rawValue, actingFor: actingFor) }
}

/// A decision command from the API.
enum Decision: Sendable {
    case approve(comment: String?)
    case returnForRevision(comment: String)
    case suspend(reason: String)
    case resume(comment: String?)
    case requestReview(comment: String?)
    case delete(reason: String?)

    var comment: String? {
        switch self {
        case .approve(let c), .resume(let c), .requestReview(let c), .delete(let c): c
        case .returnForRevision(let c), .suspend(let c): c
        }
    }

    /// What the identity rules see: approve and return decide at the level the plan awaits; the rest manage the plan.
    func attempt(awaiting level: ApprovalLevel?) -> DecisionEligibility.Attempt {
        switch self {
        case .approve, .returnForRevision: .decide(at: level)
        case .suspend, .resume, .requestReview, .delete: .manage
        }
    }

    var name: String {
        switch self {
        case .approve: "approve"
        case .returnForRevision: "return"
        case .suspend: "suspend"
        case .resume: "resume"
        case .requestReview: "review"
        case .delete: "delete"
        }
    }
}

/// What the API answers after a decision: the plan's state now.
struct DecisionResult: Codable, Sendable {
    var planId: UUID
    var revision: Int
    var state: String
    var version: Int
}

/// Applies decisions with the rules library's lifecycle. The plan row is locked for the whole
/// transaction, so of two people deciding the same step at once exactly one wins; the other
/// then meets the new state and gets 409 with it. Every decision is stored with who, when,
/// acting-for and comment, and its events go to the outbox in the same transaction.
struct ApprovalDecisions: Sendable {
    let today: @Sendable () -> CalendarDate?
    let settings: ProgrammeSettings

    func decide(_ decision: Decision, planId: UUID, by decider: Decider, outbox: OutboxWriter,
                on connection: PostgresConnection) throws -> DecisionResult {
        guard var plan = try ApprovalPlan.lock(planId, on: connection),
              let institution = try DirectoryReplica.institution(plan.institutionId, on: connection),
              decider.rights.covers(institution: institution.scopeFacts) else {
            throw CommonProblems.notFound("Plāns / Plan")
        }
        guard let actor = Self.actorRole(decider.rights.role) else {
            throw ApprovalProblems.refused(plan, rule: "lifecycle.wrong_actor", lv: "Jūsu lomai šī darbība nav atļauta.",
                                           en: "Your role may not do this.")
        }
        // Who may decide, beyond role and scope (pure rules; the history is read under the plan's lock).
        if case .refused(let rule) = DecisionEligibility.check(
            authors: try Self.authors(of: plan, on: connection), past: try Self.pastDecisions(of: plan.planId, on: connection),
            person: decider.personId, actingFor: decider.actingFor, attempt: decision.attempt(awaiting: plan.state.awaitedLevel)) {
            throw ApprovalProblems.ineligible(rule)
        }
        guard let today = today() else { throw CommonProblems.clockUnavailable }
        let semester = SemesterRef(code: plan.semester)
        let semesterEnd = semester.flatMap { settings.dates(of: $0)?.end }
            ?? semester.flatMap { CalendarDate(year: $0.schoolYear + 1, month: $0.number == .first ? 1 : 6, day: 1) } ?? today
        let context = LifecycleContext(institution: institution.category, actor: actor,
                                       today: today, semesterEnd: semesterEnd, consentOnFile: plan.consentOnFile, amountPaid: plan.amountPaid)
        let command: PlanCommand = switch decision {
        case .approve:
            plan.state.awaitedLevel.map { .approve($0) } ?? .approve(Self.level(of: actor) ?? .institutionHead)
        case .returnForRevision(let comment): .returnForRevision(comment: comment)
        case .suspend(let reason): .suspend(reason: reason)
        case .resume: .resume
        case .requestReview: .requestReview
        case .delete: .delete
        }
        if case .approve = decision, let awaited = plan.state.awaitedLevel, awaited.approver != actor {
            throw ApprovalProblems.refused(plan, rule: "lifecycle.wrong_approval_level",
                                           lv: "Plāns gaida citu saskaņošanas līmeni: \(plan.state.label.lv).",
                                           en: "The plan awaits another approval level: \(plan.state.label.en).")
        }
        let transition: Transition
        switch PlanLifecycle.apply(command, to: plan.state, context: context) {
        case .success(let t): transition = t
        case .failure(let refusal):
            throw ApprovalProblems.refused(plan, rule: "lifecycle.\(refusal.reason.rawValue)", lv: refusal.message.lv, en: refusal.message.en)
        }
        try ApprovalPlan.move(plan, to: transition.to, on: connection)
        try connection.execute("""
            INSERT INTO decisions (plan_id, revision, command, from_state, to_state, decided_by, role, acting_for, comment)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, [plan.planId, plan.revision, decision.name, plan.state.rawValue, transition.to.rawValue, decider.personId,
                  decider.rights.role.rawValue, decider.actingFor, decision.comment])
        try ApprovalEventMapping.enqueue(transition.events, plan: plan, actor: decider.payload, comment: decision.comment,
                                         municipalityId: institution.municipalityId, outbox: outbox, on: connection)
        plan.state = transition.to
        var version = plan.version + 1
        if transition.to == .approved {
            // Support delivered while the later levels decided (or consent that came meanwhile) starts it now.
            plan.version = version
            let after = try ImplementationStart.startIfDue(plan, municipalityId: institution.municipalityId, outbox: outbox,
                                                           today: today, on: connection)
            if after != plan.state { plan.state = after; version += 1 }
        }
        return DecisionResult(planId: plan.planId, revision: plan.revision, state: plan.state.rawValue, version: version)
    }

    /// Everyone who submitted a revision of the plan or had one submitted for them.
    static func authors(of plan: ApprovalPlan, on connection: PostgresConnection) throws -> Set<UUID> {
        let stored = try connection.query("SELECT person_id FROM plan_authors WHERE plan_id = $1", [plan.planId])
            .map { try $0.decode("person_id", as: UUID.self) }
        return Set(stored + (plan.preparedBy.map { [$0] } ?? []))
    }

    /// The plan's approvals and returns, every revision, with the level each was made at (the
    /// level the plan awaited then).
    static func pastDecisions(of planId: UUID, on connection: PostgresConnection) throws -> [DecisionEligibility.PastDecision] {
        try connection.query("""
            SELECT from_state, decided_by, acting_for FROM decisions WHERE plan_id = $1 AND command IN ('approve', 'return') ORDER BY id
            """, [planId]).compactMap { row in
                guard let level = PlanState(rawValue: try row.decode("from_state", as: String.self))?.awaitedLevel else { return nil }
                return DecisionEligibility.PastDecision(level: level, decidedBy: try row.decode("decided_by"), actingFor: try row.decode("acting_for"))
            }
    }

    /// The lifecycle's actor for a token role (roles that never decide have none).
    static func actorRole(_ role: Role) -> ActorRole? {
        switch role {
        case .institutionHead: .institutionHead
        case .municipalityCoordinator: .municipalityCoordinator
        case .ikvdExpert: .ikvdExpert
        case .preparer: .preparer
        case .institutionCoordinator: .institutionCoordinator
        default: nil
        }
    }

    /// The approval level an actor decides.
    static func level(of actor: ActorRole) -> ApprovalLevel? {
        ApprovalLevel.allCases.first { $0.approver == actor }
    }
}

/// Approval's problem+json answers.
enum ApprovalProblems {
    /// 403: the rights used do not include the command.
    static let roleNotAllowed = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:role-not-allowed", title: "Loma nav atļauta / Role not allowed",
        errors: [.init(field: "role", rule: "auth.role_not_allowed", message: "Jūsu lomai šī darbība nav atļauta.",
                       messageEn: "Your role may not do this.")])

    /// 403: the identity rules refuse this person (own plan, a second level, a command not delegated).
    static func ineligible(_ rule: DecisionEligibility.Rule) -> ProblemDetails {
        let text = rule.problem
        return ProblemDetails(status: .forbidden, type: text.type, title: text.title,
                              errors: [.init(field: text.field, rule: rule.rawValue, message: text.lv, messageEn: text.en)])
    }

    /// 409 with the plan's current state (so the loser of a race sees what happened).
    static func refused(_ plan: ApprovalPlan, rule: String, lv: String, en: String) -> ProblemDetails {
        ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:decision-refused",
                       title: "Lēmumu pieņemt nevar / The decision cannot be made",
                       detail: "\(lv) Pašreizējais statuss: \(plan.state.rawValue) (versija \(plan.version)). / \(en) Current state: \(plan.state.rawValue) (version \(plan.version)).",
                       errors: [.init(field: "state", rule: rule, message: lv, messageEn: en)])
    }
}

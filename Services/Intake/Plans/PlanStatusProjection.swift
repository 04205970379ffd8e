import Contracts
import Auth
import Foundation
import Logging
import Postgres
import Rules
import ServiceKit

/// Keeps each plan's live status and findings current from the validation and approval events,
/// so the preparer reads the outcome on the plan itself. An event about an older revision than
/// the plan holds (the plan was returned and resubmitted since) changes nothing; the kit's inbox
/// makes redelivery harmless.
public enum PlanStatusProjection {
    /// The handlers intake registers; a resumed plan is resubmitted with `settings` (and the
    /// student's birth date opened with `keys`).
    public static func handlers(keys: StudentKeys, settings: ProgrammeSettings = .defaults) -> EventHandlers {
        let submission = PlanSubmission(settings: settings, birthDates: StudentBirthDates(vault: PersonalCodeVault(keys: keys)))
        var handlers = EventHandlers()
        handlers.on(PlanValidated.self) { envelope, context in
            let findings = envelope.data.warnings.map(finding(from:))
            try apply(envelope.data.plan, to: .awaitingInstitutionHead, when: [.submitted], findings: findings,
                      note: nil, actor: nil, context: context)
        }
        handlers.on(PlanValidationFailed.self) { envelope, context in
            let findings = envelope.data.findings.map(finding(from:))
            try apply(envelope.data.plan, to: .rejectedByValidation, when: [.submitted], findings: findings,
                      note: nil, actor: nil, context: context)
        }
        handlers.on(PlanApprovalStepCompleted.self) { envelope, context in
            let next: PlanState = switch envelope.data.nextLevel {
            case ApprovalLevel.municipality.rawValue?: .awaitingMunicipality
            case ApprovalLevel.ikvd.rawValue?: .awaitingIKVD
            default: .awaitingIKVD // the last step is followed by plan.approved
            }
            guard envelope.data.nextLevel != nil else { return }
            try apply(envelope.data.plan, to: next, when: [.awaitingInstitutionHead, .awaitingMunicipality, .awaitingIKVD, .underReview],
                      note: envelope.data.comment, actor: envelope.data.decidedBy.personId, context: context)
        }
        handlers.on(PlanApproved.self) { envelope, context in
            try apply(envelope.data.plan, to: .approved, when: [.awaitingInstitutionHead, .awaitingMunicipality, .awaitingIKVD, .underReview],
                      note: nil, actor: envelope.data.approvedBy.personId, context: context)
        }
        handlers.on(PlanImplementationStarted.self) { envelope, context in
            let change = envelope.data.change
            // Published right after plan.approved; a competing consumer may take it first: retry then.
            try apply(change.plan, to: .inImplementation, when: [.approved], note: change.reason,
                      actor: change.actor.personId, context: context,
                      retryWhile: [.awaitingInstitutionHead, .awaitingMunicipality, .awaitingIKVD, .underReview])
        }
        handlers.on(PlanReturned.self) { envelope, context in
            let change = envelope.data.change
            try apply(change.plan, to: .returned, when: [.awaitingInstitutionHead, .awaitingMunicipality, .awaitingIKVD, .underReview],
                      note: change.reason, actor: change.actor.personId, context: context)
        }
        handlers.on(PlanSuspended.self) { envelope, context in
            let change = envelope.data.change
            try apply(change.plan, to: .suspended, when: Set(PlanState.allCases).subtracting([.suspended, .closed, .deleted]),
                      note: change.reason, actor: change.actor.personId, context: context)
        }
        handlers.on(PlanResumed.self) { envelope, context in
            let change = envelope.data.change
            try submission.resubmitAfterResume(change.plan, actor: change.actor, outbox: context.outbox, on: context.connection)
        }
        handlers.on(PlanReviewRequested.self) { envelope, context in
            let change = envelope.data.change
            try apply(change.plan, to: .underReview, when: [.approved, .inImplementation], note: change.reason,
                      actor: change.actor.personId, context: context)
        }
        handlers.on(PlanDeleted.self) { envelope, context in
            let change = envelope.data.change
            try apply(change.plan, to: .deleted, when: Set(PlanState.allCases).subtracting([.deleted, .closed]),
                      note: change.reason, actor: change.actor.personId, context: context)
        }
        handlers.on(PlanReported.self) { envelope, context in
            let change = envelope.data.change
            try apply(change.plan, to: .reported, when: [.approved, .inImplementation, .suspended], note: change.reason,
                      actor: change.actor.personId, context: context)
        }
        handlers.on(PlanClosed.self) { envelope, context in
            let change = envelope.data.change
            try apply(change.plan, to: .closed, when: [.reported], note: change.reason, actor: change.actor.personId, context: context)
        }
        handlers.on(PlanImplementationMayStart.self) { envelope, context in
            try context.connection.execute("""
                UPDATE plans SET implementation_may_start = true, updated_at = now() WHERE id = $1 AND revision = $2
                """, [envelope.data.plan.planId, envelope.data.plan.revision])
        }
        return handlers
    }

    /// Moves the plan to `state` if the event is about its current revision and the plan is in
    /// one of `expected` states; writes the history row with who and why.
    static func apply(_ reference: PlanReference, to state: PlanState, when expected: Set<PlanState>, findings: [FindingView]? = nil,
                      note: String?, actor: UUID?, context: HandlerContext, retryWhile: Set<PlanState> = []) throws {
        let connection = context.connection
        guard let row = try connection.query("SELECT status, revision FROM plans WHERE id = $1 FOR UPDATE",
                                             [reference.planId]).first else {
            throw PermanentHandlerError("plan \(reference.planId) is unknown to intake")
        }
        let revision = try row.decode("revision", as: Int.self)
        let current = PlanState(rawValue: try row.decode("status", as: String.self))
        // An approval event that overtook this revision's validation result (different queues,
        // competing consumers): retry until the validation result has been applied.
        if reference.revision == revision, current == .submitted, !expected.contains(.submitted) {
            throw EventArrivedEarly("plan \(reference.planId) is not validated here yet")
        }
        if let current, reference.revision == revision, retryWhile.contains(current) {
            throw EventArrivedEarly("plan \(reference.planId) has not reached the state this event follows yet")
        }
        guard let current, reference.revision == revision, expected.contains(current) else {
            context.logger.info("plan status event ignored", metadata: [
                "plan_id": "\(reference.planId)", "event_revision": "\(reference.revision)", "plan_revision": "\(revision)"])
            return
        }
        if let findings {
            try connection.execute("UPDATE plans SET status = $2, findings = $3::jsonb, status_note = $4, updated_at = now() WHERE id = $1",
                                   [reference.planId, state.rawValue, try PlanRecord.encodeJSON(findings), note])
        } else {
            try connection.execute("UPDATE plans SET status = $2, status_note = $3, updated_at = now() WHERE id = $1",
                                   [reference.planId, state.rawValue, note])
        }
        try connection.execute("""
            INSERT INTO plan_history (plan_id, from_status, to_status, actor, reason) VALUES ($1, $2, $3, $4, $5)
            """, [reference.planId, current.rawValue, state.rawValue, actor ?? systemActor, note])
    }

    /// A transient "not yet": the event it depends on is on its way; the message is retried.
    struct EventArrivedEarly: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The actor recorded for automatic changes (validation).
    static let systemActor = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    static func finding(from payload: FindingPayload) -> FindingView {
        FindingView(rule: payload.ruleId, severity: payload.severity, field: payload.path, message: payload.messageLv,
                    messageEn: payload.messageEn)
    }
}

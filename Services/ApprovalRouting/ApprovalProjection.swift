import Contracts
import Foundation
import Logging
import Postgres
import Rules
import ServiceKit

/// Builds approval's copy of each plan from the events of intake, validation and payouts, starts
/// the route when validation passes, and applies the reporting service's report events (`.report`,
/// `.close`). Events about an older revision change nothing;
/// the kit's inbox makes redelivery harmless; competing instances serialise on the plan row.
struct ApprovalProjection: Sendable {
    let settings: ProgrammeSettings
    let today: @Sendable () -> CalendarDate?

    var handlers: EventHandlers {
        var handlers = EventHandlers()
        DirectoryReplica.register([.institutions, .people], on: &handlers)
        handlers.on(PlanSubmitted.self) { envelope, context in try submitted(envelope.data, context) }
        handlers.on(PlanValidated.self) { envelope, context in try validated(envelope.data, context) }
        handlers.on(PlanValidationFailed.self) { envelope, context in
            let plan = envelope.data.plan
            try context.connection.execute("""
                UPDATE approval_plans SET state = 'rejected_by_validation', version = version + 1, updated_at = now(), awaiting_since = NULL
                WHERE plan_id = $1 AND revision = $2 AND state = 'submitted'
                """, [plan.planId, plan.revision])
        }
        handlers.on(PlanConsentChanged.self) { envelope, context in try consentChanged(envelope.data, context) }
        handlers.on(ReportSubmitted.self) { envelope, context in try reportSubmitted(envelope.data, context) }
        handlers.on(ReportConfirmed.self) { envelope, context in try reportConfirmed(envelope.data, context) }
        handlers.on(PlanPaymentRecorded.self) { envelope, context in
            try context.connection.execute("UPDATE approval_plans SET amount_paid = GREATEST(amount_paid, $2), updated_at = now() WHERE plan_id = $1",
                                           [envelope.data.planId, envelope.data.totalPaidCents])
            // A compensation paid to the student is support delivered; staff pay alone is not.
            if (envelope.data.compensationPaidCents ?? 0) > 0 {
                try ImplementationStart.supportDelivered(planId: envelope.data.planId, how: "payout", today: today, context: context)
            }
        }
        handlers.on(PlanSupportDelivered.self) { envelope, context in
            try ImplementationStart.supportDelivered(planId: envelope.data.plan.planId, how: "consultation", today: today, context: context)
        }
        return handlers
    }

    /// A (re)submission: the plan's content summary and who prepared it, under the new revision;
    /// its authors are kept for every revision.
    func submitted(_ event: PlanSubmitted, _ context: HandlerContext) throws {
        let plan = event.plan
        try context.connection.execute("""
            INSERT INTO approval_plans (plan_id, revision, institution_id, student_code, semester, prepared_by, risk_codes, measures, state)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, 'submitted')
            ON CONFLICT (plan_id) DO UPDATE SET revision = EXCLUDED.revision, prepared_by = EXCLUDED.prepared_by,
                risk_codes = EXCLUDED.risk_codes, measures = EXCLUDED.measures, warnings = '[]', state = 'submitted',
                awaiting_since = NULL, version = approval_plans.version + 1, updated_at = now()
            WHERE approval_plans.revision < EXCLUDED.revision
            """, [plan.planId, plan.revision, plan.institutionId, plan.studentCode, plan.semester, event.submittedBy.personId,
                  try ApprovalPlan.text(event.riskCodes), try ApprovalPlan.text(event.measures)])
        // Every revision's authors, also of a revision that arrives after a newer one (it was still written by them).
        try context.connection.execute("""
            INSERT INTO plan_authors (plan_id, revision, person_id, how) VALUES ($1, $2, $3, 'submitted')
            ON CONFLICT DO NOTHING
            """, [plan.planId, plan.revision, event.submittedBy.personId])
        if let principal = event.submittedBy.actingFor, principal != event.submittedBy.personId {
            try context.connection.execute("""
                INSERT INTO plan_authors (plan_id, revision, person_id, how) VALUES ($1, $2, $3, 'submitted_for')
                ON CONFLICT DO NOTHING
                """, [plan.planId, plan.revision, principal])
        }
        // Consent may be pending at submission (it gates implementation, not submission): the
        // latest consent change seen, whenever it arrived, is the plan's.
        try context.connection.execute("""
            UPDATE approval_plans a SET consent_on_file = c.on_file, consent_change = c.change
            FROM plan_consents c WHERE a.plan_id = $1 AND a.revision = $2 AND c.plan_id = a.plan_id
            """, [plan.planId, plan.revision])
    }

    /// Validation passed: the route starts at the institution head.
    func validated(_ event: PlanValidated, _ context: HandlerContext) throws {
        let connection = context.connection
        guard var plan = try ApprovalPlan.lock(event.plan.planId, on: connection) else {
            // plan.validated overtook plan.submitted (different queues): retry until it arrives.
            throw ApprovalNotReady("plan \(event.plan.planId) not yet known to approval")
        }
        if event.plan.revision > plan.revision {
            // plan.validated for a resubmission overtook its plan.submitted: retry until it arrives.
            throw ApprovalNotReady("plan \(plan.planId) revision \(event.plan.revision) not yet known to approval")
        }
        guard plan.revision == event.plan.revision, plan.state == .submitted else {
            context.logger.info("plan.validated ignored", metadata: ["plan_id": "\(plan.planId)", "state": "\(plan.state.rawValue)"])
            return
        }
        guard let institution = try DirectoryReplica.institution(plan.institutionId, on: connection) else {
            throw ApprovalNotReady("institution \(plan.institutionId) not yet known to approval")
        }
        guard let today = today() else { throw ApprovalNotReady("clock unavailable") }
        try connection.execute("UPDATE approval_plans SET warnings = $2::jsonb WHERE plan_id = $1",
                               [plan.planId, try ApprovalPlan.text(event.warnings)])
        plan.warnings = event.warnings
        let lifecycle = LifecycleContext(institution: institution.category, actor: .system,
                                         today: today, semesterEnd: today, consentOnFile: plan.consentOnFile, amountPaid: plan.amountPaid)
        guard case .success(let passed) = PlanLifecycle.apply(.validationPassed, to: plan.state, context: lifecycle),
              case .success(let forwarded) = PlanLifecycle.apply(.forwardForApproval, to: passed.to, context: lifecycle) else {
            throw PermanentHandlerError("plan \(plan.planId) cannot be forwarded from \(plan.state.rawValue)")
        }
        try ApprovalPlan.move(plan, to: forwarded.to, on: connection)
        try connection.execute("""
            INSERT INTO decisions (plan_id, revision, command, from_state, to_state, decided_by, role) VALUES ($1, $2, 'route', $3, $4, $5, 'system')
            """, [plan.planId, plan.revision, plan.state.rawValue, forwarded.to.rawValue, ApprovalEventMapping.system.personId])
        try ApprovalEventMapping.enqueue(forwarded.events, plan: plan, actor: ApprovalEventMapping.system, comment: nil,
                                         municipalityId: institution.municipalityId, outbox: context.outbox, on: connection)
    }

    /// Consent recorded or revoked. The latest change is kept per plan even before approval knows
    /// the plan (consent may come before or after submission). Recorded consent lets implementation
    /// start if the head has approved (and starts it, if support was already delivered); a
    /// revocation suspends a live plan (and so stops payouts). The flag follows the newest change
    /// only (`change`, when the event carries it); a revocation still suspends the plan even when a
    /// newer recording arrived first — it happened.
    func consentChanged(_ event: PlanConsentChanged, _ context: HandlerContext) throws {
        let connection = context.connection
        let newer = try ConsentReplica.record(event, on: connection)
        try connection.execute("""
            UPDATE approval_plans SET consent_on_file = $2, consent_change = COALESCE($3, consent_change), updated_at = now()
            WHERE plan_id = $1 AND ($3::int IS NULL OR consent_change < $3)
            """, [event.plan.planId, event.onFile, event.change])
        guard let plan = try ApprovalPlan.lock(event.plan.planId, on: connection),
              let institution = try DirectoryReplica.institution(plan.institutionId, on: connection), let today = today() else { return }
        if event.onFile {
            guard newer, plan.consentOnFile else { return }
            if PlanLifecycle.implementationMayStart(state: plan.state, consentOnFile: true) {
                try context.outbox.enqueue(PlanImplementationMayStart(plan: plan.reference, measures: plan.measures), on: connection)
            }
            try ImplementationStart.startIfDue(plan, municipalityId: institution.municipalityId, outbox: context.outbox,
                                               today: today, on: connection)
            return
        }
        let lifecycle = LifecycleContext(institution: institution.category, actor: .system,
                                         today: today, semesterEnd: today, consentOnFile: false, amountPaid: plan.amountPaid)
        guard case .success(let transition) = PlanLifecycle.apply(.consentRevoked, to: plan.state, context: lifecycle) else { return }
        try ApprovalPlan.move(plan, to: transition.to, on: connection)
        try connection.execute("""
            INSERT INTO decisions (plan_id, revision, command, from_state, to_state, decided_by, role, comment)
            VALUES ($1, $2, 'consent_revoked', $3, $4, $5, 'system', 'consent_revoked')
            """, [plan.planId, plan.revision, plan.state.rawValue, transition.to.rawValue, ApprovalEventMapping.system.personId])
        try ApprovalEventMapping.enqueue(transition.events, plan: plan, actor: ApprovalEventMapping.system, comment: "consent_revoked",
                                         municipalityId: institution.municipalityId, outbox: context.outbox, on: connection)
    }
}

/// A transient "not yet": the message is retried with backoff (the event it depends on is on its way).
struct ApprovalNotReady: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

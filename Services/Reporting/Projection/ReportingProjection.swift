import Contracts
import Foundation
import Logging
import Postgres
import Rules
import ServiceKit

/// Reporting's read model, built from the platform's events and nothing else: each plan's
/// facts (from `plan.content_submitted`), its status (from the validation and approval events), the
/// lines of approved work records and the released and reversed payouts.
///
/// The kit's inbox makes a redelivered message harmless; on top of that every fact is keyed by
/// the ids in the event (plan + revision, work record + line number, payout id) and every status
/// change must fit the current status, so the same event published again under a new message
/// id changes nothing either.
struct ReportingProjection: Sendable {
    let settings: ProgrammeSettings

    /// A status event about a plan (or revision) reporting has not seen yet: retried with backoff.
    struct NotYetKnown: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var handlers: EventHandlers {
        var handlers = EventHandlers()
        DirectoryReplica.register([.institutions, .people], on: &handlers)
        EmergencyEffect.register(on: &handlers)
        // The submission with its content (for the subjects of subject consultations).
        handlers.on(PlanContentSubmitted.self) { envelope, context in try submitted(envelope.data, context) }
        handlers.on(PlanValidated.self) { envelope, context in
            try status(envelope.data.plan, .validated, PlanValidated.eventType, context)
        }
        handlers.on(PlanValidationFailed.self) { envelope, context in
            try status(envelope.data.plan, .validationFailed, PlanValidationFailed.eventType, context)
        }
        handlers.on(PlanApprovalStepCompleted.self) { envelope, context in
            let next = envelope.data.nextLevel.flatMap(ApprovalLevel.init(rawValue:))
            try status(envelope.data.plan, .stepCompleted(next: next), PlanApprovalStepCompleted.eventType, context)
        }
        handlers.on(PlanApproved.self) { envelope, context in
            try status(envelope.data.plan, .approved, PlanApproved.eventType, context)
        }
        handlers.on(PlanImplementationStarted.self) { envelope, context in
            try status(envelope.data.change.plan, .implementationStarted, PlanImplementationStarted.eventType, context)
        }
        handlers.on(PlanReturned.self) { envelope, context in
            try status(envelope.data.change.plan, .returned, PlanReturned.eventType, context)
        }
        handlers.on(PlanSuspended.self) { envelope, context in
            try status(envelope.data.change.plan, .suspended, PlanSuspended.eventType, context)
        }
        handlers.on(PlanResumed.self) { envelope, context in
            try status(envelope.data.change.plan, .resumed, PlanResumed.eventType, context)
        }
        handlers.on(PlanReviewRequested.self) { envelope, context in
            try status(envelope.data.change.plan, .reviewRequested, PlanReviewRequested.eventType, context)
        }
        handlers.on(PlanDeleted.self) { envelope, context in
            try status(envelope.data.change.plan, .deleted, PlanDeleted.eventType, context)
        }
        handlers.on(PlanReported.self) { envelope, context in
            try status(envelope.data.change.plan, .reported, PlanReported.eventType, context)
        }
        handlers.on(PlanClosed.self) { envelope, context in
            try status(envelope.data.change.plan, .closed, PlanClosed.eventType, context)
        }
        handlers.on(WorkLogApproved.self) { envelope, context in try workLog(envelope.data, context) }
        handlers.on(PayoutReleased.self) { envelope, context in
            let payout = envelope.data
            try context.connection.execute("""
                INSERT INTO rep_payouts (payout_id, plan_id, measure, period, amount_cents) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (payout_id) DO NOTHING
                """, [payout.payoutId, payout.planId, payout.measure, payout.period, payout.amountCents])
        }
        handlers.on(PayoutReversed.self) { envelope, context in
            try context.connection.execute("""
                INSERT INTO rep_payout_reversals (payout_id, amount_cents) VALUES ($1, $2) ON CONFLICT (payout_id) DO NOTHING
                """, [envelope.data.payoutId, envelope.data.amountCents])
        }
        return handlers
    }

    /// A (re)submission: the plan under its new revision, with that revision's risks and measures.
    /// The same or an older revision again writes nothing.
    func submitted(_ event: PlanContentSubmitted, _ context: HandlerContext) throws {
        let plan = event.plan
        let connection = context.connection
        let previous = try connection.query("SELECT status FROM rep_plans WHERE plan_id = $1 FOR UPDATE", [plan.planId]).first
            .map { try $0.decode("status", as: String.self) }
        let written = try connection.execute("""
            INSERT INTO rep_plans (plan_id, revision, institution_id, student_code, semester, school_year, status)
            VALUES ($1, $2, $3, $4, $5, $6, 'submitted')
            ON CONFLICT (plan_id) DO UPDATE SET revision = EXCLUDED.revision, institution_id = EXCLUDED.institution_id,
                student_code = EXCLUDED.student_code, semester = EXCLUDED.semester, school_year = EXCLUDED.school_year,
                status = 'submitted', updated_at = now()
            WHERE rep_plans.revision < EXCLUDED.revision
            """, [plan.planId, plan.revision, plan.institutionId, plan.studentCode, plan.semester,
                  PlannedFacts.schoolYear(of: plan.semester)])
        guard written > 0 else {
            context.logger.info("plan.submitted of a known revision ignored", metadata: ["plan_id": "\(plan.planId)"])
            return
        }
        try history(plan, from: previous, to: .submitted, PlanSubmitted.eventType, context)
        for code in Set(event.riskCodes).sorted() {
            let group = RiskCode(rawValue: code)?.group ?? .other
            try connection.execute("""
                INSERT INTO rep_plan_risks (plan_id, revision, code, risk_group) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
                """, [plan.planId, plan.revision, code, group.rawValue])
        }
        for measure in PlannedFacts.measures(of: event, settings: settings) {
            try connection.execute("""
                INSERT INTO rep_plan_measures (plan_id, revision, measure_id, position, type, providers, risk_codes, subjects,
                                               planned_minutes, monthly_cents, semester_cents, planned_cents)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11, $12) ON CONFLICT DO NOTHING
                """, [plan.planId, plan.revision, measure.measureId, measure.position, measure.type, try Self.json(measure.providers),
                      try Self.json(measure.riskCodes), try Self.json(measure.subjects), measure.plannedMinutes, measure.monthlyCents,
                      measure.semesterCents, measure.plannedCents])
        }
    }

    /// Moves the plan's status when the change fits (`PlanStatusRules`).
    func status(_ reference: PlanReference, _ change: PlanStatusRules.Change, _ type: EventType, _ context: HandlerContext) throws {
        let connection = context.connection
        guard let row = try connection.query("SELECT status, revision FROM rep_plans WHERE plan_id = $1 FOR UPDATE",
                                             [reference.planId]).first else {
            throw NotYetKnown("plan \(reference.planId) not yet known to reporting (\(type))")
        }
        let revision = try row.decode("revision", as: Int.self)
        let current = PlanState(rawValue: try row.decode("status", as: String.self)) ?? .submitted
        if reference.revision > revision { throw NotYetKnown("plan \(reference.planId) revision \(reference.revision) not yet known") }
        guard reference.revision == revision else {
            context.logger.info("status event of an older revision ignored", metadata: ["plan_id": "\(reference.planId)", "event": "\(type)"])
            return
        }
        switch PlanStatusRules.decide(change, current: current) {
        case .move(let to):
            try connection.execute("UPDATE rep_plans SET status = $2, updated_at = now() WHERE plan_id = $1",
                                   [reference.planId, to.rawValue])
            try history(reference, from: current.rawValue, to: to, type, context)
        case .ignore:
            context.logger.info("status event ignored", metadata: [
                "plan_id": "\(reference.planId)", "event": "\(type)", "status": "\(current.rawValue)"])
        case .notYet:
            throw NotYetKnown("plan \(reference.planId): \(type) before the event it follows")
        }
    }

    /// The lines of an approved work record, keyed by record and line number (timesheets writes
    /// them in a fixed order), so the record counts once however often it arrives; a line's
    /// subjects are written only with the line itself (two spellings that normalise to one add up).
    func workLog(_ event: WorkLogApproved, _ context: HandlerContext) throws {
        for (index, line) in event.lines.enumerated() {
            let written = try context.connection.execute("""
                INSERT INTO rep_work_lines (work_log_id, line_no, plan_id, measure_id, role, provider_type, month, minutes, sessions)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (work_log_id, line_no) DO NOTHING
                """, [event.workLogId, index, line.plan.planId, line.measureId, line.role, line.providerType, event.month, line.minutes,
                      line.sessions.map(Int64.init)])
            guard written > 0 else { continue }
            // Normalised again: a subject is free text, and reporting trusts no producer with that.
            for subject in line.subjects ?? [] {
                guard let name = SubjectName.normalised(subject.subject) else { continue }
                try context.connection.execute("""
                    INSERT INTO rep_work_line_subjects (work_log_id, line_no, subject, sessions, minutes) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (work_log_id, line_no, subject) DO UPDATE
                        SET sessions = rep_work_line_subjects.sessions + EXCLUDED.sessions,
                            minutes = rep_work_line_subjects.minutes + EXCLUDED.minutes
                    """, [event.workLogId, index, name, Int64(subject.sessions), Int64(subject.minutes)])
            }
        }
    }

    private func history(_ plan: PlanReference, from: String?, to: PlanState, _ type: EventType, _ context: HandlerContext) throws {
        try context.connection.execute("""
            INSERT INTO rep_plan_status_history (plan_id, revision, from_status, to_status, event_type, message_id)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, [plan.planId, plan.revision, from, to.rawValue, type.rawValue, context.outbox.causationId])
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONResponse.encode(value), as: UTF8.self)
    }
}

import Contracts
import Foundation
import Logging
import Postgres
import Rules
import ServiceKit

/// Payouts' reaction to the platform's events: its copy of each plan (approved measures, the
/// facts the release policy needs), settling the plan's held payouts whenever those facts
/// change, and staff pay from approved work records. The kit's inbox makes redelivery
/// harmless; the idempotency keys make even a re-published event pay nothing twice.
struct PayoutsProjection: Sendable {
    let settings: ProgrammeSettings
    let book: PayoutBook

    /// An event about a plan payouts has not seen yet (its implementation event is still on the way).
    struct PlanNotKnownYet: Error, CustomStringConvertible {
        let planId: UUID
        var description: String { "plan \(planId) not yet known to payouts" }
    }

    var handlers: EventHandlers {
        var handlers = EventHandlers()
        DirectoryReplica.register([.institutions, .people], on: &handlers)
        EmergencyReplica.register(on: &handlers)
        handlers.on(PlanSubmitted.self) { envelope, context in
            // The first submission's day and the latest grade (the emergency exceptions read both).
            try context.connection.execute("""
                INSERT INTO plan_submissions (plan_id, grade_or_course, first_submitted_on) VALUES ($1, $2, ($3 AT TIME ZONE 'UTC')::date)
                ON CONFLICT (plan_id) DO UPDATE SET grade_or_course = COALESCE(EXCLUDED.grade_or_course, plan_submissions.grade_or_course),
                    first_submitted_on = LEAST(plan_submissions.first_submitted_on, EXCLUDED.first_submitted_on), updated_at = now()
                """, [envelope.data.plan.planId, envelope.data.gradeOrCourse, envelope.occurredAt])
        }
        handlers.on(PlanImplementationMayStart.self) { envelope, context in
            try PayPlan.upsert(envelope.data.plan, measures: envelope.data.measures, approved: false, on: context.connection)
            try settle(envelope.data.plan.planId, context)
        }
        handlers.on(PlanApproved.self) { envelope, context in
            try PayPlan.upsert(envelope.data.plan, measures: envelope.data.measures, approved: true, on: context.connection)
            try settle(envelope.data.plan.planId, context)
        }
        handlers.on(PlanSuspended.self) { envelope, context in
            try change(envelope.data.change.plan, "suspended = true, fully_approved = false", context)
        }
        handlers.on(PlanResumed.self) { envelope, context in
            // Back through approval: no claims until implementation may start again.
            try change(envelope.data.change.plan, "suspended = false, implementation_allowed = false", context)
        }
        handlers.on(PlanDeleted.self) { envelope, context in
            try change(envelope.data.change.plan, "deleted = true, fully_approved = false", context, anyRevision: true)
        }
        handlers.on(PlanConsentChanged.self) { envelope, context in
            // Only a newer change than the last one seen moves the flag (an older one, redelivered late, is history).
            // Kept per plan also before payouts knows the plan: consent may come before or after approval.
            let event = envelope.data
            try ConsentReplica.record(event, on: context.connection)
            let updated = try context.connection.execute("""
                UPDATE pay_plans SET consent_on_file = $2, consent_change = COALESCE($3, consent_change), updated_at = now()
                WHERE plan_id = $1 AND ($3::int IS NULL OR consent_change < $3)
                """, [event.plan.planId, event.onFile, event.change])
            if updated > 0 { try settle(event.plan.planId, context) }
        }
        handlers.on(WorkLogApproved.self) { envelope, context in try staffPay(envelope.data, context) }
        return handlers
    }

    /// Applies `assignments` (fixed SQL, no input) to a known plan of this or a later revision,
    /// then settles its held payouts. A plan payouts never saw has nothing to settle.
    private func change(_ plan: PlanReference, _ assignments: String, _ context: HandlerContext, anyRevision: Bool = false) throws {
        let updated = try context.connection.execute("""
            UPDATE pay_plans SET \(assignments), updated_at = now() WHERE plan_id = $1 AND ($2 OR revision <= $3)
            """, [plan.planId, anyRevision, plan.revision])
        if updated > 0 { try settle(plan.planId, context) }
    }

    private func settle(_ planId: UUID, _ context: HandlerContext) throws {
        guard let plan = try PayPlan.lock(planId, on: context.connection) else { return }
        try book.settle(plan: plan, outbox: context.outbox, on: context.connection)
    }

    /// One payout per plan, paid role and month of an approved work record.
    private func staffPay(_ event: WorkLogApproved, _ context: HandlerContext) throws {
        let payables: [StaffPayLines.Payable]
        switch StaffPayLines.payables(event.lines, settings: settings) {
        case .success(let list): payables = list
        case .failure(let finding):
            // The operator sets the hourly rate, restarts payouts and replays the dead letter.
            throw PermanentHandlerError("work record \(event.workLogId): \(finding.message.en)")
        }
        try Payees.lockStaffMember(event.personId, on: context.connection)
        for payable in payables {
            guard let plan = try PayPlan.lock(payable.plan.planId, on: context.connection) else {
                throw PlanNotKnownYet(planId: payable.plan.planId)
            }
            let new = PayoutBook.NewPayout(
                idempotencyKey: payable.idempotencyKey(person: event.personId, month: event.month), kind: "staff", claimId: nil,
                plan: plan, measure: "staff_pay", measureId: nil, period: event.month, capKey: nil, amount: payable.amount,
                claimed: nil, capped: .zero, personId: event.personId, role: payable.role.rawValue, minutes: payable.minutes,
                payeeReference: nil)
            _ = try book.record(new, outbox: context.outbox, on: context.connection)
        }
    }
}

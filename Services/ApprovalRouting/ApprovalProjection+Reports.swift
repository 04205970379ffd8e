import Contracts
import Foundation
import Logging
import Postgres
import Rules
import ServiceKit

extension ApprovalProjection {
    /// The preparer submitted the plan's implementation report (in the reporting service): the
    /// plan becomes `reported` through the lifecycle, under the plan's row lock.
    func reportSubmitted(_ event: ReportSubmitted, _ context: HandlerContext) throws {
        try reportCommand(.report, actor: .preparer, by: event.submittedBy, planId: event.plan.planId, context)
    }

    /// The head confirmed the report: the plan is `closed`.
    func reportConfirmed(_ event: ReportConfirmed, _ context: HandlerContext) throws {
        try reportCommand(.close, actor: .institutionHead, by: event.confirmedBy, planId: event.plan.planId, context)
    }

    /// Applies `.report` or `.close`, records the decision and publishes `plan.reported` or
    /// `plan.closed`. A command the plan's state no longer allows (it was suspended and resumed,
    /// or the event came again) changes nothing; a confirmation that overtook its submission is retried.
    private func reportCommand(_ command: PlanCommand, actor: ActorRole, by payload: ActorPayload, planId: UUID,
                               _ context: HandlerContext) throws {
        let connection = context.connection
        guard let plan = try ApprovalPlan.lock(planId, on: connection) else {
            throw ApprovalNotReady("plan \(planId) not yet known to approval")
        }
        guard let institution = try DirectoryReplica.institution(plan.institutionId, on: connection) else {
            throw ApprovalNotReady("institution \(plan.institutionId) not yet known to approval")
        }
        guard let today = today() else { throw ApprovalNotReady("clock unavailable") }
        let lifecycle = LifecycleContext(institution: institution.category, actor: actor,
                                         today: today, semesterEnd: today, consentOnFile: plan.consentOnFile, amountPaid: plan.amountPaid)
        let transition: Transition
        switch PlanLifecycle.apply(command, to: plan.state, context: lifecycle) {
        case .success(let allowed): transition = allowed
        case .failure(let refusal):
            if command == .close && [.approved, .inImplementation, .suspended].contains(plan.state) {
                throw ApprovalNotReady("plan \(planId): report confirmed before its submission was applied")
            }
            context.logger.info("report event ignored", metadata: [
                "plan_id": "\(planId)", "command": "\(command.name)", "state": "\(plan.state.rawValue)", "reason": "\(refusal.reason.rawValue)"])
            return
        }
        try ApprovalPlan.move(plan, to: transition.to, on: connection)
        try connection.execute("""
            INSERT INTO decisions (plan_id, revision, command, from_state, to_state, decided_by, role, acting_for)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [plan.planId, plan.revision, command.name, plan.state.rawValue, transition.to.rawValue, payload.personId, payload.role,
                  payload.actingFor])
        try ApprovalEventMapping.enqueue(transition.events, plan: plan, actor: payload, comment: nil,
                                         municipalityId: institution.municipalityId, outbox: context.outbox, on: connection)
    }
}

import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// When an approved plan enters implementation (*Īstenošanā*, issue #19 item 4): approval keeps
/// two facts besides the state — the consent on file (`plan_consents`, from intake's events,
/// whichever comes first) and whether support has been delivered (the first consultation from
/// timesheets, the first compensation from payouts) — and `PlanLifecycle.entersImplementation`
/// decides. Called wherever one of the three changes: the final approval, a consent recorded,
/// a delivery; whichever comes last starts it, and only once (the state moves on).
enum ImplementationStart {
    /// Starts implementation of the (locked) plan if it is due; returns the plan's state after.
    @discardableResult
    static func startIfDue(_ plan: ApprovalPlan, municipalityId: UUID?, outbox: OutboxWriter, today: CalendarDate,
                           on connection: PostgresConnection) throws -> PlanState {
        guard let delivered = plan.supportDelivered,
              PlanLifecycle.entersImplementation(state: plan.state, consentOnFile: plan.consentOnFile, supportDelivered: true),
              let institution = try DirectoryReplica.institution(plan.institutionId, on: connection) else { return plan.state }
        let context = LifecycleContext(institution: institution.category, actor: .system, today: today, semesterEnd: today,
                                       consentOnFile: plan.consentOnFile, amountPaid: plan.amountPaid)
        guard case .success(let transition) = PlanLifecycle.apply(.startImplementation, to: plan.state, context: context) else {
            return plan.state
        }
        try ApprovalPlan.move(plan, to: transition.to, on: connection)
        try connection.execute("""
            INSERT INTO decisions (plan_id, revision, command, from_state, to_state, decided_by, role, comment)
            VALUES ($1, $2, 'start_implementation', $3, $4, $5, 'system', $6)
            """, [plan.planId, plan.revision, plan.state.rawValue, transition.to.rawValue, ApprovalEventMapping.system.personId,
                  delivered])
        try ApprovalEventMapping.enqueue(transition.events, plan: plan, actor: ApprovalEventMapping.system, comment: delivered,
                                         municipalityId: municipalityId, outbox: outbox, on: connection)
        return transition.to
    }

    /// Records the first delivery of support (`consultation` or `payout`; the first one stays),
    /// then starts implementation if it is due.
    static func supportDelivered(planId: UUID, how: String, today: @Sendable () -> CalendarDate?, context: HandlerContext) throws {
        let connection = context.connection
        try connection.execute("""
            UPDATE approval_plans SET support_delivered = COALESCE(support_delivered, $2), updated_at = now() WHERE plan_id = $1
            """, [planId, how])
        guard let plan = try ApprovalPlan.lock(planId, on: connection), let today = today() else { return }
        let municipality = try DirectoryReplica.institution(plan.institutionId, on: connection)?.municipalityId
        try startIfDue(plan, municipalityId: municipality, outbox: context.outbox, today: today, on: connection)
    }
}

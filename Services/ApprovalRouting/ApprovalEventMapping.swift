import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Turns the rules library's lifecycle events into the platform's messages and writes them to
/// the outbox in the decision's transaction.
enum ApprovalEventMapping {
    /// The actor recorded for the platform's own transitions (consent revoked, validation).
    static let system = ActorPayload(personId: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, role: "system")

    static func enqueue(_ events: [PlanEvent], plan: ApprovalPlan, actor: ActorPayload, comment: String?,
                        municipalityId: UUID?, outbox: OutboxWriter, on connection: PostgresConnection) throws {
        let reference = plan.reference
        let requested = events.compactMap { event -> ApprovalLevel? in
            if case .approvalRequested(let level) = event { return level }
            return nil
        }.first
        for event in events {
            switch event {
            case .approvalStepCompleted(let level):
                try outbox.enqueue(PlanApprovalStepCompleted(plan: reference, level: level.rawValue, nextLevel: requested?.rawValue,
                                                             decidedBy: actor, comment: comment), on: connection)
            case .approvalRequested(let level):
                let scopeId: UUID? = switch level {
                case .institutionHead: plan.institutionId
                case .municipality: municipalityId
                case .ikvd: nil
                }
                try outbox.enqueue(ApprovalAwaiting(plan: reference, level: level.rawValue, scopeId: scopeId), on: connection)
            case .implementationAllowed:
                try outbox.enqueue(PlanImplementationMayStart(plan: reference, measures: plan.measures), on: connection)
            case .approved:
                try outbox.enqueue(PlanApproved(plan: reference, approvedBy: actor, measures: plan.measures), on: connection)
            case .returned(let level, let text):
                try outbox.enqueue(PlanReturned(change: PlanLifecycleChange(plan: reference, actor: actor, reason: text), level: level.rawValue),
                                   on: connection)
            case .suspended(let reason):
                try outbox.enqueue(PlanSuspended(change: PlanLifecycleChange(plan: reference, actor: actor, reason: reason)), on: connection)
            case .resumed:
                try outbox.enqueue(PlanResumed(change: PlanLifecycleChange(plan: reference, actor: actor, reason: comment)), on: connection)
            case .reviewRequested:
                try outbox.enqueue(PlanReviewRequested(change: PlanLifecycleChange(plan: reference, actor: actor, reason: comment)), on: connection)
            case .deleted:
                try outbox.enqueue(PlanDeleted(change: PlanLifecycleChange(plan: reference, actor: actor, reason: comment)), on: connection)
            case .reported:
                try outbox.enqueue(PlanReported(change: PlanLifecycleChange(plan: reference, actor: actor, reason: comment)), on: connection)
            case .closed:
                try outbox.enqueue(PlanClosed(change: PlanLifecycleChange(plan: reference, actor: actor, reason: comment)), on: connection)
            case .implementationStarted:
                try outbox.enqueue(PlanImplementationStarted(change: PlanLifecycleChange(plan: reference, actor: actor, reason: comment)),
                                   on: connection)
            case .submitted, .validated, .rejectedByValidation, .consentRevoked:
                // No message of approval's own: intake resubmits after a resume; the rest belong to other services.
                continue
            }
        }
    }
}

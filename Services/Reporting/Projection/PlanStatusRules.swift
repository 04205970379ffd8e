import Rules

/// Which status a plan event moves reporting's copy of the plan to, and from which statuses
/// (the lifecycle of `Rules.PlanLifecycle`, as intake's status projection follows it).
///
/// Statistics count plans by status, so the copy must never move backwards: an event that does
/// not fit the current status is ignored, which is what makes an old event published again under
/// a new message id (a replay) harmless. An event that arrived before the one it follows (queues
/// are not ordered across producers) is retried instead.
public enum PlanStatusRules {
    /// A status event as reporting consumes it.
    public enum Change: Sendable, Hashable {
        /// `plan.validated`: the route starts at the institution head.
        case validated
        /// `plan.validation_failed`.
        case validationFailed
        /// `plan.approval_step_completed` with the next level (nil after the last: `plan.approved` follows).
        case stepCompleted(next: ApprovalLevel?)
        /// `plan.approved`.
        case approved
        /// `plan.implementation_started`: approved, consent on file, first support delivered.
        case implementationStarted
        /// `plan.returned`.
        case returned
        /// `plan.suspended`.
        case suspended
        /// `plan.resumed`: back to submitted (intake resubmits a new revision right after).
        case resumed
        /// `plan.review_requested`.
        case reviewRequested
        /// `plan.deleted`.
        case deleted
        /// `plan.reported`.
        case reported
        /// `plan.closed`.
        case closed
    }

    /// What to do with a change to a plan in `current` status (same revision).
    public enum Decision: Sendable, Hashable {
        /// Store the new status.
        case move(to: PlanState)
        /// Nothing to do (a replay, or a change that no longer applies).
        case ignore
        /// The event it follows has not been applied yet: retry later.
        case notYet
    }

    static let awaiting: Set<PlanState> = [.awaitingInstitutionHead, .awaitingMunicipality, .awaitingIKVD, .underReview]

    /// The target status and the statuses it may come from; nil when the change moves nothing.
    public static func target(of change: Change) -> (to: PlanState, from: Set<PlanState>)? {
        switch change {
        case .validated: (.awaitingInstitutionHead, [.submitted])
        case .validationFailed: (.rejectedByValidation, [.submitted])
        case .stepCompleted(.municipality?): (.awaitingMunicipality, awaiting)
        case .stepCompleted(.ikvd?): (.awaitingIKVD, awaiting)
        case .stepCompleted: nil
        case .approved: (.approved, awaiting)
        case .implementationStarted: (.inImplementation, [.approved])
        case .returned: (.returned, awaiting)
        case .suspended: (.suspended, PlanLifecycle.activeStates)
        case .resumed: (.submitted, [.suspended])
        case .reviewRequested: (.underReview, [.approved, .inImplementation])
        case .deleted: (.deleted, Set(PlanState.allCases).subtracting([.deleted, .closed]))
        case .reported: (.reported, [.approved, .inImplementation, .suspended])
        case .closed: (.closed, [.reported])
        }
    }

    /// Decides a change for a plan whose copy is in `current`.
    public static func decide(_ change: Change, current: PlanState) -> Decision {
        guard let target = target(of: change) else { return .ignore }
        if target.from.contains(current) { return .move(to: target.to) }
        // Events that only follow validation, arriving while the copy still says submitted:
        // the validation result is on its way.
        let followsValidation: Bool = switch change {
        case .stepCompleted, .approved, .implementationStarted, .returned, .reviewRequested, .reported, .closed: true
        default: false
        }
        if followsValidation && current == .submitted { return .notYet }
        // Implementation started before this copy saw the approval it follows.
        if change == .implementationStarted && awaiting.contains(current) { return .notYet }
        // A confirmed report whose `plan.reported` has not been applied yet.
        if change == .closed && [.approved, .inImplementation, .suspended].contains(current) { return .notYet }
        return .ignore
    }
}

import Rules

/// A decision a person may take on a plan from its page (issue #20): which ones a role may take
/// now, whether a comment is required, and what happens next. Pure, so the plan's page, the
/// confirmation page and the tests agree; the service decides again when it is posted.
public enum PlanDecision: String, CaseIterable, Sendable {
    case approve, `return`, suspend, resume, review, delete

    /// The approval level (as approval routing names it) each approver role decides.
    public static let levels: [String: ApprovalLevel] = ["institution_head": .institutionHead, "municipality_coordinator": .municipality,
                                                         "ikvd_expert": .ikvd]
    /// Who manages a plan (suspend, resume, send for review, delete), as the lifecycle says.
    public static let managers: Set<String> = ["preparer", "institution_head"]

    /// Return needs a comment (what to fix), suspend a reason; the others take an optional comment.
    public var commentRequired: Bool { self == .return || self == .suspend }

    /// The decisions `role` may take now on a plan in `state` with `amountPaidCents` paid on it,
    /// in the order the page offers them.
    public static func available(role: String, state: String, amountPaidCents: Int64) -> [PlanDecision] {
        guard let state = PlanState(rawValue: state), !state.isFinal else { return [] }
        var decisions: [PlanDecision] = []
        if let level = state.awaitedLevel, levels[role] == level { decisions += [.approve, .return] }
        guard managers.contains(role) else { return decisions }
        if PlanLifecycle.activeStates.contains(state) { decisions.append(.suspend) }
        if state == .suspended { decisions.append(.resume) }
        if state == .approved || state == .inImplementation { decisions.append(.review) }
        // Deleting is refused by the service once any money is paid (the preparer's pay included).
        if amountPaidCents == 0 { decisions.append(.delete) }
        return decisions
    }

    /// Where the plan goes next, as a message key of the confirmation page (`approvals.next_…`).
    /// `hasMunicipality`: a municipal institution's plan passes the municipality; a state
    /// vocational institution's (VPII) goes from the head straight to IKVD.
    public func nextStep(state: String, hasMunicipality: Bool) -> String {
        switch self {
        case .approve:
            switch PlanState(rawValue: state)?.awaitedLevel {
            case .institutionHead?: hasMunicipality ? "approvals.next_municipality" : "approvals.next_ikvd"
            case .municipality?: "approvals.next_ikvd"
            default: "approvals.next_approved"
            }
        case .return: "approvals.next_returned"
        case .suspend: "approvals.next_suspended"
        case .resume: "approvals.next_resumed"
        case .review: "approvals.next_review"
        case .delete: "approvals.next_deleted"
        }
    }
}

/// What an emergency period does to one plan's life (seed 004, DOMAIN.md §9a).
///
/// Why a pause and not ``PlanCommand/suspend(reason:)``: the seed says the plans' implementation
/// "uz laiku tika apturēta" (was paused for a while) and, in the same breath, that consultations
/// "tiek sniegtas attālināti" (are given remotely) and that meals delivered home and the
/// placement students' support are paid. A suspended plan (*Apturēts*) records nothing and pays
/// nothing, and its resume goes back through approval at every level; 11,000 plans approved
/// again at three levels is not what happened in 2020. So an emergency leaves the lifecycle state
/// as it is and lays a pause over every live plan in scope: while it lasts only remote
/// consultations are recorded and only the seed's exceptions are paid; when it ends the plans
/// carry on where they were. A plan the preparer or head suspends individually stays suspended.
public enum EmergencyPause {
    /// What declaring an emergency did to one plan.
    public enum Outcome: String, Codable, Sendable, CaseIterable, Hashable {
        /// The plan was live and is now paused.
        case paused
        /// The plan was already suspended (individually); the emergency changes nothing.
        case alreadySuspended = "already_suspended"
        /// The plan is not live (draft, returned, rejected, reported, closed or deleted).
        case notLive = "not_live"
    }

    /// What ending the emergency did to one plan it had paused.
    public enum ResumeOutcome: String, Codable, Sendable, CaseIterable, Hashable {
        /// The plan carries on in the state it is in.
        case resumed
        /// The plan was suspended individually meanwhile and stays suspended.
        case staysSuspended = "stays_suspended"
        /// The plan ended meanwhile (reported, closed, deleted, returned): nothing to resume.
        case notLive = "not_live"
    }

    /// The outcome of pausing a plan in `state`.
    public static func pause(_ state: PlanState) -> Outcome {
        if state == .suspended { return .alreadySuspended }
        return PlanLifecycle.activeStates.contains(state) ? .paused : .notLive
    }

    /// The outcome of resuming a plan the emergency had paused and that is now in `state`.
    public static func resume(_ state: PlanState) -> ResumeOutcome {
        if state == .suspended { return .staysSuspended }
        return PlanLifecycle.activeStates.contains(state) ? .resumed : .notLive
    }
}

import Foundation

/// How a risk came out at semester end, as the implementation report says it (the free text
/// stays in the reporting service: messages carry codes only).
public struct RiskOutcomePayload: Codable, Sendable, Hashable {
    /// Risk code, e.g. `L02`.
    public var riskCode: String
    /// `reduced`, `unchanged` or `worse`.
    public var outcome: String
    /// Creates an outcome.
    public init(riskCode: String, outcome: String) { self.riskCode = riskCode; self.outcome = outcome }
}

/// The preparer submitted the plan's implementation report: approval moves the plan to
/// `reported` (and publishes `plan.reported`).
public struct ReportSubmitted: DomainEvent {
    public static let eventType: EventType = "report.submitted"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// The preparer.
    public var submittedBy: ActorPayload
    /// Each risk's outcome.
    public var outcomes: [RiskOutcomePayload]
    /// Creates the event.
    public init(plan: PlanReference, submittedBy: ActorPayload, outcomes: [RiskOutcomePayload]) {
        self.plan = plan; self.submittedBy = submittedBy; self.outcomes = outcomes
    }
}

/// The institution head confirmed the implementation report: approval closes the plan (and
/// publishes `plan.closed`).
public struct ReportConfirmed: DomainEvent {
    public static let eventType: EventType = "report.confirmed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// The head.
    public var confirmedBy: ActorPayload
    /// Creates the event.
    public init(plan: PlanReference, confirmedBy: ActorPayload) { self.plan = plan; self.confirmedBy = confirmedBy }
}

/// The plan's semester report was accepted: the plan is `reported`.
public struct PlanReported: DomainEvent {
    public static let eventType: EventType = "plan.reported"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details (the actor is the preparer who submitted the report).
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

/// The head confirmed the report: the plan is `closed` (final).
public struct PlanClosed: DomainEvent {
    public static let eventType: EventType = "plan.closed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details (the actor is the head who confirmed the report).
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

import Foundation

/// A plan is waiting at an approval level for someone to act.
public struct ApprovalAwaiting: DomainEvent {
    public static let eventType: EventType = "approval.awaiting"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Level: `institution_head`, `municipality`, `ikvd`.
    public var level: String
    /// Scope whose approvers may act (institution, municipality id; nil = national).
    public var scopeId: UUID?
    /// Creates the event.
    public init(plan: PlanReference, level: String, scopeId: UUID?) { self.plan = plan; self.level = level; self.scopeId = scopeId }
}

/// A step waited longer than the reminder threshold (`escalation` = the later threshold).
public struct ApprovalOverdue: DomainEvent {
    public static let eventType: EventType = "approval.overdue"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Level waiting.
    public var level: String
    /// Days waited.
    public var daysWaiting: Int
    /// `reminder` or `escalation`.
    public var stage: String
    /// Creates the event.
    public init(plan: PlanReference, level: String, daysWaiting: Int, stage: String) {
        self.plan = plan; self.level = level; self.daysWaiting = daysWaiting; self.stage = stage
    }
}

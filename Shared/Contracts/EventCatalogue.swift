/// Every event type of the pipeline with its current schema version, producer and consumers:
/// the one place to read who talks to whom.
public enum EventCatalogue {
    /// One catalogue row.
    public struct Entry: Sendable, Hashable {
        /// Event type (routing key).
        public var type: EventType
        /// Current version.
        public var version: SchemaVersion
        /// Producing service.
        public var producer: String
        /// Consuming services.
        public var consumers: [String]
    }

    /// All events.
    public static let entries: [Entry] = [
        entry(PlanSubmitted.self, "intake", ["risk-validation"]),
        entry(PlanValidated.self, "risk-validation", ["intake", "approval-routing", "notifications"]),
        entry(PlanValidationFailed.self, "risk-validation", ["intake", "notifications"]),
        entry(PlanApprovalStepCompleted.self, "approval-routing", ["intake", "notifications"]),
        entry(PlanApproved.self, "approval-routing", ["intake", "timesheets", "payouts", "notifications"]),
        entry(PlanImplementationMayStart.self, "approval-routing", ["timesheets", "payouts"]),
        entry(PlanReturned.self, "approval-routing", ["intake", "notifications"]),
        entry(PlanSuspended.self, "approval-routing", ["intake", "timesheets", "payouts"]),
        entry(PlanResumed.self, "approval-routing", ["intake", "timesheets", "payouts"]),
        entry(PlanDeleted.self, "approval-routing", ["intake", "payouts"]),
        entry(PlanConsentChanged.self, "intake", ["approval-routing", "payouts"]),
        entry(ApprovalAwaiting.self, "approval-routing", ["notifications"]),
        entry(ApprovalOverdue.self, "approval-routing", ["notifications"]),
        entry(InstitutionRegistered.self, "intake", ["risk-validation", "approval-routing", "timesheets", "payouts", "notifications"]),
        entry(MunicipalityRegistered.self, "intake", ["approval-routing", "notifications"]),
        entry(PersonRegistered.self, "intake", ["approval-routing", "notifications"]),
        entry(RoleAssigned.self, "intake", ["approval-routing", "timesheets", "notifications"]),
        entry(RoleRevoked.self, "intake", ["approval-routing", "timesheets", "notifications"]),
        entry(WorkLogSubmitted.self, "timesheets", ["notifications"]),
        entry(WorkLogApproved.self, "timesheets", ["payouts"]),
        entry(WorkLogReturned.self, "timesheets", ["notifications"]),
        entry(PayoutReleased.self, "payouts", ["finance"]),
        entry(PayoutVoided.self, "payouts", ["finance"]),
        entry(PlanPaymentRecorded.self, "payouts", ["approval-routing"]),
        entry(PayoutBatchReady.self, "payouts", ["notifications"]),
        entry(NotificationDelivered.self, "notifications", []),
    ]

    /// The catalogue row for a type.
    public static func entry(for type: EventType) -> Entry? { entries.first { $0.type == type } }

    private static func entry<E: DomainEvent>(_: E.Type, _ producer: String, _ consumers: [String]) -> Entry {
        Entry(type: E.eventType, version: E.schemaVersion, producer: producer, consumers: consumers)
    }
}

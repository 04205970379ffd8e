/// Every event type of the pipeline with its current schema version, producer and consumers:
/// the one place to read who talks to whom.
///
/// Parties are named by service name (`PlatformServices` in ServiceKit: the schema, role, queue
/// prefix and envelope `producer`), not by executable, plus `finance`, an outside consumer.
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
        entry(PlanSubmitted.self, "intake", ["approval", "notifications", "payouts"]),
        entry(PlanContentSubmitted.self, "intake", ["risk_validation", "reporting"]),
        entry(PlanValidated.self, "risk_validation", ["intake", "approval", "reporting"]),
        entry(PlanValidationFailed.self, "risk_validation", ["intake", "approval", "notifications", "reporting"]),
        entry(PlanApprovalStepCompleted.self, "approval", ["intake", "reporting"]),
        entry(PlanApproved.self, "approval", ["intake", "timesheets", "payouts", "notifications", "reporting"]),
        entry(PlanImplementationMayStart.self, "approval", ["intake", "timesheets", "payouts"]),
        entry(PlanImplementationStarted.self, "approval", ["intake", "reporting"]),
        entry(PlanSupportDelivered.self, "timesheets", ["approval"]),
        entry(PlanReturned.self, "approval", ["intake", "notifications", "reporting"]),
        entry(PlanSuspended.self, "approval", ["intake", "timesheets", "payouts", "reporting"]),
        entry(PlanResumed.self, "approval", ["intake", "timesheets", "payouts", "reporting"]),
        entry(PlanReviewRequested.self, "approval", ["intake", "notifications", "reporting"]),
        entry(PlanDeleted.self, "approval", ["intake", "risk_validation", "timesheets", "payouts", "reporting"]),
        entry(PlanConsentChanged.self, "intake", ["approval", "payouts"]),
        entry(ApprovalAwaiting.self, "approval", ["notifications"]),
        entry(ApprovalOverdue.self, "approval", ["notifications"]),
        entry(InstitutionRegistered.self, "intake", ["risk_validation", "approval", "timesheets", "payouts", "notifications", "reporting"]),
        entry(MunicipalityRegistered.self, "intake", ["risk_validation", "approval", "timesheets", "payouts", "notifications", "reporting"]),
        entry(PersonRegistered.self, "intake", ["approval", "timesheets", "payouts", "notifications", "reporting"]),
        entry(RoleAssigned.self, "intake", ["approval", "timesheets", "payouts", "notifications", "reporting"]),
        entry(RoleRevoked.self, "intake", ["approval", "timesheets", "payouts", "notifications", "reporting"]),
        entry(WorkLogSubmitted.self, "timesheets", ["notifications"]),
        entry(WorkLogApproved.self, "timesheets", ["payouts", "reporting"]),
        entry(WorkLogReturned.self, "timesheets", ["notifications"]),
        entry(PayoutReleased.self, "payouts", ["finance", "reporting"]),
        entry(PayoutVoided.self, "payouts", ["finance"]),
        entry(PayoutReversed.self, "payouts", ["finance", "reporting"]),
        entry(PlanPaymentRecorded.self, "payouts", ["approval"]),
        entry(PayoutBatchReady.self, "payouts", ["notifications"]),
        entry(StaffPayeeChanged.self, "payouts", ["notifications"]),
        entry(YouthProjectPaymentReleased.self, "payouts", ["finance"]),
        entry(NotificationDelivered.self, "notifications", []),
        entry(ReportSubmitted.self, "reporting", ["approval"]),
        entry(ReportConfirmed.self, "reporting", ["approval"]),
        entry(PlanReported.self, "approval", ["intake", "reporting"]),
        entry(PlanClosed.self, "approval", ["intake", "reporting"]),
        entry(EmergencyDeclared.self, "approval", ["timesheets", "payouts", "reporting"]),
        entry(EmergencyEnded.self, "approval", ["timesheets", "payouts", "reporting"]),
    ]

    /// The catalogue row for a type.
    public static func entry(for type: EventType) -> Entry? { entries.first { $0.type == type } }

    private static func entry<E: DomainEvent>(_: E.Type, _ producer: String, _ consumers: [String]) -> Entry {
        Entry(type: E.eventType, version: E.schemaVersion, producer: producer, consumers: consumers)
    }
}

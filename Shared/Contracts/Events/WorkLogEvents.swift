import Foundation

/// Hours one person delivered on one plan's measure in a month.
public struct WorkLogLine: Codable, Sendable, Hashable {
    /// The plan.
    public var plan: PlanReference
    /// The measure (consultations); nil for a preparer's own work on the plan (preparing,
    /// supervising, reporting), which belongs to no measure. Optional since 1.1.
    public var measureId: UUID?
    /// Role paid: `specialist` or `preparer`.
    public var role: String
    /// Provider type for specialists.
    public var providerType: String?
    /// Minutes delivered.
    public var minutes: Int
    /// How many sessions (timesheet entries) the minutes are: the programme counts consultations,
    /// not only hours (seed 001). Since 1.2; nil from an older producer.
    public var sessions: Int?
    /// The line's sessions that named a subject, per subject (normalised: `matemātika`). Since 1.2;
    /// nil from an older producer.
    public var subjects: [WorkLogSubjectSessions]?
    /// The hourly rate in cents of the staff contract the work was recorded under: the pay rate
    /// (issue #19 item 5). Since 1.2; absent for work recorded before contracts existed.
    public var hourlyRateCents: Int64?
    /// Creates a line.
    public init(plan: PlanReference, measureId: UUID?, role: String, providerType: String?, minutes: Int,
                sessions: Int? = nil, subjects: [WorkLogSubjectSessions]? = nil, hourlyRateCents: Int64? = nil) {
        self.plan = plan; self.measureId = measureId; self.role = role; self.providerType = providerType; self.minutes = minutes
        self.sessions = sessions; self.subjects = subjects; self.hourlyRateCents = hourlyRateCents
    }
}

/// The sessions of a work-log line that named one subject (subject consultations). Since 1.2.
public struct WorkLogSubjectSessions: Codable, Sendable, Hashable {
    /// The subject, normalised (trimmed, lower case; never text holding a personal code).
    public var subject: String
    /// Sessions (timesheet entries) on it.
    public var sessions: Int
    /// Their minutes.
    public var minutes: Int
    /// Creates the figures of one subject.
    public init(subject: String, sessions: Int, minutes: Int) {
        self.subject = subject; self.sessions = sessions; self.minutes = minutes
    }
}

/// A person submitted a month's work record for approval.
public struct WorkLogSubmitted: DomainEvent {
    public static let eventType: EventType = "worklog.submitted"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Work record id.
    public var workLogId: UUID
    /// Person.
    public var personId: UUID
    /// Institution.
    public var institutionId: UUID
    /// Month, `2025-03`.
    public var month: String
    /// Creates the event.
    public init(workLogId: UUID, personId: UUID, institutionId: UUID, month: String) {
        self.workLogId = workLogId; self.personId = personId; self.institutionId = institutionId; self.month = month
    }
}

/// The institution coordinator approved a month's work record: staff pay follows.
public struct WorkLogApproved: DomainEvent {
    public static let eventType: EventType = "worklog.approved"
    /// 1.1: `WorkLogLine.measureId` may be null (a preparer's line). 1.2 (additive): each line's
    /// `sessions` and its sessions per `subjects`, for reporting's consultation counts, and the
    /// staff contract's `hourlyRateCents` (a line per rate when a contract changed within the month).
    public static let schemaVersion = SchemaVersion(1, 2)
    /// Work record id.
    public var workLogId: UUID
    /// Person paid.
    public var personId: UUID
    /// Institution.
    public var institutionId: UUID
    /// Month, `2025-03`.
    public var month: String
    /// Hours per plan and role.
    public var lines: [WorkLogLine]
    /// Approver.
    public var approvedBy: ActorPayload
    /// Creates the event.
    public init(workLogId: UUID, personId: UUID, institutionId: UUID, month: String, lines: [WorkLogLine], approvedBy: ActorPayload) {
        self.workLogId = workLogId; self.personId = personId; self.institutionId = institutionId
        self.month = month; self.lines = lines; self.approvedBy = approvedBy
    }
}

/// The coordinator returned a month's work record (comment mandatory).
public struct WorkLogReturned: DomainEvent {
    public static let eventType: EventType = "worklog.returned"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Work record id.
    public var workLogId: UUID
    /// Person.
    public var personId: UUID
    /// Month.
    public var month: String
    /// Why.
    public var comment: String
    /// Creates the event.
    public init(workLogId: UUID, personId: UUID, month: String, comment: String) {
        self.workLogId = workLogId; self.personId = personId; self.month = month; self.comment = comment
    }
}

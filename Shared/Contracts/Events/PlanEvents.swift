import Foundation

/// A planned support measure as other services need it (timesheets, payouts, reporting).
public struct PlannedMeasurePayload: Codable, Sendable, Hashable {
    /// Measure id within the plan.
    public var measureId: UUID
    /// Measure type code, e.g. `consultation`, `meals`.
    public var type: String
    /// Provider types for consultations.
    public var providers: [String]
    /// Planned minutes for the semester (consultations).
    public var plannedMinutes: Int?
    /// Planned amount per month in cents (monthly compensations).
    public var monthlyAmountCents: Int64?
    /// Planned amount per semester in cents (per-semester compensations).
    public var semesterAmountCents: Int64?
    /// Risk codes the measure addresses.
    public var riskCodes: [String]

    /// Creates a measure payload.
    public init(measureId: UUID, type: String, providers: [String] = [], plannedMinutes: Int? = nil,
                monthlyAmountCents: Int64? = nil, semesterAmountCents: Int64? = nil, riskCodes: [String] = []) {
        self.measureId = measureId
        self.type = type
        self.providers = providers
        self.plannedMinutes = plannedMinutes
        self.monthlyAmountCents = monthlyAmountCents
        self.semesterAmountCents = semesterAmountCents
        self.riskCodes = riskCodes
    }
}

/// A preparer submitted a plan for validation and approval: the reference, the submitter, the
/// risk codes and the measures, which is all approval and notifications need. The plan's text and
/// the validation context go only to the services that read them, in `plan.content_submitted`.
public struct PlanSubmitted: DomainEvent {
    public static let eventType: EventType = "plan.submitted"
    /// 1.1 added `context`. 2.0 dropped `content` and `context` (issue #17 item 8): they moved to
    /// `plan.content_submitted`, so the plan's free text and the student's age reach only risk
    /// validation and reporting. A major version because 1.x consumers relied on both. 2.1:
    /// `gradeOrCourse` (the seed 004 emergency exceptions depend on it in payouts).
    public static let schemaVersion = SchemaVersion(2, 1)
    /// The plan.
    public var plan: PlanReference
    /// Who submitted.
    public var submittedBy: ActorPayload
    /// Risk codes identified.
    public var riskCodes: [String]
    /// Measures planned.
    public var measures: [PlannedMeasurePayload]
    /// The student's grade (general) or course (vocational) on the card. Absent before 2.1.
    public var gradeOrCourse: Int?
    /// Creates the event.
    public init(plan: PlanReference, submittedBy: ActorPayload, riskCodes: [String], measures: [PlannedMeasurePayload],
                gradeOrCourse: Int? = nil) {
        self.plan = plan; self.submittedBy = submittedBy; self.riskCodes = riskCodes; self.measures = measures
        self.gradeOrCourse = gradeOrCourse
    }
}

/// The same submission with what validation and statistics read: the plan's content and intake's
/// validation context. Intake writes it in the same transaction as `plan.submitted`; only risk
/// validation and reporting consume it (issue #17 item 8: data goes no further than it must).
public struct PlanContentSubmitted: DomainEvent {
    public static let eventType: EventType = "plan.content_submitted"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Who submitted.
    public var submittedBy: ActorPayload
    /// The plan's content as the rules library's JSON (no personal code, no name).
    public var content: [UInt8]?
    /// What intake knew when the plan was submitted, as the rules library's `ValidationContext`
    /// JSON: institution profile, the student's age at the semester's start (never the birth date,
    /// never the personal code), document kinds on file, consent, other-ESF declarations, the
    /// student's other plans.
    public var context: [UInt8]?
    /// Risk codes identified.
    public var riskCodes: [String]
    /// Measures planned.
    public var measures: [PlannedMeasurePayload]
    /// Creates the event.
    public init(plan: PlanReference, submittedBy: ActorPayload, content: [UInt8]? = nil, context: [UInt8]? = nil,
                riskCodes: [String], measures: [PlannedMeasurePayload]) {
        self.plan = plan; self.submittedBy = submittedBy; self.content = content; self.context = context
        self.riskCodes = riskCodes; self.measures = measures
    }

    /// The announcement without the content and context, for everyone else.
    public var announcement: PlanSubmitted {
        PlanSubmitted(plan: plan, submittedBy: submittedBy, riskCodes: riskCodes, measures: measures)
    }
}

/// Validation passed (possibly with warnings shown to approvers).
public struct PlanValidated: DomainEvent {
    public static let eventType: EventType = "plan.validated"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Warnings.
    public var warnings: [FindingPayload]
    /// Creates the event.
    public init(plan: PlanReference, warnings: [FindingPayload]) { self.plan = plan; self.warnings = warnings }
}

/// Validation failed: the plan goes back to the preparer with the findings.
public struct PlanValidationFailed: DomainEvent {
    public static let eventType: EventType = "plan.validation_failed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Errors and warnings.
    public var findings: [FindingPayload]
    /// Creates the event.
    public init(plan: PlanReference, findings: [FindingPayload]) { self.plan = plan; self.findings = findings }
}

/// One approval step was decided (approved) and the plan moves to the next level.
public struct PlanApprovalStepCompleted: DomainEvent {
    public static let eventType: EventType = "plan.approval_step_completed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Level decided: `institution_head`, `municipality`, `ikvd`.
    public var level: String
    /// Next level awaiting, nil when this was the last.
    public var nextLevel: String?
    /// Decider.
    public var decidedBy: ActorPayload
    /// Optional comment.
    public var comment: String?
    /// Creates the event.
    public init(plan: PlanReference, level: String, nextLevel: String?, decidedBy: ActorPayload, comment: String? = nil) {
        self.plan = plan; self.level = level; self.nextLevel = nextLevel; self.decidedBy = decidedBy; self.comment = comment
    }
}

/// Every level approved: the plan is `approved` (payouts may be released).
public struct PlanApproved: DomainEvent {
    public static let eventType: EventType = "plan.approved"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Final approver.
    public var approvedBy: ActorPayload
    /// Approved measures.
    public var measures: [PlannedMeasurePayload]
    /// Creates the event.
    public init(plan: PlanReference, approvedBy: ActorPayload, measures: [PlannedMeasurePayload]) {
        self.plan = plan; self.approvedBy = approvedBy; self.measures = measures
    }
}

/// Implementation may start: the head approved and consent is on file (work may be recorded).
public struct PlanImplementationMayStart: DomainEvent {
    public static let eventType: EventType = "plan.implementation_may_start"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// Measures that may be delivered.
    public var measures: [PlannedMeasurePayload]
    /// Creates the event.
    public init(plan: PlanReference, measures: [PlannedMeasurePayload]) { self.plan = plan; self.measures = measures }
}

/// The plan entered implementation (*Īstenošanā*): it is approved, consent is on file and the
/// first support was delivered (a consultation recorded or a compensation paid).
public struct PlanImplementationStarted: DomainEvent {
    public static let eventType: EventType = "plan.implementation_started"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details (the actor is the platform; `reason` says what started it: `consultation` or `payout`).
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

/// The first consultation on a plan was recorded (timesheets, once per plan): support delivery
/// has begun, which moves an approved plan with consent on file into implementation.
public struct PlanSupportDelivered: DomainEvent {
    public static let eventType: EventType = "plan.support_delivered"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The plan.
    public var plan: PlanReference
    /// The day of the first delivery (`YYYY-MM-DD`).
    public var deliveredOn: String
    /// Creates the event.
    public init(plan: PlanReference, deliveredOn: String) { self.plan = plan; self.deliveredOn = deliveredOn }
}

/// A lifecycle change with a mandatory reason or comment: returned, suspended, resumed,
/// review requested, deleted (one payload shape, distinguished by type).
public struct PlanLifecycleChange: Codable, Sendable, Hashable {
    /// The plan.
    public var plan: PlanReference
    /// Who acted.
    public var actor: ActorPayload
    /// Comment or reason (mandatory for return and suspend).
    public var reason: String?
    /// Creates the payload.
    public init(plan: PlanReference, actor: ActorPayload, reason: String?) { self.plan = plan; self.actor = actor; self.reason = reason }
}

/// Returned for revision by an approver (comment mandatory).
public struct PlanReturned: DomainEvent {
    public static let eventType: EventType = "plan.returned"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var change: PlanLifecycleChange
    /// Level that returned it.
    public var level: String
    /// Creates the event.
    public init(change: PlanLifecycleChange, level: String) { self.change = change; self.level = level }
}

/// Suspended (reason mandatory); unreleased payouts are voided.
public struct PlanSuspended: DomainEvent {
    public static let eventType: EventType = "plan.suspended"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

/// Resumed within the semester; approval runs again.
public struct PlanResumed: DomainEvent {
    public static let eventType: EventType = "plan.resumed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

/// A review of an approved plan was requested: it goes back to the preparer, and after the
/// change is submitted, approval is repeated at every level.
public struct PlanReviewRequested: DomainEvent {
    public static let eventType: EventType = "plan.review_requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

/// Deleted (made inactive) while nothing was paid; nothing is erased.
public struct PlanDeleted: DomainEvent {
    public static let eventType: EventType = "plan.deleted"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var change: PlanLifecycleChange
    /// Creates the event.
    public init(change: PlanLifecycleChange) { self.change = change }
}

/// Consent recorded or revoked for a plan (revocation suspends it and stops payouts).
public struct PlanConsentChanged: DomainEvent {
    public static let eventType: EventType = "plan.consent_changed"
    /// 1.1: `change`, so that a consumer can tell a late redelivery from the latest change.
    public static let schemaVersion = SchemaVersion(1, 1)
    /// The plan.
    public var plan: PlanReference
    /// True when consent is on file, false when revoked.
    public var onFile: Bool
    /// `parent_or_guardian` or `student` (an adult student signing their own).
    public var signedBy: String
    /// The plan's consent changes so far, this one included (1 = first recorded, 2 = revoked,
    /// 3 = recorded again, …). A consumer keeps the highest it has seen and does not let an older
    /// change, redelivered late, overwrite a newer one. Absent in 1.0 events.
    public var change: Int?
    /// Creates the event.
    public init(plan: PlanReference, onFile: Bool, signedBy: String, change: Int? = nil) {
        self.plan = plan
        self.onFile = onFile
        self.signedBy = signedBy
        self.change = change
    }
}

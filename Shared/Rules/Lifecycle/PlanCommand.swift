/// What someone asks the plan to do.
public enum PlanCommand: Codable, Sendable, Hashable {
    /// The preparer sends the plan (consent may still be pending: it gates implementation).
    case submit
    /// Validation found no errors.
    case validationPassed
    /// Validation found errors; the rule ids or messages go back to the preparer.
    case validationFailed(reasons: [String])
    /// The plan goes to the institution head.
    case forwardForApproval
    /// An approver approves at their level.
    case approve(ApprovalLevel)
    /// An approver returns the plan with a mandatory comment.
    case returnForRevision(comment: String)
    /// The preparer or head suspends the plan with a mandatory reason.
    case suspend(reason: String)
    /// The consent was revoked: the plan is suspended and unreleased payouts stop.
    case consentRevoked
    /// The plan resumes (same semester only) and goes through approval again.
    case resume
    /// A change to an approved plan starts (approval is repeated at every level).
    case requestReview
    /// The plan is deleted (only while nothing was paid on it, preparer's pay included).
    case delete
    /// Support delivery starts.
    case startImplementation
    /// The semester report is written.
    case report
    /// The plan is closed.
    case close

    /// The command's stable name, e.g. `return_for_revision`.
    public var name: String {
        switch self {
        case .submit: "submit"
        case .validationPassed: "validation_passed"
        case .validationFailed: "validation_failed"
        case .forwardForApproval: "forward_for_approval"
        case .approve(let level): "approve_\(level.rawValue)"
        case .returnForRevision: "return_for_revision"
        case .suspend: "suspend"
        case .consentRevoked: "consent_revoked"
        case .resume: "resume"
        case .requestReview: "request_review"
        case .delete: "delete"
        case .startImplementation: "start_implementation"
        case .report: "report"
        case .close: "close"
        }
    }

    /// The roles allowed to issue the command. For approvals and returns the role must also
    /// match the awaited level (checked by the state machine).
    public var allowedActors: Set<ActorRole> {
        switch self {
        case .submit: [.preparer, .institutionCoordinator]
        case .validationPassed, .validationFailed: [.system]
        case .forwardForApproval: [.system, .preparer, .institutionCoordinator]
        case .approve(let level): [level.approver]
        case .returnForRevision: [.institutionHead, .municipalityCoordinator, .ikvdExpert]
        case .suspend, .resume, .delete: [.preparer, .institutionHead]
        case .consentRevoked: [.system, .preparer, .institutionCoordinator, .institutionHead]
        case .requestReview: [.preparer, .institutionHead]
        case .startImplementation: [.system, .preparer, .institutionCoordinator, .institutionHead]
        case .report: [.preparer]
        case .close: [.institutionCoordinator, .institutionHead, .ikvdExpert]
        }
    }
}

/// What the state machine needs to know besides the state and the command.
public struct LifecycleContext: Codable, Sendable, Hashable {
    /// The institution's category; decides the approval route (``ApprovalLevel/route(for:)``).
    public var institution: InstitutionCategory
    /// Who issues the command.
    public var actor: ActorRole
    /// Today (the module never reads the clock).
    public var today: CalendarDate
    /// The last day of the plan's semester (resume only within it).
    public var semesterEnd: CalendarDate
    /// Whether a valid, unrevoked consent is on file.
    public var consentOnFile: Bool
    /// Everything paid on the plan so far, preparer's pay included.
    public var amountPaid: Cents

    /// Creates a context.
    public init(institution: InstitutionCategory, actor: ActorRole, today: CalendarDate, semesterEnd: CalendarDate,
                consentOnFile: Bool, amountPaid: Cents = .zero) {
        self.institution = institution
        self.actor = actor
        self.today = today
        self.semesterEnd = semesterEnd
        self.consentOnFile = consentOnFile
        self.amountPaid = amountPaid
    }
}

/// A domain event a transition emits (the services publish them as `plan.*` messages).
public enum PlanEvent: Codable, Sendable, Hashable {
    /// `plan.submitted`.
    case submitted
    /// `plan.validated`.
    case validated
    /// `plan.rejected_by_validation`, with the reasons.
    case rejectedByValidation(reasons: [String])
    /// `plan.approval_requested`: the plan now waits for this level.
    case approvalRequested(ApprovalLevel)
    /// `plan.approval_step_completed`.
    case approvalStepCompleted(ApprovalLevel)
    /// `plan.implementation_allowed`: the head approved and consent is on file.
    case implementationAllowed
    /// `plan.approved`: every level approved; payouts may be released.
    case approved
    /// `plan.returned`, by the level, with the comment.
    case returned(by: ApprovalLevel, comment: String)
    /// `plan.suspended`, with the reason.
    case suspended(reason: String)
    /// `plan.consent_revoked`: stop payouts not yet released.
    case consentRevoked
    /// `plan.resumed`.
    case resumed
    /// `plan.review_requested`.
    case reviewRequested
    /// `plan.deleted`.
    case deleted
    /// `plan.implementation_started`.
    case implementationStarted
    /// `plan.reported`.
    case reported
    /// `plan.closed`.
    case closed
}

/// The result of an allowed command.
public struct Transition: Sendable, Hashable {
    /// The state before.
    public var from: PlanState
    /// The state after.
    public var to: PlanState
    /// The events to publish, in order.
    public var events: [PlanEvent]
}

/// Why a command was refused: a stable reason code and a bilingual explanation.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reasons a command can be refused.
    public enum Reason: String, Codable, Sendable, CaseIterable, Hashable {
        /// The plan is closed or deleted.
        case finalState = "final_state"
        /// The command does not apply in the current state.
        case notAllowedInState = "not_allowed_in_state"
        /// The actor's role may not issue the command (or not at this approval level).
        case wrongActor = "wrong_actor"
        /// The approval is for a level the plan is not waiting for.
        case wrongApprovalLevel = "wrong_approval_level"
        /// State institutions (VPII) have no municipality step.
        case noMunicipalityStep = "no_municipality_step"
        /// Returning needs a comment.
        case commentRequired = "comment_required"
        /// Suspending needs a reason.
        case reasonRequired = "reason_required"
        /// No consent on file.
        case consentMissing = "consent_missing"
        /// Resume only within the plan's semester.
        case semesterEnded = "semester_ended"
        /// Money was paid on the plan, so it cannot be deleted.
        case moneyPaid = "money_paid"
    }

    /// The reason code.
    public var reason: Reason
    /// What happened and what to do.
    public var message: LocalizedText

    /// Creates a refusal.
    public init(_ reason: Reason, lv: String, en: String) {
        self.reason = reason
        self.message = LocalizedText(lv: lv, en: en)
    }

    /// `reason: English message`.
    public var description: String { "\(reason.rawValue): \(message.en)" }
}

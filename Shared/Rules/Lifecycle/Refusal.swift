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

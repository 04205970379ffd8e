/// What becomes of a payout that is not yet released (DOMAIN.md §3, §7): held until the plan is
/// fully approved, its consent is on file (consent gates implementation, seed 000 item 8) and
/// the payee's bank details are known (and, after a staff member's account
/// changed, until the waiting period is over), then released; revoked consent or a
/// deleted plan void it. A suspended plan holds it ("held, not lost": the work was done or the
/// expense made while the plan was live; it is released if the plan is resumed and approved
/// again, voided if consent is revoked or the plan deleted). Released money is never touched by
/// this policy: only a finance correction (a reversing ledger entry) undoes it.
public enum ReleasePolicy {
    /// What payouts knows about a plan, from approval's and intake's events.
    public struct PlanFacts: Sendable, Hashable {
        public var fullyApproved: Bool
        public var suspended: Bool
        public var deleted: Bool
        public var consent: ConsentStanding

        public init(fullyApproved: Bool, suspended: Bool, deleted: Bool, consent: ConsentStanding) {
            self.fullyApproved = fullyApproved
            self.suspended = suspended
            self.deleted = deleted
            self.consent = consent
        }
    }

    /// The plan's consent as intake's events told it.
    public enum ConsentStanding: String, Sendable, Hashable, Codable {
        /// Never recorded yet: payouts wait for it.
        case pending
        /// On file.
        case onFile = "on_file"
        /// Recorded, then revoked: unreleased payouts are voided.
        case revoked

        /// From the latest change seen: `onFile`, and how many changes there were (0 = none).
        public init(onFile: Bool, changes: Int) {
            self = onFile ? .onFile : (changes > 0 ? .revoked : .pending)
        }
    }

    /// The decision for one unreleased payout.
    public enum Outcome: Sendable, Hashable {
        case release
        case hold(HoldReason)
        case void(VoidReason)
    }

    /// Why a payout waits.
    public enum HoldReason: String, Sendable, Hashable, Codable {
        case planNotApproved = "plan_not_approved"
        case planSuspended = "plan_suspended"
        case payeeDetailsMissing = "payee_details_missing"
        /// The staff member's bank account changed less than the waiting period ago (`PayeeChangeWait`).
        case payeeChangeWaiting = "payee_change_waiting"
        /// The signed consent is not on file yet.
        case consentPending = "consent_pending"
    }

    /// Why a payout will never be paid.
    public enum VoidReason: String, Sendable, Hashable, Codable {
        case planDeleted = "plan_deleted"
        case consentRevoked = "consent_revoked"
        /// No longer decided (a suspension holds now); payouts voided before that keep it.
        case planSuspended = "plan_suspended"
    }

    /// The outcome; voids win over holds, and the plan's state over the payee's details.
    /// `payeeWaitOver` is `PayeeChangeWait.mayRelease` for a staff member's account (always true
    /// for a claimant's account, which nobody but the claiming school writes).
    public static func decide(_ plan: PlanFacts, payeeKnown: Bool, payeeWaitOver: Bool = true) -> Outcome {
        if plan.deleted { return .void(.planDeleted) }
        if plan.consent == .revoked { return .void(.consentRevoked) }
        if plan.suspended { return .hold(.planSuspended) }
        if plan.consent == .pending { return .hold(.consentPending) }
        if !plan.fullyApproved { return .hold(.planNotApproved) }
        if !payeeKnown { return .hold(.payeeDetailsMissing) }
        if !payeeWaitOver { return .hold(.payeeChangeWaiting) }
        return .release
    }
}

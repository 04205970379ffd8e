import Foundation

/// A payout released to finance. Finance must see each exactly once in effect: `payoutId` is
/// stable and `idempotencyKey` is derived from the claim (or plan/role/month for staff pay).
public struct PayoutReleased: DomainEvent {
    public static let eventType: EventType = "payout.released"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Stable payout id.
    public var payoutId: UUID
    /// `claim:<claimId>` or `staff:<planId>:<role>:<personId>:<month>`.
    public var idempotencyKey: String
    /// Amount in euro cents.
    public var amountCents: Int64
    /// Always `EUR`.
    public var currency: String
    /// Period: `2025-03` (month) or `2024/2025-2` (semester).
    public var period: String
    /// The plan's pseudonymous student code.
    public var studentCode: String
    /// Plan id.
    public var planId: UUID
    /// Measure type (or `staff_pay`).
    public var measure: String
    /// Payee reference (an account reference in finance's system; never a personal code).
    public var payeeReference: String
    /// Creates the event.
    public init(payoutId: UUID, idempotencyKey: String, amountCents: Int64, currency: String = "EUR", period: String,
                studentCode: String, planId: UUID, measure: String, payeeReference: String) {
        self.payoutId = payoutId; self.idempotencyKey = idempotencyKey; self.amountCents = amountCents
        self.currency = currency; self.period = period; self.studentCode = studentCode; self.planId = planId
        self.measure = measure; self.payeeReference = payeeReference
    }
}

/// A payout that had not been released was voided (consent revoked, plan suspended or deleted).
public struct PayoutVoided: DomainEvent {
    public static let eventType: EventType = "payout.voided"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Payout id.
    public var payoutId: UUID
    /// Same key as the payout.
    public var idempotencyKey: String
    /// Why.
    public var reason: String
    /// Creates the event.
    public init(payoutId: UUID, idempotencyKey: String, reason: String) {
        self.payoutId = payoutId; self.idempotencyKey = idempotencyKey; self.reason = reason
    }
}

/// Money was paid on a plan (approval routing needs it: a paid plan cannot be deleted, and a
/// compensation paid to the student starts the plan's implementation).
public struct PlanPaymentRecorded: DomainEvent {
    public static let eventType: EventType = "payout.plan_paid"
    /// 1.1: `compensationPaidCents`.
    public static let schemaVersion = SchemaVersion(1, 1)
    /// The plan.
    public var planId: UUID
    /// Total paid so far in cents (staff pay included).
    public var totalPaidCents: Int64
    /// Of that, the student's compensations (everything but staff pay). Absent in 1.0 events.
    public var compensationPaidCents: Int64?
    /// Creates the event.
    public init(planId: UUID, totalPaidCents: Int64, compensationPaidCents: Int64? = nil) {
        self.planId = planId
        self.totalPaidCents = totalPaidCents
        self.compensationPaidCents = compensationPaidCents
    }
}

/// A batch of released payouts is ready for finance's export.
public struct PayoutBatchReady: DomainEvent {
    public static let eventType: EventType = "payout.batch_ready"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Batch id.
    public var batchId: UUID
    /// Period.
    public var period: String
    /// Number of payouts.
    public var count: Int
    /// Control sum in cents.
    public var totalCents: Int64
    /// Creates the event.
    public init(batchId: UUID, period: String, count: Int, totalCents: Int64) {
        self.batchId = batchId; self.period = period; self.count = count; self.totalCents = totalCents
    }
}

/// Finance corrected a released payout: the ledger holds a reversing entry for it. The money
/// is to be recovered or offset in finance's own system; the payout is never paid again.
public struct PayoutReversed: DomainEvent {
    public static let eventType: EventType = "payout.reversed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Payout id.
    public var payoutId: UUID
    /// Same key as the payout.
    public var idempotencyKey: String
    /// The reversed amount in cents (positive; the ledger entry is its negative).
    public var amountCents: Int64
    /// Why.
    public var reason: String
    /// Creates the event.
    public init(payoutId: UUID, idempotencyKey: String, amountCents: Int64, reason: String) {
        self.payoutId = payoutId; self.idempotencyKey = idempotencyKey; self.amountCents = amountCents; self.reason = reason
    }
}

/// A staff member's bank account for their pay was registered or changed (by the person, or by
/// finance with a second finance officer's confirmation). Notifications emails the person, so a
/// change they did not make cannot go unnoticed: held pay waits until `payReleasedFrom` before
/// it goes to a changed account. IBANs are masked (`LV** **** **** **** *5001`): a message never
/// carries a full account number.
public struct StaffPayeeChanged: DomainEvent {
    public static let eventType: EventType = "payout.staff_payee_changed"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The person whose account it is (the email's recipient).
    public var personId: UUID
    /// Payee reference of the account.
    public var payeeReference: String
    /// The previous IBAN, masked; nil when the account was registered for the first time.
    public var oldIbanMasked: String?
    /// The new IBAN, masked.
    public var newIbanMasked: String
    /// Who made the change: the person, or the finance officer who proposed it.
    public var changedBy: UUID
    /// `self` (the person) or `finance` (proposed by `changedBy`, confirmed by `confirmedBy`).
    public var changedVia: String
    /// The second finance officer who confirmed a finance change.
    public var confirmedBy: UUID?
    /// When the change took effect.
    public var changedAt: Date
    /// From when held pay may be released to this account; nil: at once.
    public var payReleasedFrom: Date?
    /// Creates the event.
    public init(personId: UUID, payeeReference: String, oldIbanMasked: String?, newIbanMasked: String, changedBy: UUID,
                changedVia: String, confirmedBy: UUID?, changedAt: Date, payReleasedFrom: Date?) {
        self.personId = personId; self.payeeReference = payeeReference; self.oldIbanMasked = oldIbanMasked
        self.newIbanMasked = newIbanMasked; self.changedBy = changedBy; self.changedVia = changedVia
        self.confirmedBy = confirmedBy; self.changedAt = changedAt; self.payReleasedFrom = payReleasedFrom
    }
}

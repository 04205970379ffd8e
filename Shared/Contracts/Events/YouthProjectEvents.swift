import Foundation

/// A payment to an NGO for its youth initiative project (DOMAIN.md §9b) was released to the
/// ledger: finance pays it like any payout and must see it exactly once in effect, by the stable
/// `payoutId` and the `idempotencyKey`. A payout of its own type, not `payout.released`, because
/// it has no plan and no student (`payout.released` 1.x requires both); finance reverses it with
/// the usual `payout.reversed`. It never names a student: the project declares how many of its
/// participants are at risk, not who.
public struct YouthProjectPaymentReleased: DomainEvent {
    public static let eventType: EventType = "payout.youth_project_released"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Stable payout id.
    public var payoutId: UUID
    /// `youth:<applicationId>:<instalment>`.
    public var idempotencyKey: String
    /// Amount in euro cents.
    public var amountCents: Int64
    /// Always `EUR`.
    public var currency: String
    /// The month the payment was released in, `2026-05` (the month's bank batch takes it).
    public var period: String
    /// The partner's competition.
    public var competitionId: UUID
    /// The awarded application (the project).
    public var applicationId: UUID
    /// `advance` or `final`.
    public var instalment: String
    /// `municipality` or `vpii`: who ran the competition.
    public var partnerKind: String
    /// The municipality's id, or the VPII institution's id.
    public var partnerId: UUID
    /// Always `youth_project` (the ledger's measure for these payouts).
    public var measure: String
    /// Payee reference of the NGO's account (the IBAN stays in payouts and the bank file).
    public var payeeReference: String
    /// Creates the event.
    public init(payoutId: UUID, idempotencyKey: String, amountCents: Int64, currency: String = "EUR", period: String,
                competitionId: UUID, applicationId: UUID, instalment: String, partnerKind: String, partnerId: UUID,
                measure: String = "youth_project", payeeReference: String) {
        self.payoutId = payoutId; self.idempotencyKey = idempotencyKey; self.amountCents = amountCents
        self.currency = currency; self.period = period; self.competitionId = competitionId
        self.applicationId = applicationId; self.instalment = instalment; self.partnerKind = partnerKind
        self.partnerId = partnerId; self.measure = measure; self.payeeReference = payeeReference
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Pays an awarded project: an `advance` and a `final` payment, together never above the award.
/// Each is a payout like any other (kind `youth_project`, measure `youth_project`): released at
/// once with the NGO's account snapshotted, a ledger entry, and `payout.youth_project_released`
/// through the outbox in the same commit. Its idempotency key `youth:<applicationId>:<instalment>`
/// makes it exactly once: the same instalment asked again returns the payout already made. The
/// period is the month it is released in, so that month's bank batch takes it.
struct YouthProjectPayments: Sendable {
    /// `POST /payouts/youth/applications/{applicationId}/payments`.
    struct Input: Codable, Sendable {
        var instalment: String
        var amountCents: Int64
    }

    static let instalments = ["advance", "final"]

    /// The payment and whether it was made now (false: the same instalment was paid before).
    func pay(_ applicationId: UUID, _ input: Input, today: CalendarDate, by principal: Principal, outbox: OutboxWriter,
             on connection: PostgresConnection) throws -> (payment: YouthApplicationView.Payment, created: Bool) {
        let partner = try YouthPartner.require(principal)
        guard Self.instalments.contains(input.instalment) else {
            throw CommonProblems.invalidField("instalment", "youth.payment.instalment", lv: "Maksājuma veids: advance (avanss) vai final (noslēguma).",
                                              en: "The instalment: advance or final.")
        }
        guard (1...100_000_000).contains(input.amountCents) else {
            throw CommonProblems.invalidField("amountCents", "youth.payment.amount", lv: "Summa centos: no 1 līdz 100 000 000.",
                                              en: "The amount in cents: from 1 to 100,000,000.")
        }
        // One payment at a time per project (its row), so two requests cannot both fit under the award.
        guard let project = try connection.query("""
            SELECT a.id, a.state, a.awarded_cents, a.payee_reference, a.competition_id, c.partner_kind, c.partner_id
            FROM youth_applications a JOIN youth_competitions c ON c.id = a.competition_id WHERE a.id = $1 FOR UPDATE OF a
            """, [applicationId]).first,
              try project.decode("partner_kind", as: String.self) == partner.kind, try project.decode("partner_id", as: UUID.self) == partner.id else {
            throw CommonProblems.notFound("Pieteikums / Application")
        }
        guard try project.decode("state", as: String.self) == "awarded", let awarded = try project.decode("awarded_cents", as: Int64?.self) else {
            throw CommonProblems.conflict("youth.payment.not_awarded", field: "applicationId", lv: "Maksāt var tikai atbalstītam projektam.",
                                          en: "Only an awarded project is paid.")
        }
        let key = "youth:\(applicationId.uuidString.lowercased()):\(input.instalment)"
        if let existing = try connection.query("SELECT id, amount_cents FROM payouts WHERE idempotency_key = $1", [key]).first {
            guard try existing.decode("amount_cents", as: Int64.self) == input.amountCents else {
                throw CommonProblems.conflict("youth.payment.instalment_taken", field: "instalment",
                                              lv: "Šis maksājums projektam jau veikts ar citu summu.",
                                              en: "This instalment was already paid to the project with another amount.")
            }
            return (try payment(try existing.decode("id"), on: connection), false)
        }
        let paid = try connection.query("""
            SELECT COALESCE(sum(amount_cents), 0)::bigint AS paid,
                   count(*) FILTER (WHERE idempotency_key LIKE '%:final') AS finals
            FROM payouts WHERE youth_project_id = $1 AND state = 'released'
            """, [applicationId]).single()
        let findings = YouthProjectRules.payment(input.amountCents, final: input.instalment == "final", awardedCents: awarded,
                                                 paidCents: try paid.decode("paid"), finalPaid: try paid.decode("finals", as: Int64.self) > 0)
        if findings.hasErrors { throw YouthDecisions.problem(findings) }

        let id = UUID.timeOrdered()
        let period = Self.month(today)
        let reference: String = try project.decode("payee_reference")
        let competitionId: UUID = try project.decode("competition_id")
        let vpii: UUID? = partner.kind == "vpii" ? partner.id : nil
        let municipality: UUID? = partner.kind == "municipality" ? partner.id : nil
        try connection.execute("""
            INSERT INTO payouts (id, idempotency_key, kind, youth_project_id, institution_id, measure, period, amount_cents, capped_cents,
                                 payee_reference, state, released_at, payee_name, payee_iban, payee_bic)
            SELECT $1, $2, 'youth_project', $3, $4, 'youth_project', $5, $6, 0, e.reference, 'released', now(), e.name, e.iban, e.bic
            FROM payees e WHERE e.reference = $7
            """, [id, key, applicationId, vpii, period, input.amountCents, reference])
        try connection.execute("""
            INSERT INTO ledger (payout_id, entry, amount_cents, period, measure, institution_id, municipality_id, youth_project_id)
            VALUES ($1, 'release', $2, $3, 'youth_project', $4, $5, $6)
            """, [id, input.amountCents, period, vpii, municipality, applicationId])
        try outbox.enqueue(YouthProjectPaymentReleased(payoutId: id, idempotencyKey: key, amountCents: input.amountCents, period: period,
                                                       competitionId: competitionId, applicationId: applicationId,
                                                       instalment: input.instalment, partnerKind: partner.kind, partnerId: partner.id,
                                                       payeeReference: reference), on: connection)
        return (try payment(id, on: connection), true)
    }

    private func payment(_ id: UUID, on connection: PostgresConnection) throws -> YouthApplicationView.Payment {
        let row = try connection.query("SELECT * FROM payouts WHERE id = $1", [id]).single()
        let key: String = try row.decode("idempotency_key")
        return YouthApplicationView.Payment(payoutId: id, idempotencyKey: key, instalment: String(key.split(separator: ":").last ?? ""),
                                            amountCents: try row.decode("amount_cents"), period: try row.decode("period"),
                                            state: try row.decode("state"), batchId: try row.decode("batch_id"),
                                            releasedAt: try row.decode("released_at", as: Date?.self).map(Timestamp.format))
    }

    /// `2026-05`: the month's payout period.
    static func month(_ date: CalendarDate) -> String {
        "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// An application as its partner, IKVD and finance read it: the declared facts, the rules'
/// findings, the decision, and the project's payments with where each stands. The NGO's IBAN
/// is shown masked (the full number stays in the payee and the bank file).
struct YouthApplicationView: Codable, Sendable {
    var applicationId: UUID
    var competitionId: UUID
    var partnerKind: String
    var partnerId: UUID
    var receivedOn: String
    var organisation: YouthApplications.Organisation
    var projectTitle: String
    var requestedCents: Int64
    var startsOn: String
    var endsOn: String
    var participantsPlanned: Int
    var atRiskParticipants: Int
    var nonFormalMethods: String
    var planAlignment: String
    var payeeReference: String
    var payeeName: String
    var payeeIbanMasked: String
    var findings: [YouthApplications.FindingView]
    var state: String
    var awardedCents: Int64?
    var decisionReason: String?
    var decidedBy: UUID?
    var decidedAt: String?
    var payments: [Payment]
    var paidCents: Int64
    var currency: String
    var registeredBy: UUID
    var registeredAt: String

    struct Payment: Codable, Sendable {
        var payoutId: UUID
        var idempotencyKey: String
        var instalment: String
        var amountCents: Int64
        var period: String
        var state: String
        var batchId: UUID?
        var releasedAt: String?
    }

    /// The application, or 404 when it does not exist or its partner is not the caller's.
    static func load(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> YouthApplicationView {
        guard let row = try connection.query("""
            SELECT a.*, a.received_on::text AS received, a.starts_on::text AS starts, a.ends_on::text AS ends,
                   c.partner_kind, c.partner_id, e.name AS payee_name, e.iban AS payee_iban
            FROM youth_applications a JOIN youth_competitions c ON c.id = a.competition_id JOIN payees e ON e.reference = a.payee_reference
            WHERE a.id = $1
            """, [id]).first, YouthPartner.mayRead(principal, kind: try row.decode("partner_kind"), id: try row.decode("partner_id")) else {
            throw CommonProblems.notFound("Pieteikums / Application")
        }
        let findings = try JSONDecoder().decode([YouthFinding].self, from: Data(try row.decode("findings", as: String.self).utf8))
        let payments = try connection.query("""
            SELECT id, idempotency_key, amount_cents, period, state, batch_id, released_at FROM payouts
            WHERE youth_project_id = $1 ORDER BY created_at, id
            """, [id]).map { payment in
                let key: String = try payment.decode("idempotency_key")
                return Payment(payoutId: try payment.decode("id"), idempotencyKey: key, instalment: String(key.split(separator: ":").last ?? ""),
                               amountCents: try payment.decode("amount_cents"), period: try payment.decode("period"),
                               state: try payment.decode("state"), batchId: try payment.decode("batch_id"),
                               releasedAt: try payment.decode("released_at", as: Date?.self).map(Timestamp.format))
            }
        return YouthApplicationView(
            applicationId: try row.decode("id"), competitionId: try row.decode("competition_id"), partnerKind: try row.decode("partner_kind"),
            partnerId: try row.decode("partner_id"), receivedOn: try row.decode("received"),
            organisation: .init(name: try row.decode("organisation_name"), registrationNumber: try row.decode("registration_number"),
                                worksWithYouth: try row.decode("works_with_youth")),
            projectTitle: try row.decode("project_title"), requestedCents: try row.decode("requested_cents"), startsOn: try row.decode("starts"),
            endsOn: try row.decode("ends"), participantsPlanned: try row.decode("participants_planned"),
            atRiskParticipants: try row.decode("at_risk_participants"), nonFormalMethods: try row.decode("non_formal_methods"),
            planAlignment: try row.decode("plan_alignment"), payeeReference: try row.decode("payee_reference"),
            payeeName: try row.decode("payee_name"), payeeIbanMasked: IBAN.masked(try row.decode("payee_iban")),
            findings: findings.map(YouthApplications.FindingView.init), state: try row.decode("state"),
            awardedCents: try row.decode("awarded_cents"), decisionReason: try row.decode("decision_reason"),
            decidedBy: try row.decode("decided_by"), decidedAt: try row.decode("decided_at", as: Date?.self).map(Timestamp.format),
            payments: payments, paidCents: payments.filter { $0.state == "released" }.reduce(0) { $0 + $1.amountCents }, currency: "EUR",
            registeredBy: try row.decode("registered_by"), registeredAt: Timestamp.format(try row.decode("registered_at", as: Date.self)))
    }
}

import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Records payouts and moves them along the release policy, inside the caller's transaction:
/// a released payout writes its ledger entry and `payout.released` (and tells approval routing
/// what the plan has been paid) in the same commit; a voided one writes `payout.voided`.
struct PayoutBook: Sendable {
    /// How long held staff pay waits after the person's account changed (`PayeeChangeWait`).
    /// The default is the safe one; the service passes its configured value.
    var payeeChangeWait: Duration = .seconds(PayeeChangeWait.defaultSeconds)

    /// A payout to record.
    struct NewPayout: Sendable {
        var idempotencyKey: String
        var kind: String
        var claimId: UUID?
        var plan: PayPlan
        var measure: String
        var measureId: UUID?
        var period: String
        var capKey: String?
        var amount: Cents
        var claimed: Cents?
        var capped: Cents
        var personId: UUID?
        var role: String?
        var minutes: Int?
        var payeeReference: String?
    }

    /// Where a payout stands after recording or settling.
    struct Standing: Codable, Sendable, Hashable {
        var payoutId: UUID
        var state: String
        var holdReason: String?
        var voidReason: String?
    }

    /// Inserts the payout unless its idempotency key exists (then returns the existing one's
    /// standing: a replay pays nothing twice), and settles it. The plan must be locked.
    func record(_ new: NewPayout, outbox: OutboxWriter, on connection: PostgresConnection) throws -> (standing: Standing, created: Bool) {
        let id = UUID.timeOrdered()
        let inserted = try connection.query("""
            INSERT INTO payouts (id, idempotency_key, kind, claim_id, plan_id, institution_id, student_code, measure, measure_id, period,
                                 cap_key, amount_cents, claimed_cents, capped_cents, person_id, role, minutes, payee_reference, state)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'held')
            ON CONFLICT (idempotency_key) DO NOTHING RETURNING id
            """, [id, new.idempotencyKey, new.kind, new.claimId, new.plan.planId, new.plan.institutionId, new.plan.studentCode, new.measure,
                  new.measureId, new.period, new.capKey, new.amount.value, new.claimed?.value, new.capped.value, new.personId, new.role,
                  new.minutes, new.payeeReference])
        guard inserted.first != nil else {
            let existing = try connection.query("SELECT id FROM payouts WHERE idempotency_key = $1", [new.idempotencyKey]).single()
            return (try standing(try existing.decode("id"), on: connection), false)
        }
        try settle(payoutIds: [id], plan: new.plan, outbox: outbox, on: connection)
        return (try standing(id, on: connection), true)
    }

    /// Applies the release policy to every held payout of the plan (the plan must be locked).
    func settle(plan: PayPlan, outbox: OutboxWriter, on connection: PostgresConnection) throws {
        let ids = try connection.query("SELECT id FROM payouts WHERE plan_id = $1 AND state = 'held' ORDER BY created_at, id", [plan.planId])
            .map { try $0.decode("id", as: UUID.self) }
        try settle(payoutIds: ids, plan: plan, outbox: outbox, on: connection)
    }

    private func settle(payoutIds: [UUID], plan: PayPlan, outbox: OutboxWriter, on connection: PostgresConnection) throws {
        var released = false
        for id in payoutIds {
            let row = try connection.query("""
                SELECT p.*, e.name AS known_name, e.iban AS known_iban, e.bic AS known_bic,
                       e.account_changed_at AS payee_changed_at, now() AS decided_at, i.municipality_id
                FROM payouts p LEFT JOIN payees e ON e.reference = COALESCE(p.payee_reference,
                    (SELECT reference FROM payees WHERE person_id = p.person_id))
                LEFT JOIN replica_institutions i ON i.id = p.institution_id
                WHERE p.id = $1 AND p.state = 'held' FOR UPDATE OF p
                """, [id]).first
            guard let row else { continue }
            let payeeName: String? = try row.decode("known_name")
            let waitOver = PayeeChangeWait.mayRelease(changedAt: try row.decode("payee_changed_at", as: Date?.self),
                                                      now: try row.decode("decided_at", as: Date.self), wait: payeeChangeWait)
            switch ReleasePolicy.decide(plan.facts, payeeKnown: payeeName != nil, payeeWaitOver: waitOver) {
            case .hold(let reason):
                try connection.execute("UPDATE payouts SET hold_reason = $2, updated_at = now() WHERE id = $1", [id, reason.rawValue])
            case .void(let reason):
                try connection.execute("""
                    UPDATE payouts SET state = 'voided', hold_reason = NULL, void_reason = $2, voided_at = now(), updated_at = now() WHERE id = $1
                    """, [id, reason.rawValue])
                try outbox.enqueue(PayoutVoided(payoutId: id, idempotencyKey: try row.decode("idempotency_key"), reason: reason.rawValue),
                                   on: connection)
            case .release:
                try release(row, plan: plan, outbox: outbox, on: connection)
                released = true
            }
        }
        if released {
            // Approval routing refuses to delete a plan that has been paid (DOMAIN.md §3).
            // A compensation paid to the student also starts the plan's implementation (issue #19 item 4).
            let totals = try connection.query("""
                SELECT COALESCE(sum(amount_cents), 0)::bigint AS total,
                       COALESCE(sum(amount_cents) FILTER (WHERE measure <> 'staff_pay'), 0)::bigint AS compensations
                FROM ledger WHERE plan_id = $1
                """, [plan.planId]).single()
            try outbox.enqueue(PlanPaymentRecorded(planId: plan.planId, totalPaidCents: try totals.decode("total", as: Int64.self),
                                                   compensationPaidCents: try totals.decode("compensations", as: Int64.self)),
                               on: connection)
        }
    }

    /// Snapshots the payee's bank details, writes the ledger entry and the finance event.
    private func release(_ row: PostgresRow, plan: PayPlan, outbox: OutboxWriter, on connection: PostgresConnection) throws {
        let id: UUID = try row.decode("id")
        let reference: String = try row.decode("payee_reference") ?? (try connection.query(
            "SELECT reference FROM payees WHERE person_id = $1", [try row.decode("person_id", as: UUID?.self)]).single().decode("reference"))
        let amount: Int64 = try row.decode("amount_cents")
        let period: String = try row.decode("period")
        let measure: String = try row.decode("measure")
        try connection.execute("""
            UPDATE payouts SET state = 'released', hold_reason = NULL, released_at = now(), updated_at = now(),
                payee_reference = $2, payee_name = $3, payee_iban = $4, payee_bic = $5 WHERE id = $1
            """, [id, reference, try row.decode("known_name", as: String.self), try row.decode("known_iban", as: String.self),
                  try row.decode("known_bic", as: String?.self)])
        try connection.execute("""
            INSERT INTO ledger (payout_id, entry, amount_cents, period, measure, plan_id, institution_id, municipality_id)
            VALUES ($1, 'release', $2, $3, $4, $5, $6, $7)
            """, [id, amount, period, measure, plan.planId, plan.institutionId, try row.decode("municipality_id", as: UUID?.self)])
        try outbox.enqueue(PayoutReleased(payoutId: id, idempotencyKey: try row.decode("idempotency_key"), amountCents: amount,
                                          period: period, studentCode: plan.studentCode, planId: plan.planId, measure: measure,
                                          payeeReference: reference), on: connection)
    }

    func standing(_ id: UUID, on connection: PostgresConnection) throws -> Standing {
        let row = try connection.query("SELECT id, state, hold_reason, void_reason FROM payouts WHERE id = $1", [id]).single()
        return Standing(payoutId: try row.decode("id"), state: try row.decode("state"), holdReason: try row.decode("hold_reason"),
                        voidReason: try row.decode("void_reason"))
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// Finance's correction of a released payout: a reversing ledger entry (the ledger is never
/// edited) and `payout.reversed`. A held payout is not reversed: it is voided by the policy.
struct Corrections: Sendable {
    func reverse(_ payoutId: UUID, reason: String, by principal: Principal, outbox: OutboxWriter,
                 on connection: PostgresConnection) throws -> FinanceBooks.PayoutView {
        guard let row = try connection.query("SELECT * FROM payouts WHERE id = $1 FOR UPDATE", [payoutId]).first else {
            throw CommonProblems.notFound("Izmaksa / Payout")
        }
        let state: String = try row.decode("state")
        guard state == "released" else {
            throw CommonProblems.conflict("payout.not_released", field: "state",
                                          lv: "Stornēt var tikai izmaksātu maksājumu (pašlaik: \(state)).",
                                          en: "Only a released payout can be reversed (now: \(state)).")
        }
        let amount: Int64 = try row.decode("amount_cents")
        try connection.execute("""
            INSERT INTO ledger (payout_id, entry, amount_cents, period, measure, plan_id, institution_id, municipality_id, youth_project_id,
                                reason, recorded_by)
            SELECT payout_id, 'reversal', -amount_cents, period, measure, plan_id, institution_id, municipality_id, youth_project_id, $2, $3
            FROM ledger WHERE payout_id = $1 AND entry = 'release'
            """, [payoutId, reason, principal.personId])
        try connection.execute("UPDATE payouts SET state = 'reversed', void_reason = $2, updated_at = now() WHERE id = $1", [payoutId, reason])
        try outbox.enqueue(PayoutReversed(payoutId: payoutId, idempotencyKey: try row.decode("idempotency_key"), amountCents: amount,
                                          reason: reason), on: connection)
        return try FinanceBooks.payout(from: try connection.query("SELECT * FROM payouts WHERE id = $1", [payoutId]).single())
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Finance's side: released payouts, batches for the bank, and ledger totals. A batch takes
/// every released, not yet batched payout of a period in one statement, so two finance users
/// creating batches at once never put a payout in both.
struct FinanceBooks: Sendable {
    let debtor: ExportDebtor

    struct PayoutView: Codable, Sendable {
        var payoutId: UUID
        var idempotencyKey: String
        var kind: String
        /// A claim's payout: the expense claim it pays (its receipt is on the claim).
        var claimId: UUID?
        /// A plan's payout: the plan, its student code and institution. A youth project's payment
        /// (kind `youth_project`) has none of them but `youthProjectId`.
        var planId: UUID?
        var studentCode: String?
        var institutionId: UUID?
        var youthProjectId: UUID?
        var measure: String
        var period: String
        var amountCents: Int64
        var currency: String
        var state: String
        var holdReason: String?
        var voidReason: String?
        var payeeReference: String?
        /// Staff pay only: the role paid (provider type or `preparer`) and the month's minutes.
        var role: String?
        var minutes: Int?
        var batchId: UUID?
        var createdAt: String
        var releasedAt: String?
    }

    struct BatchView: Codable, Sendable {
        var batchId: UUID
        var period: String
        var count: Int
        var totalCents: Int64
        var executionDate: String
        var createdBy: UUID
        var createdAt: String
        /// When finance marked the batch as sent to the bank, and who; nil until then.
        var sentAt: String?
        var sentBy: UUID?
    }

    struct Filter: Sendable {
        var period: String?
        var state: String?
        var planId: UUID?
        var batchId: UUID?
        var institutionId: UUID?
        var kind: String?
    }

    func payouts(_ filter: Filter, page: Pagination, on connection: PostgresConnection) throws -> Page<PayoutView> {
        let condition = """
            ($1::text IS NULL OR period = $1) AND ($2::text IS NULL OR state = $2) AND ($3::uuid IS NULL OR plan_id = $3)
            AND ($4::uuid IS NULL OR batch_id = $4) AND ($5::uuid IS NULL OR institution_id = $5) AND ($6::text IS NULL OR kind = $6)
            """
        let parameters: [any PostgresBindable] = [filter.period, filter.state, filter.planId, filter.batchId, filter.institutionId, filter.kind]
        let total: Int64 = try connection.query("SELECT count(*) AS n FROM payouts WHERE \(condition)", parameters).single().decode("n")
        let items = try connection.query("SELECT * FROM payouts WHERE \(condition) ORDER BY created_at, id LIMIT $7 OFFSET $8",
                                         parameters + [page.limit, page.offset]).map(Self.payout(from:))
        return Page(items: items, total: Int(total), limit: page.limit, offset: page.offset)
    }

    /// One payout (what finance's reversal page shows before it asks).
    func payout(_ id: UUID, on connection: PostgresConnection) throws -> PayoutView {
        guard let row = try connection.query("SELECT * FROM payouts WHERE id = $1", [id]).first else {
            throw CommonProblems.notFound("Izmaksa / Payout")
        }
        return try Self.payout(from: row)
    }

    static func payout(from row: PostgresRow) throws -> PayoutView {
        PayoutView(payoutId: try row.decode("id"), idempotencyKey: try row.decode("idempotency_key"), kind: try row.decode("kind"),
                   claimId: try row.decode("claim_id"),
                   planId: try row.decode("plan_id"), studentCode: try row.decode("student_code"),
                   institutionId: try row.decode("institution_id"), youthProjectId: try row.decode("youth_project_id"), measure: try row.decode("measure"), period: try row.decode("period"),
                   amountCents: try row.decode("amount_cents"), currency: "EUR", state: try row.decode("state"),
                   holdReason: try row.decode("hold_reason"), voidReason: try row.decode("void_reason"),
                   payeeReference: try row.decode("payee_reference"), role: try row.decode("role"),
                   minutes: try row.decode("minutes", as: Int32?.self).map(Int.init), batchId: try row.decode("batch_id"),
                   createdAt: Timestamp.format(try row.decode("created_at", as: Date.self)),
                   releasedAt: try row.decode("released_at", as: Date?.self).map(Timestamp.format))
    }

    /// Creates the period's batch from its released, unbatched payouts (409 when there are none)
    /// and tells finance by `payout.batch_ready`.
    func createBatch(period: String, executionDate: CalendarDate, by principal: Principal, outbox: OutboxWriter,
                     on connection: PostgresConnection) throws -> BatchView {
        let id = UUID.timeOrdered()
        // The batch row first (the foreign key), with its figures filled in from what it took.
        try connection.execute("""
            INSERT INTO batches (id, period, count, total_cents, execution_date, created_by) VALUES ($1, $2, 1, 0, $3::date, $4)
            """, [id, period, executionDate.iso, principal.personId])
        let taken = try connection.query("""
            UPDATE payouts SET batch_id = $1, updated_at = now()
            WHERE state = 'released' AND batch_id IS NULL AND period = $2 RETURNING amount_cents
            """, [id, period]).map { try $0.decode("amount_cents", as: Int64.self) }
        guard !taken.isEmpty else {
            throw CommonProblems.conflict("batch.empty", field: "period", lv: "Šim periodam nav izmaksātu maksājumu, kas vēl nav paketē.",
                                          en: "This period has no released payouts that are not in a batch yet.")
        }
        let total = taken.reduce(0, +)
        try connection.execute("UPDATE batches SET count = $2, total_cents = $3 WHERE id = $1", [id, taken.count, total])
        try outbox.enqueue(PayoutBatchReady(batchId: id, period: period, count: taken.count, totalCents: total), on: connection)
        return try batch(id, on: connection)
    }

    func batch(_ id: UUID, on connection: PostgresConnection) throws -> BatchView {
        guard let row = try connection.query("SELECT * FROM batches WHERE id = $1", [id]).first else {
            throw CommonProblems.notFound("Pakete / Batch")
        }
        return try Self.batch(from: row)
    }

    func batches(period: String?, page: Pagination, on connection: PostgresConnection) throws -> Page<BatchView> {
        let total: Int64 = try connection.query("SELECT count(*) AS n FROM batches WHERE $1::text IS NULL OR period = $1", [period])
            .single().decode("n")
        let items = try connection.query("""
            SELECT * FROM batches WHERE $1::text IS NULL OR period = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3
            """, [period, page.limit, page.offset]).map(Self.batch(from:))
        return Page(items: items, total: Int(total), limit: page.limit, offset: page.offset)
    }

    static func batch(from row: PostgresRow) throws -> BatchView {
        BatchView(batchId: try row.decode("id"), period: try row.decode("period"), count: try row.decode("count"),
                  totalCents: try row.decode("total_cents"), executionDate: try row.decode("execution_date", as: String.self),
                  createdBy: try row.decode("created_by"), createdAt: Timestamp.format(try row.decode("created_at", as: Date.self)),
                  sentAt: try row.decode("sent_at", as: Date?.self).map(Timestamp.format), sentBy: try row.decode("sent_by"))
    }

    /// Finance's note that the batch's file went to the bank: once (409 `batch.already_sent` after),
    /// so the month's batch is not sent twice by two officers.
    func markSent(_ id: UUID, by principal: Principal, on connection: PostgresConnection) throws -> BatchView {
        guard let row = try connection.query("SELECT sent_at FROM batches WHERE id = $1 FOR UPDATE", [id]).first else {
            throw CommonProblems.notFound("Pakete / Batch")
        }
        guard try row.decode("sent_at", as: Date?.self) == nil else {
            throw CommonProblems.conflict("batch.already_sent", field: "batchId", lv: "Pakete jau atzīmēta kā nosūtīta bankai.",
                                          en: "The batch is already marked as sent to the bank.")
        }
        try connection.execute("UPDATE batches SET sent_at = now(), sent_by = $2 WHERE id = $1", [id, principal.personId])
        return try batch(id, on: connection)
    }

    /// The batch as the exporters take it: the payee details snapshotted at release. A payout
    /// finance reversed after the batch was made is left out, so it is never sent to the bank
    /// (the control line then counts what the file holds).
    func export(_ id: UUID, on connection: PostgresConnection) throws -> ExportBatch {
        let batch = try self.batch(id, on: connection)
        let payments = try connection.query("""
            SELECT * FROM payouts WHERE batch_id = $1 AND state = 'released' ORDER BY released_at, id
            """, [id]).map { row in
                ExportPayment(payoutId: try row.decode("id"), idempotencyKey: try row.decode("idempotency_key"),
                              amountCents: try row.decode("amount_cents"), period: try row.decode("period"),
                              // A youth project's payment names no student: the remittance says the measure and period.
                              studentCode: try row.decode("student_code", as: String?.self) ?? "", measure: try row.decode("measure"),
                              payeeReference: try row.decode("payee_reference"), payeeName: try row.decode("payee_name"),
                              payeeIBAN: try row.decode("payee_iban"), payeeBIC: try row.decode("payee_bic"))
            }
        let createdAt = try connection.query("SELECT created_at FROM batches WHERE id = $1", [id]).single().decode("created_at", as: Date.self)
        return ExportBatch(batchId: id, period: batch.period, createdAt: createdAt, executionDate: batch.executionDate,
                           debtor: debtor, payments: payments)
    }
}

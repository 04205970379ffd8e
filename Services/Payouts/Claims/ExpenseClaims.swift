import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// An expense claim against an approved money measure of a plan (DOMAIN.md §7). The payout is
/// the claim capped by what remains under the cap for the student, measure and period; it is
/// computed once, in the claim's transaction, and then held or released by the release policy.
struct ExpenseClaims: Sendable {
    let settings: ProgrammeSettings
    let today: @Sendable () -> CalendarDate?
    let book: PayoutBook

    /// `POST /payouts/claims`.
    struct Input: Codable, Sendable {
        var planId: UUID
        var measureId: UUID
        var period: String
        var amountCents: Int64
        var description: String
        var receiptId: UUID
        var payee: PayeeInput
        /// Meals delivered home during an emergency (seed 004's first exception).
        var deliveredHome: Bool?
        /// A vocational student on placement during an emergency (seed 004's second exception).
        var onPlacement: Bool?
    }

    /// A claim with its payout and the cap's verdict.
    struct View: Codable, Sendable {
        var id: UUID
        var planId: UUID
        var studentCode: String
        var measureId: UUID
        var measureType: String
        var period: String
        var claimedCents: Int64
        var description: String
        var receiptId: UUID
        var payeeReference: String
        var submittedBy: UUID
        var submittedAt: String
        var payout: PayoutSummary
        /// The cap's warning when it cut the claim.
        var findings: [FindingView]
    }

    struct PayoutSummary: Codable, Sendable {
        var payoutId: UUID
        var amountCents: Int64
        var cappedByCents: Int64
        var state: String
        var holdReason: String?
        var voidReason: String?
    }

    struct FindingView: Codable, Sendable {
        var rule: String
        var severity: String
        var field: String
        var message: String
        var messageEn: String

        init(_ finding: Finding) {
            rule = finding.ruleId.rawValue; severity = finding.severity.rawValue; field = finding.path
            message = finding.message.lv; messageEn = finding.message.en
        }

        init(_ finding: EmergencyFinding) {
            rule = finding.rule.rawValue; severity = finding.severity.rawValue; field = finding.path
            message = finding.message.lv; messageEn = finding.message.en
        }
    }

    func submit(_ input: Input, by principal: Principal, outbox: OutboxWriter, on connection: PostgresConnection) throws -> View {
        guard [.preparer, .institutionCoordinator].contains(principal.role), case .institution(let institution) = principal.scope else {
            throw PayoutsProblems.notYourInstitution
        }
        guard let plan = try PayPlan.lock(input.planId, on: connection), plan.institutionId == institution else {
            throw CommonProblems.notFound("Plāns / Plan")
        }
        guard plan.openForClaims else { throw PayoutsProblems.planNotOpen }
        guard let measure = plan.measures.first(where: { $0.measureId == input.measureId }) else {
            throw CommonProblems.invalidField("measureId", "claim.measure_unknown", lv: "Plānā nav šāda apstiprināta pasākuma.",
                                              en: "The plan has no such approved measure.")
        }
        guard let type = MeasureType(rawValue: measure.type), let cap = settings.cap(for: type) else {
            throw CommonProblems.invalidField("measureId", "claim.measure_not_compensated",
                                              lv: "Šim pasākumam naudas kompensāciju nepieprasa (tas ir stundās).",
                                              en: "This measure is not compensated in money (it is delivered in hours).")
        }
        let period = try self.period(input.period, cap: cap, plan: plan)
        // An emergency in the plan's area pays only the seed's two exceptions (seed 004).
        let emergency = try PayoutPeriod(period).flatMap { claimed -> EmergencyFinding? in
            guard let days = claimed.days(semesters: settings) else { return nil }
            return try EmergencyClaimCheck.finding(measure: type, from: days.first, to: days.last, deliveredHome: input.deliveredHome ?? false,
                                                   onPlacement: input.onPlacement ?? false, plan: plan, on: connection)
        }
        if let emergency, emergency.severity == .error {
            throw CommonProblems.invalidField(emergency.path, emergency.rule.rawValue, lv: emergency.message.lv, en: emergency.message.en)
        }
        guard (1...100_000_00).contains(input.amountCents) else {
            throw CommonProblems.invalidField("amountCents", "claim.amount", lv: "Summa centos: no 1 līdz 10 000 000.",
                                              en: "The amount in cents: from 1 to 10,000,000.")
        }
        let description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...500).contains(description.count) else {
            throw CommonProblems.invalidField("description", "claim.description", lv: "Apraksts: 3–500 rakstzīmes (kas iegādāts, kam).",
                                              en: "Description: 3–500 characters (what was bought, for whom).")
        }
        let payee = try Payees().claimant(input.payee, institution: institution, by: principal.personId, on: connection)
        let receipt = try self.receipt(input.receiptId, institution: institution, on: connection)
        // One receipt file backs one claim, whatever plan or measure names it (uploaded again or not).
        if try connection.query("SELECT 1 FROM claims WHERE receipt_id = $1 OR receipt_sha256 = $2", [input.receiptId, receipt]).first != nil {
            throw PayoutsProblems.receiptUsed
        }

        // The cap is per student, measure type and period: two plans of one student share it.
        let capKey = "\(plan.studentCode)|\(type.rawValue)|\(period)"
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [capKey])
        let alreadyPaid = try connection.query("""
            SELECT COALESCE(sum(amount_cents), 0)::bigint AS paid FROM payouts WHERE cap_key = $1 AND state NOT IN ('voided', 'reversed')
            """, [capKey]).single().decode("paid", as: Int64.self)
        let (decision, findings) = Compensation.check(claimed: Cents(input.amountCents), measure: type, alreadyPaid: Cents(alreadyPaid),
                                                      settings: settings, path: "amountCents")
        if findings.hasErrors { throw PayoutsProblems.findings(findings) }

        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO claims (id, plan_id, measure_id, measure_type, period, claimed_cents, description, payee_reference, receipt_id,
                                receipt_sha256, submitted_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, [id, plan.planId, input.measureId, type.rawValue, period, input.amountCents, description, payee, input.receiptId,
                  receipt, principal.personId])
        let new = PayoutBook.NewPayout(idempotencyKey: "claim:\(id.uuidString.lowercased())", kind: "claim", claimId: id, plan: plan,
                                       measure: type.rawValue, measureId: input.measureId, period: period, capKey: capKey,
                                       amount: decision.amount, claimed: Cents(input.amountCents), capped: decision.cappedBy,
                                       personId: nil, role: nil, minutes: nil, payeeReference: payee)
        _ = try book.record(new, outbox: outbox, on: connection)
        return try view(id, for: principal, findings: findings, extra: emergency.map { [FindingView($0)] } ?? [], on: connection)
    }

    /// The claimed period, checked against the cap's period and the plan's semester.
    private func period(_ text: String, cap: CompensationCap, plan: PayPlan) throws -> String {
        guard let period = PayoutPeriod(text) else {
            throw CommonProblems.invalidField("period", "claim.period_format", lv: "Periods: mēnesis GGGG-MM vai semestris 2026/2027-1.",
                                              en: "Period: a month YYYY-MM or a semester 2026/2027-1.")
        }
        guard let semesterRef = SemesterRef(code: plan.semester), let semester = settings.dates(of: semesterRef) else {
            throw CommonProblems.invalidField("period", "claim.semester_unknown", lv: "Plāna semestra datumi nav iestatīti.",
                                              en: "The plan's semester dates are not set.")
        }
        guard let today = today() else { throw CommonProblems.clockUnavailable }
        if let problem = period.problem(capPeriod: cap.period, semester: semester, today: today) {
            throw CommonProblems.invalidField("period", "claim.period", lv: problem.lv, en: problem.en)
        }
        return period.description
    }

    /// The receipt's digest; it must be one this institution uploaded.
    private func receipt(_ id: UUID, institution: UUID, on connection: PostgresConnection) throws -> [UInt8] {
        // Locked: two claims naming one receipt at once queue here, and the second finds the first.
        guard let row = try connection.query("SELECT sha256 FROM receipts WHERE id = $1 AND institution_id = $2 FOR UPDATE",
                                             [id, institution]).first else {
            throw CommonProblems.invalidField("receiptId", "claim.receipt_unknown", lv: "Kvīts nav atrasta: vispirms augšupielādējiet to.",
                                              en: "Receipt not found: upload it first.")
        }
        return try row.decode("sha256")
    }

    func view(_ id: UUID, for principal: Principal, findings: [Finding] = [], extra: [FindingView] = [],
              on connection: PostgresConnection) throws -> View {
        guard let row = try connection.query("""
            SELECT c.*, p.id AS payout_id, p.amount_cents, p.capped_cents, p.state, p.hold_reason, p.void_reason, p.student_code,
                   p.institution_id, i.municipality_id, i.region
            FROM claims c JOIN payouts p ON p.claim_id = c.id LEFT JOIN replica_institutions i ON i.id = p.institution_id
            WHERE c.id = $1
            """, [id]).first,
            principal.covers(institution: InstitutionScopeFacts(institutionId: try row.decode("institution_id"),
                                                                municipalityId: try row.decode("municipality_id"),
                                                                region: try row.decode("region", as: String?.self) ?? "")) else {
            throw CommonProblems.notFound("Pieteikums / Claim")
        }
        return View(id: try row.decode("id"), planId: try row.decode("plan_id"), studentCode: try row.decode("student_code"),
                    measureId: try row.decode("measure_id"), measureType: try row.decode("measure_type"), period: try row.decode("period"),
                    claimedCents: try row.decode("claimed_cents"), description: try row.decode("description"),
                    receiptId: try row.decode("receipt_id"), payeeReference: try row.decode("payee_reference"),
                    submittedBy: try row.decode("submitted_by"),
                    submittedAt: Timestamp.format(try row.decode("submitted_at", as: Date.self)),
                    payout: PayoutSummary(payoutId: try row.decode("payout_id"), amountCents: try row.decode("amount_cents"),
                                          cappedByCents: try row.decode("capped_cents"), state: try row.decode("state"),
                                          holdReason: try row.decode("hold_reason"), voidReason: try row.decode("void_reason")),
                    findings: findings.map(FindingView.init) + extra)
    }

    /// The claims of a plan the caller may see, newest first (a plan outside the scope is 404).
    func list(planId: UUID, for principal: Principal, on connection: PostgresConnection) throws -> [View] {
        guard let plan = try PayPlan.find(planId, on: connection), try PayoutsAPI.covers(principal, plan.institutionId, on: connection) else {
            throw CommonProblems.notFound("Plāns / Plan")
        }
        return try connection.query("SELECT id FROM claims WHERE plan_id = $1 ORDER BY submitted_at DESC, id", [planId])
            .map { row in try view(try row.decode("id"), for: principal, on: connection) }
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// The implementation report of a plan, as the API shows it.
struct ReportView: Codable, Sendable {
    /// One risk's part, with the risk's group.
    struct RiskView: Codable, Sendable, Hashable {
        var riskCode: String
        var riskGroup: String
        var done: String
        var outcome: RiskOutcome
        var comment: String
    }

    var planId: UUID
    var studentCode: String
    var institutionId: UUID
    var semester: String
    var planStatus: String
    /// `not_started`, `draft`, `submitted` or `confirmed`.
    var state: String
    var planRisks: [String]
    var missingRisks: [String]
    var risks: [RiskView]
    var summary: String?
    var figures: ReportFigures
    var figuresAtSubmission: ReportFigures?
    var writtenBy: UUID?
    var writtenAt: String?
    var submittedBy: UUID?
    var submittedAt: String?
    var confirmedBy: UUID?
    var confirmedAt: String?
    var version: Int
}

/// A line of the report list.
struct ReportListItem: Codable, Sendable {
    var planId: UUID
    var studentCode: String
    var institutionId: UUID
    var semester: String
    var planStatus: String
    var state: String
    var updatedAt: String?
}

/// Writing, submitting and confirming implementation reports. The plan row is locked for each
/// action, every action is kept in `report_history` with who and when, and the events go to the
/// outbox in the same transaction: `report.submitted` makes approval routing move the plan to
/// `reported`, `report.confirmed` to `closed`.
struct ImplementationReports: Sendable {
    let settings: ProgrammeSettings

    struct Stored: Sendable {
        var state: ReportState
        var input: ReportInput
        var figures: ReportFigures?
        var writtenBy: UUID
        var writtenAt: Date
        var submittedBy: UUID?
        var submittedAt: Date?
        var confirmedBy: UUID?
        var confirmedAt: Date?
        var version: Int
    }

    func view(_ planId: UUID, for principal: Principal, on connection: PostgresConnection) throws -> ReportView {
        let plan = try ReportPlan.load(planId, for: principal, on: connection)
        return try view(plan, try stored(planId, on: connection), on: connection)
    }

    func write(_ planId: UUID, _ input: ReportInput, by principal: Principal, on connection: PostgresConnection) throws -> ReportView {
        let plan = try ReportPlan.load(planId, for: principal, forUpdate: true, on: connection)
        let current = try stored(planId, on: connection)
        if let refusal = ReportRules.write(state: current?.state, planStatus: plan.status) { throw ReportingProblems.refused(refusal) }
        let errors = ReportRules.contentErrors(input, planRisks: plan.riskCodes)
        guard errors.isEmpty else { throw ReportingProblems.rules(errors) }
        let summary = input.summary.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        try connection.execute("""
            INSERT INTO reports (plan_id, state, risks, summary, written_by) VALUES ($1, 'draft', $2::jsonb, $3, $4)
            ON CONFLICT (plan_id) DO UPDATE SET risks = EXCLUDED.risks, summary = EXCLUDED.summary, written_by = EXCLUDED.written_by,
                written_at = now(), version = reports.version + 1
            """, [planId, try ReportingProjection.json(input.risks), summary, principal.personId])
        try history(planId, "write", from: current?.state, to: .draft, principal, on: connection)
        return try view(plan, try stored(planId, on: connection), on: connection)
    }

    func submit(_ planId: UUID, by principal: Principal, outbox: OutboxWriter, on connection: PostgresConnection) throws -> ReportView {
        let plan = try ReportPlan.load(planId, for: principal, forUpdate: true, on: connection)
        let current = try stored(planId, on: connection)
        if let refusal = ReportRules.submit(state: current?.state, planStatus: plan.status) { throw ReportingProblems.refused(refusal) }
        guard let current else { throw CommonProblems.notFound("Atskaite / Report") }
        let errors = ReportRules.contentErrors(current.input, planRisks: plan.riskCodes)
            + ReportRules.completenessErrors(current.input, planRisks: plan.riskCodes)
        guard errors.isEmpty else { throw ReportingProblems.rules(errors) }
        let figures = try plan.figures(settings: settings, on: connection)
        try connection.execute("""
            UPDATE reports SET state = 'submitted', figures = $2::jsonb, submitted_by = $3, submitted_at = now(), version = version + 1
            WHERE plan_id = $1
            """, [planId, try ReportingProjection.json(figures), principal.personId])
        try history(planId, "submit", from: current.state, to: .submitted, principal, on: connection)
        try outbox.enqueue(ReportSubmitted(plan: plan.reference, submittedBy: Self.actor(principal),
                                           outcomes: current.input.risks.map { RiskOutcomePayload(riskCode: $0.riskCode, outcome: $0.outcome.rawValue) }),
                           on: connection)
        return try view(plan, try stored(planId, on: connection), on: connection)
    }

    func confirm(_ planId: UUID, by principal: Principal, outbox: OutboxWriter, on connection: PostgresConnection) throws -> ReportView {
        let plan = try ReportPlan.load(planId, for: principal, forUpdate: true, on: connection)
        let current = try stored(planId, on: connection)
        if let refusal = ReportRules.confirm(state: current?.state, planStatus: plan.status, submittedBy: current?.submittedBy,
                                             confirmer: principal.personId) {
            throw ReportingProblems.refused(refusal)
        }
        try connection.execute("""
            UPDATE reports SET state = 'confirmed', confirmed_by = $2, confirmed_at = now(), version = version + 1 WHERE plan_id = $1
            """, [planId, principal.personId])
        try history(planId, "confirm", from: current?.state, to: .confirmed, principal, on: connection)
        try outbox.enqueue(ReportConfirmed(plan: plan.reference, confirmedBy: Self.actor(principal)), on: connection)
        return try view(plan, try stored(planId, on: connection), on: connection)
    }

    /// Plans in scope that have (or are ready for) a report, newest first.
    func list(semester: String?, state: String?, page: Pagination, for principal: Principal,
              on connection: PostgresConnection) throws -> Page<ReportListItem> {
        let (scope, scopeParameters) = ScopeSQL.condition(principal, institutionColumn: "p.institution_id", parameterOffset: 2)
        let filter = """
            FROM rep_plans p LEFT JOIN reports r ON r.plan_id = p.plan_id LEFT JOIN replica_institutions i ON i.id = p.institution_id
            WHERE p.status IN ('approved', 'in_implementation', 'suspended', 'reported', 'closed')
              AND ($1::text IS NULL OR p.semester = $1) AND ($2::text IS NULL OR COALESCE(r.state, 'not_started') = $2)
              AND (\(scope))
            """
        let parameters: [any PostgresBindable] = [semester, state] + scopeParameters
        let total = try connection.query("SELECT count(*) AS n " + filter, parameters).single().decode("n", as: Int64.self)
        let items = try connection.query("""
            SELECT p.plan_id, p.student_code, p.institution_id, p.semester, p.status, COALESCE(r.state, 'not_started') AS state,
                   GREATEST(r.written_at, r.submitted_at, r.confirmed_at) AS updated_at
            """ + "\n" + filter + " ORDER BY p.semester DESC, p.plan_id LIMIT \(page.limit) OFFSET \(page.offset)", parameters).map { row in
                ReportListItem(planId: try row.decode("plan_id"), studentCode: try row.decode("student_code"),
                               institutionId: try row.decode("institution_id"), semester: try row.decode("semester"),
                               planStatus: try row.decode("status"), state: try row.decode("state"),
                               updatedAt: try row.decode("updated_at", as: Date?.self).map(Timestamp.format))
            }
        return Page(items: items, total: Int(total), limit: page.limit, offset: page.offset)
    }

    // MARK: Storage

    func stored(_ planId: UUID, on connection: PostgresConnection) throws -> Stored? {
        try connection.query("SELECT *, risks::text AS risks_text, figures::text AS figures_text FROM reports WHERE plan_id = $1",
                             [planId]).first.map { row in
            let figures: ReportFigures? = try row.decode("figures_text", as: String?.self).map { try ReportPlan.json($0) }
            return Stored(state: ReportState(rawValue: try row.decode("state")) ?? .draft,
                          input: ReportInput(risks: try ReportPlan.json(try row.decode("risks_text")), summary: try row.decode("summary")),
                          figures: figures, writtenBy: try row.decode("written_by"), writtenAt: try row.decode("written_at"),
                          submittedBy: try row.decode("submitted_by"), submittedAt: try row.decode("submitted_at"),
                          confirmedBy: try row.decode("confirmed_by"), confirmedAt: try row.decode("confirmed_at"), version: try row.decode("version"))
        }
    }

    private func view(_ plan: ReportPlan, _ stored: Stored?, on connection: PostgresConnection) throws -> ReportView {
        let written = Set(stored?.input.risks.map(\.riskCode) ?? [])
        return ReportView(
            planId: plan.reference.planId, studentCode: plan.reference.studentCode, institutionId: plan.reference.institutionId,
            semester: plan.reference.semester, planStatus: plan.status.rawValue, state: stored?.state.rawValue ?? "not_started",
            planRisks: plan.riskCodes, missingRisks: plan.riskCodes.filter { !written.contains($0) },
            risks: (stored?.input.risks ?? []).map {
                ReportView.RiskView(riskCode: $0.riskCode, riskGroup: (RiskCode(rawValue: $0.riskCode)?.group ?? .other).rawValue,
                                    done: $0.done, outcome: $0.outcome, comment: $0.comment)
            },
            summary: stored?.input.summary, figures: try plan.figures(settings: settings, on: connection), figuresAtSubmission: stored?.figures,
            writtenBy: stored?.writtenBy, writtenAt: stored.map { Timestamp.format($0.writtenAt) }, submittedBy: stored?.submittedBy,
            submittedAt: stored?.submittedAt.map(Timestamp.format), confirmedBy: stored?.confirmedBy,
            confirmedAt: stored?.confirmedAt.map(Timestamp.format), version: stored?.version ?? 0)
    }

    private func history(_ planId: UUID, _ action: String, from: ReportState?, to: ReportState, _ principal: Principal,
                         on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO report_history (plan_id, action, from_state, to_state, actor, role, acting_for) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [planId, action, from?.rawValue, to.rawValue, principal.personId, principal.role.rawValue, principal.actingFor])
    }

    static func actor(_ principal: Principal) -> ActorPayload {
        ActorPayload(personId: principal.personId, role: principal.role.rawValue, actingFor: principal.actingFor)
    }
}

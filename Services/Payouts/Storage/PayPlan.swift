import Contracts
import Foundation
import Postgres
import ServiceKit

/// A plan as payouts knows it: its approved measures and the facts the release policy needs.
struct PayPlan: Sendable {
    var planId: UUID
    var revision: Int
    var institutionId: UUID
    var studentCode: String
    var semester: String
    var measures: [PlannedMeasurePayload]
    var implementationAllowed: Bool
    var facts: ReleasePolicy.PlanFacts

    var reference: PlanReference {
        PlanReference(planId: planId, revision: revision, studentCode: studentCode, institutionId: institutionId, semester: semester)
    }

    /// Claims may be made: implementation may start and nothing stopped the plan.
    var openForClaims: Bool {
        implementationAllowed && !facts.suspended && !facts.deleted && facts.consent == .onFile
    }

    init(row: PostgresRow) throws {
        planId = try row.decode("plan_id")
        revision = try row.decode("revision")
        institutionId = try row.decode("institution_id")
        studentCode = try row.decode("student_code")
        semester = try row.decode("semester")
        measures = try JSONDecoder().decode([PlannedMeasurePayload].self, from: Data(try row.decode("measures", as: String.self).utf8))
        implementationAllowed = try row.decode("implementation_allowed")
        facts = ReleasePolicy.PlanFacts(fullyApproved: try row.decode("fully_approved"), suspended: try row.decode("suspended"),
                                        deleted: try row.decode("deleted"),
                                        consent: .init(onFile: try row.decode("consent_on_file"), changes: try row.decode("consent_change")))
    }

    /// The plan, locked for the rest of the transaction: claims, releases and voids of one plan
    /// serialise here, whichever instance runs them.
    static func lock(_ planId: UUID, on connection: PostgresConnection) throws -> PayPlan? {
        try connection.query("SELECT * FROM pay_plans WHERE plan_id = $1 FOR UPDATE", [planId]).first.map(PayPlan.init(row:))
    }

    static func find(_ planId: UUID, on connection: PostgresConnection) throws -> PayPlan? {
        try connection.query("SELECT * FROM pay_plans WHERE plan_id = $1", [planId]).first.map(PayPlan.init(row:))
    }

    /// Records a plan revision's measures (older revisions change nothing); `approved` marks it
    /// fully approved, otherwise a new revision waits for its own approval.
    static func upsert(_ plan: PlanReference, measures: [PlannedMeasurePayload], approved: Bool,
                       on connection: PostgresConnection) throws {
        let text = String(decoding: try JSONResponse.encode(measures), as: UTF8.self)
        try connection.execute("""
            INSERT INTO pay_plans (plan_id, revision, institution_id, student_code, semester, measures, implementation_allowed, fully_approved,
                                   consent_on_file, consent_change)
            SELECT $1, $2, $3, $4, $5, $6::jsonb, true, $7,
                   COALESCE(c.on_file, false), COALESCE(c.change, 0)
            FROM (SELECT 1) AS one LEFT JOIN plan_consents c ON c.plan_id = $1
            ON CONFLICT (plan_id) DO UPDATE SET
                measures = EXCLUDED.measures,
                -- The same revision arriving late (competing consumers reorder) never reopens a
                -- plan that was suspended meanwhile; only a new revision (approved again) does.
                implementation_allowed = CASE WHEN EXCLUDED.revision > pay_plans.revision THEN true
                                              ELSE pay_plans.implementation_allowed OR NOT pay_plans.suspended END,
                fully_approved = CASE WHEN EXCLUDED.revision > pay_plans.revision THEN EXCLUDED.fully_approved
                                      ELSE (pay_plans.fully_approved OR EXCLUDED.fully_approved) AND NOT pay_plans.suspended END,
                suspended = CASE WHEN EXCLUDED.revision > pay_plans.revision THEN false ELSE pay_plans.suspended END,
                revision = EXCLUDED.revision, updated_at = now()
            WHERE pay_plans.revision <= EXCLUDED.revision AND NOT pay_plans.deleted
            """, [plan.planId, plan.revision, plan.institutionId, plan.studentCode, plan.semester, text, approved])
    }
}

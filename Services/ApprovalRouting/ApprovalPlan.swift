import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// A plan as approval routing knows it.
struct ApprovalPlan: Sendable {
    var planId: UUID
    var revision: Int
    var institutionId: UUID
    var studentCode: String
    var semester: String
    var preparedBy: UUID?
    var riskCodes: [String]
    var measures: [PlannedMeasurePayload]
    var warnings: [FindingPayload]
    var state: PlanState
    var consentOnFile: Bool
    /// How support was first delivered (`consultation` or `payout`), nil while nothing was.
    var supportDelivered: String?
    var amountPaid: Cents
    var awaitingSince: Date?
    var version: Int

    var reference: PlanReference {
        PlanReference(planId: planId, revision: revision, studentCode: studentCode, institutionId: institutionId, semester: semester)
    }

    init(row: PostgresRow) throws {
        planId = try row.decode("plan_id")
        revision = try row.decode("revision")
        institutionId = try row.decode("institution_id")
        studentCode = try row.decode("student_code")
        semester = try row.decode("semester")
        preparedBy = try row.decode("prepared_by")
        riskCodes = try Self.json([String].self, try row.decode("risk_codes"))
        measures = try Self.json([PlannedMeasurePayload].self, try row.decode("measures"))
        warnings = try Self.json([FindingPayload].self, try row.decode("warnings"))
        state = PlanState(rawValue: try row.decode("state", as: String.self)) ?? .submitted
        consentOnFile = try row.decode("consent_on_file")
        supportDelivered = try row.decode("support_delivered")
        amountPaid = Cents(try row.decode("amount_paid", as: Int64.self))
        awaitingSince = try row.decode("awaiting_since")
        version = try row.decode("version")
    }

    static func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONResponse.encode(value), as: UTF8.self)
    }

    /// The plan, locked for the rest of the transaction (competing deciders queue here).
    static func lock(_ planId: UUID, on connection: PostgresConnection) throws -> ApprovalPlan? {
        try connection.query("SELECT * FROM approval_plans WHERE plan_id = $1 FOR UPDATE", [planId]).first.map(ApprovalPlan.init(row:))
    }

    /// The plan without a lock.
    static func find(_ planId: UUID, on connection: PostgresConnection) throws -> ApprovalPlan? {
        try connection.query("SELECT * FROM approval_plans WHERE plan_id = $1", [planId]).first.map(ApprovalPlan.init(row:))
    }

    /// Stores a new state (and when it started waiting, for awaiting states) and bumps the version.
    static func move(_ plan: ApprovalPlan, to state: PlanState, on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE approval_plans SET state = $2, version = version + 1, updated_at = now(),
                awaiting_since = CASE WHEN $3 THEN now() ELSE NULL END
            WHERE plan_id = $1
            """, [plan.planId, state.rawValue, state.awaitedLevel != nil])
    }
}

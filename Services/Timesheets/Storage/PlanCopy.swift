import Contracts
import Foundation
import Postgres
import ServiceKit

/// A plan as timesheets knows it (from approval's events).
struct PlanCopy: Sendable {
    var planId: UUID
    var revision: Int
    var institutionId: UUID
    var studentCode: String
    var semester: String
    var status: RecordingStatus
    var measures: [PlannedMeasurePayload]
    var version: Int

    var reference: PlanReference {
        PlanReference(planId: planId, revision: revision, studentCode: studentCode, institutionId: institutionId, semester: semester)
    }

    var snapshot: PlanSnapshot { PlanSnapshot(revision: revision, status: status, measures: measures) }

    init(row: PostgresRow) throws {
        planId = try row.decode("plan_id")
        revision = try row.decode("revision")
        institutionId = try row.decode("institution_id")
        studentCode = try row.decode("student_code")
        semester = try row.decode("semester")
        // The column's CHECK allows only the four statuses.
        status = RecordingStatus(rawValue: try row.decode("status", as: String.self)) ?? .closed
        measures = try JSONDecoder().decode([PlannedMeasurePayload].self, from: Data(try row.decode("measures", as: String.self).utf8))
        version = try row.decode("version")
    }

    /// The plan locked for the rest of the transaction: entries of one plan and the events about
    /// it queue here, so hour totals read after the lock are the totals the new entry adds to.
    static func lock(_ planId: UUID, on connection: PostgresConnection) throws -> PlanCopy? {
        try connection.query("SELECT * FROM plans WHERE plan_id = $1 FOR UPDATE", [planId]).first.map(PlanCopy.init(row:))
    }

    /// The plans named, without locks, keyed by id.
    static func references(_ ids: [UUID], on connection: PostgresConnection) throws -> [UUID: PlanReference] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map { $0.uuidString.lowercased() }.joined(separator: ",")
        let rows = try connection.query("SELECT * FROM plans WHERE plan_id = ANY(string_to_array($1, ',')::uuid[])", [list])
        return Dictionary(try rows.map { let plan = try PlanCopy(row: $0); return (plan.planId, plan.reference) }) { first, _ in first }
    }

    /// Stores `snapshot` for `reference` (inserting the plan on its first event) and records the change.
    static func store(_ snapshot: PlanSnapshot, for reference: PlanReference, signal: PlanSignal, previous: PlanSnapshot?,
                      messageId: UUID, on connection: PostgresConnection) throws {
        let measures = String(decoding: try JSONResponse.encode(snapshot.measures), as: UTF8.self)
        if previous == nil {
            // Two first events of one plan at once: the second insert fails and its message is retried.
            try connection.execute("""
                INSERT INTO plans (plan_id, revision, institution_id, student_code, semester, status, measures)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
                """, [reference.planId, snapshot.revision, reference.institutionId, reference.studentCode, reference.semester,
                      snapshot.status.rawValue, measures])
        } else {
            try connection.execute("""
                UPDATE plans SET revision = $2, status = $3, measures = $4::jsonb, student_code = $5, semester = $6,
                    version = version + 1, updated_at = now()
                WHERE plan_id = $1
                """, [reference.planId, snapshot.revision, snapshot.status.rawValue, measures, reference.studentCode, reference.semester])
        }
        try connection.execute("""
            INSERT INTO plan_changes (plan_id, revision, signal, from_status, to_status, message_id) VALUES ($1, $2, $3, $4, $5, $6)
            """, [reference.planId, snapshot.revision, signal.name, previous?.status.rawValue, snapshot.status.rawValue, messageId])
    }
}

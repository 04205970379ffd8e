import Contracts
import Foundation
import Postgres

/// A month's work record as stored.
struct WorkLogRecord: Sendable {
    var id: UUID
    var personId: UUID
    var institutionId: UUID
    var month: String
    var state: WorkLogState
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    /// Who vouched for the record when it was handed in (nil while open, or from before).
    var confirmation: WorkLogConfirmation?
    /// The person who confirmed or attested it.
    var confirmedBy: UUID?

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        personId = try row.decode("person_id")
        institutionId = try row.decode("institution_id")
        month = try row.decode("month")
        // The column's CHECK allows only the four states.
        state = WorkLogState(rawValue: try row.decode("state", as: String.self)) ?? .submitted
        version = try row.decode("version")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        confirmation = try row.decode("confirmation", as: String?.self).flatMap(WorkLogConfirmation.init(rawValue:))
        confirmedBy = try row.decode("confirmed_by")
    }

    /// The record, locked for the rest of the transaction (commands and entry changes queue here).
    static func lock(_ id: UUID, on connection: PostgresConnection) throws -> WorkLogRecord? {
        try connection.query("SELECT * FROM work_logs WHERE id = $1 FOR UPDATE", [id]).first.map(WorkLogRecord.init(row:))
    }

    /// The record without a lock.
    static func find(_ id: UUID, on connection: PostgresConnection) throws -> WorkLogRecord? {
        try connection.query("SELECT * FROM work_logs WHERE id = $1", [id]).first.map(WorkLogRecord.init(row:))
    }

    /// The person's record for the month at the institution, created open on the first entry, locked.
    static func lockOrCreate(person: UUID, institution: UUID, month: WorkMonth, on connection: PostgresConnection) throws -> WorkLogRecord {
        // A concurrent first entry of the same month waits on the unique key, then finds this row.
        try connection.execute("""
            INSERT INTO work_logs (id, person_id, institution_id, month) VALUES ($1, $2, $3, $4)
            ON CONFLICT (person_id, institution_id, month) DO NOTHING
            """, [UUID.timeOrdered(), person, institution, month.description])
        return try WorkLogRecord(row: try connection.query("""
            SELECT * FROM work_logs WHERE person_id = $1 AND institution_id = $2 AND month = $3 FOR UPDATE
            """, [person, institution, month.description]).single())
    }

    /// Marks a change of the record's content (an entry added or withdrawn): a new version.
    static func touch(_ id: UUID, on connection: PostgresConnection) throws -> Int {
        try connection.query("UPDATE work_logs SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version", [id])
            .single().decode("version", as: Int.self)
    }

    /// Moves the record to `state`, bumps the version and keeps the transition in the history; the record as stored now.
    static func move(_ record: WorkLogRecord, to state: WorkLogState, command: WorkLogCommand, actor: ActorPayload,
                     on connection: PostgresConnection) throws -> WorkLogRecord {
        // Handing it in says who vouched for it (the person, or the coordinator who attested it).
        let confirmation: WorkLogConfirmation? = switch command {
        case .submit: .person
        case .attest: .coordinator
        default: nil
        }
        let moved = try WorkLogRecord(row: try connection.query("""
            UPDATE work_logs SET state = $2, version = version + 1, updated_at = now(),
                confirmation = COALESCE($3, confirmation), confirmed_by = CASE WHEN $3::text IS NULL THEN confirmed_by ELSE $4 END,
                confirmed_at = CASE WHEN $3::text IS NULL THEN confirmed_at ELSE now() END
            WHERE id = $1 RETURNING *
            """, [record.id, state.rawValue, confirmation?.rawValue, actor.personId]).single())
        try connection.execute("""
            INSERT INTO work_log_transitions (work_log_id, command, from_state, to_state, actor, role, comment)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [record.id, command.name, record.state.rawValue, state.rawValue, actor.personId, actor.role, command.comment])
        return moved
    }

    /// The record's entries as the totals need them.
    static func work(of id: UUID, on connection: PostgresConnection) throws -> [RecordedWork] {
        try connection.query("""
            SELECT e.plan_id, e.measure_id, e.role, e.provider_type, e.subject, e.minutes, e.withdrawn_at IS NOT NULL AS withdrawn,
                   c.hourly_rate_cents
            FROM entries e LEFT JOIN staff_contracts c ON c.id = e.contract_id WHERE e.work_log_id = $1
            """, [id]).map { row in
                RecordedWork(planId: try row.decode("plan_id"), measureId: try row.decode("measure_id"),
                             role: EntryRole(rawValue: try row.decode("role", as: String.self)) ?? .specialist,
                             providerType: try row.decode("provider_type"), subject: try row.decode("subject"),
                             minutes: try row.decode("minutes"), withdrawn: try row.decode("withdrawn"),
                             hourlyRateCents: try row.decode("hourly_rate_cents"))
            }
    }
}

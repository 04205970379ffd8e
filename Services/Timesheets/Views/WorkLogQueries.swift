import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Filters of `GET /timesheets/worklogs`.
struct WorkLogFilter: Sendable {
    var month: WorkMonth?
    var state: WorkLogState?
    var personId: UUID?
}

/// Reads of work records and entries, limited to what the caller may see (`WorkLogAccess`):
/// anything else is reported exactly like something that does not exist.
struct WorkLogQueries: Sendable {
    let settings: ProgrammeSettings

    func page(for principal: Principal, filter: WorkLogFilter, page: Pagination, on connection: PostgresConnection) throws -> Page<WorkLogSummary> {
        var (condition, parameters) = ScopeFacts.workLogCondition(principal, parameterOffset: 0)
        func add(_ clause: String, _ value: any PostgresBindable) {
            parameters.append(value)
            condition += " AND " + clause.replacingOccurrences(of: "$?", with: "$\(parameters.count)")
        }
        if let month = filter.month { add("w.month = $?", month.description) }
        if let state = filter.state { add("w.state = $?", state.rawValue) }
        if let person = filter.personId { add("w.person_id = $?", person) }
        let rows = try connection.query("""
            SELECT w.*, (SELECT coalesce(sum(e.minutes), 0)::int8 FROM entries e WHERE e.work_log_id = w.id AND e.withdrawn_at IS NULL) AS total_minutes,
                   count(*) OVER () AS total
            FROM work_logs w LEFT JOIN replica_institutions i ON i.id = w.institution_id
            WHERE \(condition)
            ORDER BY w.month DESC, w.updated_at DESC, w.id LIMIT \(page.limit) OFFSET \(page.offset)
            """, parameters)
        let items = try rows.map { WorkLogSummary(try WorkLogRecord(row: $0), totalMinutes: try $0.decode("total_minutes")) }
        return Page(items: items, total: try rows.first?.decode("total", as: Int.self) ?? 0, limit: page.limit, offset: page.offset)
    }

    /// The record with its entries, totals, the weekly warnings of its plans in the weeks
    /// touching the month, and its history.
    func detail(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> WorkLogDetail {
        guard let record = try visible(id, for: principal, on: connection) else {
            throw Refusal.notFound("workLogId", "worklog.unknown", lv: "Darba uzskaite nav atrasta.", en: "Work record not found.")
        }
        let entries = try connection.query("""
            SELECT \(EntryView.columns) FROM entries e JOIN plans p ON p.plan_id = e.plan_id
            WHERE e.work_log_id = $1 ORDER BY e.work_date, e.recorded_at, e.id
            """, [id]).map(EntryView.init(row:))
        let work = try WorkLogRecord.work(of: id, on: connection)
        let plans = try PlanCopy.references(Array(Set(work.map(\.planId))), on: connection)
        var warnings: [WeeklyWarning] = []
        if let month = WorkMonth(text: record.month) {
            let weeks = month.weekStarts
            let consultationPlans = Set(work.filter { $0.role == .specialist && !$0.withdrawn }.map(\.planId))
            for plan in consultationPlans.sorted(by: { $0.uuidString < $1.uuidString }) {
                warnings += WeeklyWarnings.of(plan: plan, sessions: try EntryRecorder.sessions(of: plan, around: weeks, on: connection),
                                              weeks: Set(weeks), settings: settings)
            }
        }
        let history = try connection.query("""
            SELECT command, from_state, to_state, actor, role, comment, at FROM work_log_transitions WHERE work_log_id = $1 ORDER BY id
            """, [id]).map { row in
                TransitionView(command: try row.decode("command"), from: try row.decode("from_state"), to: try row.decode("to_state"),
                               by: try row.decode("actor"), role: try row.decode("role"), comment: try row.decode("comment"),
                               at: Timestamp.format(try row.decode("at", as: Date.self)))
            }
        return WorkLogDetail(workLog: WorkLogSummary(record, totalMinutes: work.filter { !$0.withdrawn }.reduce(0) { $0 + $1.minutes }),
                             entries: entries, totals: WorkLogLines.lines(work, plans: plans).map(WorkLogTotal.init),
                             weeklyWarnings: warnings, history: history)
    }

    /// One entry, if its record is visible to the caller.
    func entry(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> EntryView {
        guard let row = try connection.query("SELECT work_log_id FROM entries WHERE id = $1", [id]).first,
              try visible(try row.decode("work_log_id"), for: principal, on: connection) != nil else {
            throw Refusal.notFound("entryId", "entry.unknown", lv: "Ieraksts nav atrasts.", en: "Entry not found.")
        }
        return try EntryRecorder.view(id, on: connection)
    }

    func visible(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> WorkLogRecord? {
        guard let record = try WorkLogRecord.find(id, on: connection),
              let facts = try ScopeFacts.of(record.institutionId, for: principal, on: connection),
              WorkLogAccess.canSee(owner: record.personId, institution: facts, by: principal) else { return nil }
        return record
    }
}

import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// Filters of `GET /plans`.
struct PlanFilter: Sendable {
    var semester: SemesterRef?
    var status: PlanState?
    var institutionId: UUID?
    var risk: RiskCode?
    var sort: PlanSort = .updated
}

/// The order of a plan list (`sort` query parameter); the id breaks ties, so pages never overlap.
enum PlanSort: String, Sendable, CaseIterable {
    /// Most recently changed first (the default).
    case updated
    /// By the student's pseudonymous code.
    case student
    /// Latest semester first.
    case semester
    /// By status code.
    case status

    /// The `ORDER BY` list (fixed text per case: nothing from the request reaches the SQL).
    var orderBy: String {
        switch self {
        case .updated: "p.updated_at DESC, p.id"
        case .student: "s.student_code, p.id"
        case .semester: "p.school_year DESC, p.semester DESC, p.updated_at DESC, p.id"
        case .status: "p.status, p.updated_at DESC, p.id"
        }
    }
}

/// Reading plans: one plan in full, or a filtered page of summaries, always inside the caller's
/// scope. Reads of plan content are audited (it is personal data about a student).
struct PlanQueries: Sendable {
    let documents = DocumentStore()

    func view(planId: UUID, for principal: Principal, correlationId: UUID, on connection: PostgresConnection) throws -> PlanView {
        let record = try PlanAccess.load(planId, for: principal, on: connection)
        try Audit.record(actor: principal, action: "plan.read", subject: "plan:\(planId.lowercased)",
                         correlationId: correlationId, on: connection)
        return try view(of: record, on: connection)
    }

    func view(of record: PlanRecord, on connection: PostgresConnection) throws -> PlanView {
        let history = try connection.query("""
            SELECT from_status, to_status, at, actor, reason FROM plan_history WHERE plan_id = $1 ORDER BY id
            """, [record.id]).map { row in
                HistoryView(from: try row.decode("from_status"), to: try row.decode("to_status"),
                            at: DocumentStore.timestamp(try row.decode("at", as: Date.self)), actor: try row.decode("actor"),
                            reason: try row.decode("reason"))
            }
        return PlanView(id: record.id, institutionId: record.institutionId, studentCode: record.studentCode,
                        semester: record.semesterText, status: StatusView(record.status), revision: record.revision,
                        editable: record.isEditable, content: record.content, esfDeclarations: record.esfDeclarations,
                        findings: record.findings, statusNote: record.statusNote,
                        implementationMayStart: record.implementationMayStart, copiedFrom: record.copiedFrom,
                        consent: try ConsentRecords.latest(planId: record.id, on: connection),
                        documents: try documents.list(planId: record.id, on: connection), history: history)
    }

    func list(_ filter: PlanFilter, page: Pagination, for principal: Principal, correlationId: UUID,
              on connection: PostgresConnection) throws -> Page<PlanSummaryView> {
        var (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "p.institution_id", parameterOffset: 0)
        func add(_ clause: String, _ value: any PostgresBindable) {
            parameters.append(value)
            condition += " AND " + clause.replacingOccurrences(of: "$?", with: "$\(parameters.count)")
        }
        if let semester = filter.semester {
            add("p.school_year = $?", semester.schoolYear)
            add("p.semester = $?", semester.number.rawValue)
        }
        if let status = filter.status { add("p.status = $?", status.rawValue) }
        if let institutionId = filter.institutionId { add("p.institution_id = $?", institutionId) }
        if let risk = filter.risk { add("p.content -> 'risks' @> $?::jsonb", #"[{"code":"\#(risk.rawValue)"}]"#) }
        let rows = try connection.query("""
            SELECT p.id, p.institution_id, s.student_code, p.school_year, p.semester, p.status, p.revision, p.updated_at,
                   COALESCE((SELECT jsonb_agg(r -> 'code') FROM jsonb_array_elements(p.content -> 'risks') r), '[]')::text AS risk_codes,
                   count(*) OVER () AS total
            FROM plans p JOIN students s ON s.id = p.student_id JOIN institutions i ON i.id = p.institution_id
            WHERE \(condition)
            ORDER BY \(filter.sort.orderBy) LIMIT \(page.limit) OFFSET \(page.offset)
            """, parameters)
        try Audit.record(actor: principal, action: "plan.list", subject: "plans", correlationId: correlationId, on: connection)
        let items = try rows.map { row in
            let semester = SemesterRef(schoolYear: try row.decode("school_year"),
                                       number: SemesterNumber(rawValue: try row.decode("semester", as: Int.self)) ?? .first)
            return PlanSummaryView(id: try row.decode("id"), institutionId: try row.decode("institution_id"),
                                   studentCode: try row.decode("student_code"), semester: semester.code,
                                   status: StatusView(PlanState(rawValue: try row.decode("status", as: String.self)) ?? .draft),
                                   revision: try row.decode("revision"),
                                   riskCodes: try PlanRecord.decodeJSON([String].self, try row.decode("risk_codes", as: String.self)),
                                   updatedAt: DocumentStore.timestamp(try row.decode("updated_at", as: Date.self)))
        }
        return Page(items: items, total: try rows.first?.decode("total", as: Int.self) ?? 0, limit: page.limit, offset: page.offset)
    }
}

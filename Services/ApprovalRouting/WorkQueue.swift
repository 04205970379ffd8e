import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Filters of `GET /approvals/queue`.
struct QueueFilter: Sendable {
    var institutionId: UUID?
    var municipalityId: UUID?
    var semester: String?
    /// `true`: only plans with validation warnings; `false`: only plans without.
    var withWarnings: Bool?
    /// Only plans naming this risk code.
    var riskCode: String?
    /// Only plans with a measure of this type.
    var measureType: String?
    /// Only plans waiting at least this many days (the age of the wait).
    var minWaitingDays: Int?
}

/// One plan waiting for a decision, as an approver sees it (no personal code: the pseudonym only).
struct QueueItem: Codable, Sendable {
    var planId: UUID
    var revision: Int
    var institutionId: UUID
    var institutionName: String
    var municipalityId: UUID?
    var studentCode: String
    var semester: String
    var state: String
    var level: String
    var waitingSince: String?
    var waitingDays: Int
    var riskCodes: [String]
    var warnings: [FindingPayload]
    /// Consent on file now (it may be pending while the plan is approved; it gates implementation).
    var consentOnFile: Bool
    var version: Int
    /// `reminder` or `escalation` when the sweep raised one for this revision at this level (the later stage wins).
    var overdue: String?
}

/// The approver's work: plans waiting at the level their role decides, in their scope, oldest first.
struct WorkQueue: Sendable {
    static func level(for role: Role) -> PlanState? {
        switch role {
        case .institutionHead: .awaitingInstitutionHead
        case .municipalityCoordinator: .awaitingMunicipality
        case .ikvdExpert: .awaitingIKVD
        default: nil
        }
    }

    func page(for rights: Principal, filter: QueueFilter, page: Pagination, on connection: PostgresConnection) throws -> Page<QueueItem> {
        guard let state = Self.level(for: rights.role) else { return Page(items: [], total: 0, limit: page.limit, offset: page.offset) }
        var (condition, parameters) = ScopeSQL.condition(rights, institutionColumn: "i.id", parameterOffset: 0)
        func add(_ clause: String, _ value: any PostgresBindable) {
            parameters.append(value)
            condition += " AND " + clause.replacingOccurrences(of: "$?", with: "$\(parameters.count)")
        }
        add("p.state = $?", state.rawValue)
        if let id = filter.institutionId { add("p.institution_id = $?", id) }
        if let id = filter.municipalityId { add("i.municipality_id = $?", id) }
        if let semester = filter.semester { add("p.semester = $?", semester) }
        if let warnings = filter.withWarnings { condition += warnings ? " AND jsonb_array_length(p.warnings) > 0" : " AND jsonb_array_length(p.warnings) = 0" }
        if let risk = filter.riskCode { add("p.risk_codes @> jsonb_build_array($?::text)", risk) }
        if let type = filter.measureType { add("p.measures @> jsonb_build_array(jsonb_build_object('type', $?::text))", type) }
        if let days = filter.minWaitingDays { add("p.awaiting_since <= now() - make_interval(days => $?::int)", days) }
        parameters.append(state.awaitedLevel?.rawValue ?? "")
        let level = "$\(parameters.count)"
        let rows = try connection.query("""
            SELECT p.*, i.name AS institution_name, i.municipality_id AS i_municipality_id,
                   floor(extract(epoch FROM (now() - p.awaiting_since)) / 86400)::int AS waiting_days, count(*) OVER () AS total,
                   (SELECT CASE WHEN bool_or(r.stage = 'escalation') THEN 'escalation' WHEN count(*) > 0 THEN 'reminder' END
                    FROM reminders r WHERE r.plan_id = p.plan_id AND r.revision = p.revision AND r.level = \(level)) AS overdue
            FROM approval_plans p JOIN replica_institutions i ON i.id = p.institution_id
            WHERE \(condition)
            ORDER BY p.awaiting_since, p.plan_id LIMIT \(page.limit) OFFSET \(page.offset)
            """, parameters)
        let items = try rows.map { row in
            let plan = try ApprovalPlan(row: row)
            return QueueItem(planId: plan.planId, revision: plan.revision, institutionId: plan.institutionId,
                             institutionName: try row.decode("institution_name"), municipalityId: try row.decode("i_municipality_id"),
                             studentCode: plan.studentCode, semester: plan.semester, state: plan.state.rawValue,
                             level: plan.state.awaitedLevel?.rawValue ?? "", waitingSince: plan.awaitingSince.map(Timestamp.format),
                             waitingDays: try row.decode("waiting_days", as: Int?.self) ?? 0, riskCodes: plan.riskCodes,
                             warnings: plan.warnings, consentOnFile: plan.consentOnFile, version: plan.version,
                             overdue: try row.decode("overdue", as: String?.self))
        }
        return Page(items: items, total: try rows.first?.decode("total", as: Int.self) ?? 0, limit: page.limit, offset: page.offset)
    }
}

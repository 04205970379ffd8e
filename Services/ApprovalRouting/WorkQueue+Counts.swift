import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// Plans in one state, and how long those waiting for a decision have waited.
struct StateCount: Codable, Sendable {
    var state: String
    var count: Int
    /// For the awaiting states: the longest and the average wait, in whole days.
    var oldestWaitingDays: Int?
    var averageWaitingDays: Int?
}

/// One institution in the approver's scope: its plans per state.
struct InstitutionCounts: Codable, Sendable {
    var institutionId: UUID
    var institutionName: String
    var byState: [StateCount]
}

/// `GET /approvals/queue/counts`: the approver's whole scope at a glance (issue #20): plans per
/// state, the waiting times, reminders and escalations raised on the plans waiting for this
/// approver, and the same per institution (the coordinator's overview).
struct QueueCounts: Codable, Sendable {
    var byState: [StateCount]
    var institutions: [InstitutionCounts]
    /// Plans waiting for this approver on which the sweep raised a reminder (and not an escalation), and an escalation.
    var reminders: Int
    var escalations: Int
}

extension WorkQueue {
    func counts(for rights: Principal, filter: QueueFilter, on connection: PostgresConnection) throws -> QueueCounts {
        // Approvers count what waits at their level; the VPII coordinator oversees their VPII's plans
        // (not an approval level: reminders and escalations at every level the plans wait at).
        let mine = Self.level(for: rights.role)
        guard mine != nil || rights.role == .vpiiCoordinator else { return QueueCounts(byState: [], institutions: [], reminders: 0, escalations: 0) }
        var (condition, parameters) = ScopeSQL.condition(rights, institutionColumn: "i.id", parameterOffset: 0)
        func add(_ clause: String, _ value: any PostgresBindable) {
            parameters.append(value)
            condition += " AND " + clause.replacingOccurrences(of: "$?", with: "$\(parameters.count)")
        }
        if let id = filter.institutionId { add("p.institution_id = $?", id) }
        if let id = filter.municipalityId { add("i.municipality_id = $?", id) }
        if let semester = filter.semester { add("p.semester = $?", semester) }
        let rows = try connection.query("""
            SELECT p.institution_id, i.name, p.state, count(*)::int AS plans,
                   max(floor(extract(epoch FROM (now() - p.awaiting_since)) / 86400))::int AS oldest,
                   round(avg(extract(epoch FROM (now() - p.awaiting_since)) / 86400))::int AS average
            FROM approval_plans p JOIN replica_institutions i ON i.id = p.institution_id
            WHERE \(condition)
            GROUP BY p.institution_id, i.name, p.state ORDER BY i.name, p.institution_id, p.state
            """, parameters)
        var institutions: [InstitutionCounts] = []
        var totals: [String: (count: Int, oldest: Int?, weighted: Int, waiting: Int)] = [:]
        for row in rows {
            let id: UUID = try row.decode("institution_id")
            let state: String = try row.decode("state")
            let awaiting = PlanState(rawValue: state)?.awaitedLevel != nil
            let count = StateCount(state: state, count: try row.decode("plans"),
                                   oldestWaitingDays: awaiting ? try row.decode("oldest", as: Int?.self) : nil,
                                   averageWaitingDays: awaiting ? try row.decode("average", as: Int?.self) : nil)
            if institutions.last?.institutionId != id {
                institutions.append(InstitutionCounts(institutionId: id, institutionName: try row.decode("name"), byState: []))
            }
            institutions[institutions.count - 1].byState.append(count)
            var total = totals[state] ?? (0, nil, 0, 0)
            total.count += count.count
            if let oldest = count.oldestWaitingDays { total.oldest = max(total.oldest ?? 0, oldest) }
            if let average = count.averageWaitingDays { total.weighted += average * count.count; total.waiting += count.count }
            totals[state] = total
        }
        // States in the lifecycle's order, so every page lists them the same way.
        let byState = PlanState.allCases.compactMap { state -> StateCount? in
            guard let total = totals[state.rawValue] else { return nil }
            return StateCount(state: state.rawValue, count: total.count, oldestWaitingDays: total.oldest,
                              averageWaitingDays: total.waiting > 0 ? Int((Double(total.weighted) / Double(total.waiting)).rounded()) : nil)
        }
        let waiting = mine.map { [$0] } ?? PlanState.allCases.filter { $0.awaitedLevel != nil }
        parameters.append(waiting.map(\.rawValue).joined(separator: ","))
        let statesParameter = "$\(parameters.count)"
        let overdue = try connection.query("""
            SELECT count(*) FILTER (WHERE stage = 'escalation')::int AS escalations,
                   count(*) FILTER (WHERE stage = 'reminder')::int AS reminders
            FROM (SELECT (SELECT CASE WHEN bool_or(r.stage = 'escalation') THEN 'escalation' WHEN count(*) > 0 THEN 'reminder' END
                          FROM reminders r WHERE r.plan_id = p.plan_id AND r.revision = p.revision
                            AND r.level = CASE p.state WHEN 'awaiting_institution_head' THEN 'institution_head'
                                                       WHEN 'awaiting_municipality' THEN 'municipality' ELSE 'ikvd' END) AS stage
                  FROM approval_plans p JOIN replica_institutions i ON i.id = p.institution_id
                  WHERE \(condition) AND p.state = ANY(string_to_array(\(statesParameter), ','))) waiting
            """, parameters).first
        return QueueCounts(byState: byState, institutions: institutions, reminders: try overdue?.decode("reminders", as: Int.self) ?? 0,
                           escalations: try overdue?.decode("escalations", as: Int.self) ?? 0)
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// The emergencies as IKVD reads them: the list, and one with its per-plan results. An expert
/// with a regional scope sees every period but only the plans of their region (nobody sees a
/// plan outside their scope).
extension Emergencies {
    /// Who may read emergencies.
    static let readers: Set<Role> = [.ikvdAdmin, .ikvdExpert]

    /// Every emergency, newest first.
    func list(on connection: PostgresConnection) throws -> [EmergencyView] {
        try connection.query("SELECT id FROM emergencies ORDER BY starts_on DESC, id DESC LIMIT 200")
            .map { try view(try $0.decode("id", as: UUID.self), on: connection) }
    }

    /// One emergency and a page of its results (pauses first, then resumes), limited to the caller's scope.
    func detail(_ id: UUID, for principal: Principal, page: Pagination, on connection: PostgresConnection) throws -> EmergencyDetail {
        let emergency = try view(id, on: connection)
        let (condition, parameters) = ScopeSQL.condition(principal, institutionColumn: "p.institution_id", parameterOffset: 1)
        let from = """
            FROM emergency_plan_results r JOIN approval_plans p ON p.plan_id = r.plan_id
            JOIN replica_institutions i ON i.id = p.institution_id WHERE r.emergency_id = $1 AND \(condition)
            """
        let total = try connection.query("SELECT count(*)::int8 AS n \(from)", [id] + parameters).single().decode("n", as: Int.self)
        let n = parameters.count + 1
        let results = try connection.query("""
            SELECT r.plan_id, p.student_code, p.institution_id, r.region, r.action, r.state, r.outcome, r.at \(from)
            ORDER BY r.action DESC, r.plan_id LIMIT $\(n + 1) OFFSET $\(n + 2)
            """, [id] + parameters + [page.limit, page.offset]).map { row in
                EmergencyPlanResult(planId: try row.decode("plan_id"), studentCode: try row.decode("student_code"),
                                    institutionId: try row.decode("institution_id"), region: try row.decode("region"),
                                    action: try row.decode("action"), state: try row.decode("state"), outcome: try row.decode("outcome"),
                                    at: Timestamp.format(try row.decode("at", as: Date.self)))
            }
        return EmergencyDetail(emergency: emergency, results: results, total: total)
    }

    func view(_ id: UUID, on connection: PostgresConnection) throws -> EmergencyView {
        guard let row = try connection.query("""
            SELECT id, name, reason, starts_on::text AS s, ends_on::text AS e, scope_kind, scope_region, scope_municipality,
                   home_meals_from::text AS hm, home_meals_lowest_grade, home_meals_highest_grade, home_meals_plan_semester,
                   declared_by, declared_at, ended_by, ended_at
            FROM emergencies WHERE id = $1
            """, [id]).first else { throw CommonProblems.notFound("Ārkārtējā situācija / Emergency") }
        var paused: [String: Int] = [:], resumed: [String: Int] = [:]
        for count in try connection.query("""
            SELECT action, outcome, count(*)::int8 AS n FROM emergency_plan_results WHERE emergency_id = $1 GROUP BY action, outcome
            """, [id]) {
            let action: String = try count.decode("action")
            if action == "pause" { paused[try count.decode("outcome")] = try count.decode("n") } else { resumed[try count.decode("outcome")] = try count.decode("n") }
        }
        return EmergencyView(
            id: try row.decode("id"), name: try row.decode("name"), reason: try row.decode("reason"), startsOn: try row.decode("s"),
            endsOn: try row.decode("e"),
            scope: EmergencyScopePayload(kind: try row.decode("scope_kind"), region: try row.decode("scope_region"),
                                         municipalityId: try row.decode("scope_municipality")),
            homeMealsFrom: try row.decode("hm"), homeMealsLowestGrade: try row.decode("home_meals_lowest_grade"),
            homeMealsHighestGrade: try row.decode("home_meals_highest_grade"), homeMealsPlanSemester: try row.decode("home_meals_plan_semester"),
            declaredBy: try row.decode("declared_by"), declaredAt: Timestamp.format(try row.decode("declared_at", as: Date.self)),
            endedBy: try row.decode("ended_by"), endedAt: (try row.decode("ended_at", as: Date?.self)).map(Timestamp.format),
            paused: paused, resumed: resumed)
    }
}

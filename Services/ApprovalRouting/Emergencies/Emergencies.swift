import Auth
import Contracts
import Foundation
import HTTPTypes
import Postgres
import Rules
import ServiceKit

/// Emergency periods (seed 004): IKVD declares one and every plan in scope gets a result at once;
/// ending it gives every paused plan a second result. The decision per plan is the rules' pure
/// ``EmergencyPause`` (why a pause and not a suspension is explained there); this type gathers
/// the plans under a share lock, stores one row per plan and publishes the period through the
/// outbox, all in the caller's transaction, so a failure leaves nothing half-declared and a
/// retry starts clean. Nothing is deleted: an ended emergency keeps its rows.
struct Emergencies: Sendable {
    let settings: ProgrammeSettings
    let today: @Sendable () -> CalendarDate?

    /// Only IKVD with national reach declares or ends an emergency.
    static func requireDeclarer(_ principal: Principal) throws {
        guard principal.role == .ikvdAdmin || (principal.role == .ikvdExpert && principal.scope == .national) else {
            throw ProblemDetails(status: .forbidden, type: "urn:pumpurs:problem:role-not-allowed", title: "Loma nav atļauta / Role not allowed",
                                 errors: [.init(field: "role", rule: "emergency.declarer",
                                                message: "Ārkārtējo situāciju var izsludināt un beigt tikai IKVD administrators vai IKVD eksperts ar valsts mēroga tiesībām.",
                                                messageEn: "Only an IKVD administrator or an IKVD expert with national scope may declare or end an emergency.")])
        }
    }

    /// Declares the period and pauses every live plan in scope.
    func declare(_ input: NewEmergency, by principal: Principal, outbox: OutboxWriter, page: Pagination,
                 on connection: PostgresConnection) throws -> EmergencyDetail {
        try Self.requireDeclarer(principal)
        let period = try input.period(settings: settings)
        if case .municipality(let id) = period.scope,
           try connection.query("SELECT 1 FROM replica_municipalities WHERE id = $1::uuid", [id]).first == nil {
            throw CommonProblems.invalidField("scope.municipalityId", "emergency.municipality_unknown", lv: "Pašvaldība nav atrasta.",
                                              en: "Municipality not found.")
        }
        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO emergencies (id, name, reason, starts_on, ends_on, scope_kind, scope_region, scope_municipality, home_meals_from,
                                     home_meals_lowest_grade, home_meals_highest_grade, home_meals_plan_semester, declared_by, declared_role)
            VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8::uuid, $9::date, $10, $11, $12, $13, $14)
            """, [id, input.name, input.reason, period.start.iso, period.end?.iso, period.scope.kind, period.scope.kind == "region" ? period.scope.value : nil,
                  period.scope.kind == "municipality" ? period.scope.value : nil, period.terms.homeMealsFrom?.iso,
                  period.terms.homeMealsLowestGrade, period.terms.homeMealsHighestGrade, period.terms.homeMealsPlanSemester,
                  principal.personId, principal.role.rawValue])
        let (condition, parameters) = Self.scopeCondition(period.scope)
        // A share lock: decisions on these plans wait until the results are stored, so each row
        // tells the state the plan really had when the emergency began.
        let plans = try connection.query("""
            SELECT p.plan_id, p.state, i.region FROM approval_plans p JOIN replica_institutions i ON i.id = p.institution_id
            WHERE \(condition) ORDER BY p.plan_id FOR SHARE OF p
            """, parameters).map { row in
                (try row.decode("plan_id", as: UUID.self), PlanState(rawValue: try row.decode("state", as: String.self)) ?? .draft,
                 try row.decode("region", as: String.self))
            }
        let results = plans.map { (id: $0.0, state: $0.1, region: $0.2, outcome: EmergencyPause.pause($0.1).rawValue) }
        try Self.store(results, emergency: id, action: "pause", on: connection)
        var byRegion: [String: Int] = [:]
        for result in results where result.outcome == EmergencyPause.Outcome.paused.rawValue { byRegion[result.region, default: 0] += 1 }
        try outbox.enqueue(EmergencyDeclared(
            emergencyId: id, name: input.name, startsOn: period.start.iso, endsOn: period.end?.iso,
            scope: Self.payload(period.scope), homeMealsFrom: period.terms.homeMealsFrom?.iso,
            homeMealsLowestGrade: period.terms.homeMealsLowestGrade, homeMealsHighestGrade: period.terms.homeMealsHighestGrade,
            homeMealsPlanSemester: period.terms.homeMealsPlanSemester,
            declaredBy: ActorPayload(personId: principal.personId, role: principal.role.rawValue),
            pausedByRegion: byRegion.sorted { $0.key < $1.key }.map { EmergencyRegionCount(region: $0.key, paused: $0.value) }), on: connection)
        return try detail(id, for: principal, page: page, on: connection)
    }

    /// Ends the period: every plan it paused carries on where it is (no approval again), except
    /// those suspended individually meanwhile. Ending twice is 409 with the first end.
    func end(_ id: UUID, _ input: EndEmergency, by principal: Principal, outbox: OutboxWriter, page: Pagination,
             on connection: PostgresConnection) throws -> EmergencyDetail {
        try Self.requireDeclarer(principal)
        guard let row = try connection.query("""
            SELECT starts_on::text AS s, ends_on::text AS e, ended_at FROM emergencies WHERE id = $1 FOR UPDATE
            """, [id]).first, let start = CalendarDate(iso: try row.decode("s")) else {
            throw CommonProblems.notFound("Ārkārtējā situācija / Emergency")
        }
        if let endedAt = try row.decode("ended_at", as: Date?.self) {
            throw ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:emergency-ended", title: "Jau beigusies / Already ended",
                                 errors: [.init(field: "state", rule: "emergency.already_ended",
                                                message: "Ārkārtējā situācija jau ir beigusies (\(Timestamp.format(endedAt))).",
                                                messageEn: "The emergency has already ended (\(Timestamp.format(endedAt))).")])
        }
        let declaredEnd = (try row.decode("e", as: String?.self)).flatMap(CalendarDate.init(iso:))
        guard let last = input.endsOn ?? declaredEnd ?? today() else {
            throw CommonProblems.clockUnavailable
        }
        guard last >= start else {
            throw CommonProblems.invalidField("endsOn", "emergency.range", lv: "Beigu datums ir pirms sākuma datuma.",
                                              en: "The end date is before the start date.")
        }
        let plans = try connection.query("""
            SELECT p.plan_id, p.state, r.region FROM emergency_plan_results r JOIN approval_plans p ON p.plan_id = r.plan_id
            WHERE r.emergency_id = $1 AND r.action = 'pause' AND r.outcome = 'paused' ORDER BY p.plan_id FOR SHARE OF p
            """, [id]).map { row in
                let state = PlanState(rawValue: try row.decode("state", as: String.self)) ?? .draft
                return (id: try row.decode("plan_id", as: UUID.self), state: state, region: try row.decode("region", as: String.self),
                        outcome: EmergencyPause.resume(state).rawValue)
            }
        try Self.store(plans, emergency: id, action: "resume", on: connection)
        try connection.execute("UPDATE emergencies SET ends_on = $2::date, ended_by = $3, ended_at = now(), end_comment = $4 WHERE id = $1",
                               [id, last.iso, principal.personId, input.comment])
        try outbox.enqueue(EmergencyEnded(emergencyId: id, endsOn: last.iso,
                                          endedBy: ActorPayload(personId: principal.personId, role: principal.role.rawValue),
                                          resumedPlans: plans.count { $0.outcome == EmergencyPause.ResumeOutcome.resumed.rawValue },
                                          staysSuspended: plans.count { $0.outcome == EmergencyPause.ResumeOutcome.staysSuspended.rawValue }),
                           on: connection)
        return try detail(id, for: principal, page: page, on: connection)
    }

    /// Result rows in bounded statements (500 plans each), so 11,000 plans never make one huge query.
    static func store(_ results: [(id: UUID, state: PlanState, region: String, outcome: String)], emergency: UUID, action: String,
                      on connection: PostgresConnection) throws {
        var start = 0
        while start < results.count {
            let chunk = results[start..<min(start + 500, results.count)]
            var values: [String] = []
            var parameters: [any PostgresBindable] = [emergency, action]
            for result in chunk {
                let n = parameters.count
                values.append("($1, $2, $\(n + 1), $\(n + 2), $\(n + 3), $\(n + 4))")
                parameters += [result.id, result.state.rawValue, result.outcome, result.region]
            }
            try connection.execute("""
                INSERT INTO emergency_plan_results (emergency_id, action, plan_id, state, outcome, region) VALUES \(values.joined(separator: ", "))
                """, parameters)
            start += 500
        }
    }

    static func scopeCondition(_ scope: EmergencyScope) -> (String, [any PostgresBindable]) {
        switch scope {
        case .national: ("TRUE", [])
        case .region(let name): ("i.region = $1", [name])
        case .municipality(let id): ("i.municipality_id = $1::uuid", [id])
        }
    }

    static func payload(_ scope: EmergencyScope) -> EmergencyScopePayload {
        switch scope {
        case .national: EmergencyScopePayload(kind: "national")
        case .region(let name): EmergencyScopePayload(kind: "region", region: name)
        case .municipality(let id): EmergencyScopePayload(kind: "municipality", municipalityId: UUID(uuidString: id))
        }
    }
}

import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// A plan as the report needs it: reporting's copy (current revision), its risks, measures and
/// what was delivered and paid on it.
struct ReportPlan: Sendable {
    var reference: PlanReference
    var status: PlanState
    var riskCodes: [String]
    var planned: [ReportFigures.Planned]

    /// The plan if reporting knows it and `principal`'s scope reaches its institution; `forUpdate`
    /// locks the plan row for the rest of the transaction (report actions on one plan queue here).
    static func load(_ planId: UUID, for principal: Principal, forUpdate: Bool = false, on connection: PostgresConnection) throws -> ReportPlan {
        guard let row = try connection.query("SELECT * FROM rep_plans WHERE plan_id = $1" + (forUpdate ? " FOR UPDATE" : ""),
                                             [planId]).first else {
            throw CommonProblems.notFound("Plāns / Plan")
        }
        let reference = PlanReference(planId: try row.decode("plan_id"), revision: try row.decode("revision"),
                                      studentCode: try row.decode("student_code"), institutionId: try row.decode("institution_id"),
                                      semester: try row.decode("semester"))
        guard try covers(principal, reference.institutionId, on: connection) else { throw CommonProblems.notFound("Plāns / Plan") }
        let risks = try connection.query("SELECT code FROM rep_plan_risks WHERE plan_id = $1 AND revision = $2",
                                         [planId, reference.revision]).map { try $0.decode("code", as: String.self) }
            .sorted { (RiskCode(rawValue: $0) ?? .O01, $0) < (RiskCode(rawValue: $1) ?? .O01, $1) }
        let planned = try connection.query("""
            SELECT measure_id, type, providers::text AS providers, risk_codes::text AS risk_codes, planned_minutes, planned_cents
            FROM rep_plan_measures WHERE plan_id = $1 AND revision = $2 ORDER BY position
            """, [planId, reference.revision]).map { row in
                ReportFigures.Planned(measureId: try row.decode("measure_id"), type: try row.decode("type"),
                                      providers: try json(try row.decode("providers")), riskCodes: try json(try row.decode("risk_codes")),
                                      plannedMinutes: try row.decode("planned_minutes"), plannedCents: try row.decode("planned_cents"))
            }
        return ReportPlan(reference: reference, status: PlanState(rawValue: try row.decode("status", as: String.self)) ?? .submitted,
                          riskCodes: risks, planned: planned)
    }

    /// Planned against delivered and paid, from the read model now.
    func figures(settings: ProgrammeSettings, on connection: PostgresConnection) throws -> ReportFigures {
        let planId = reference.planId
        var delivered: [UUID: Int] = [:]
        var specialist = 0, preparer = 0
        for row in try connection.query("""
            SELECT measure_id, role, sum(minutes)::bigint AS minutes FROM rep_work_lines WHERE plan_id = $1 GROUP BY measure_id, role
            """, [planId]) {
            let minutes = Int(try row.decode("minutes", as: Int64.self))
            if try row.decode("role", as: String.self) == "preparer" {
                preparer += minutes
            } else {
                specialist += minutes
                if let measure = try row.decode("measure_id", as: UUID?.self) { delivered[measure, default: 0] += minutes }
            }
        }
        let paid = Dictionary(try connection.query("""
            SELECT x.measure, sum(x.amount_cents - COALESCE(r.amount_cents, 0))::bigint AS cents
            FROM rep_payouts x LEFT JOIN rep_payout_reversals r ON r.payout_id = x.payout_id WHERE x.plan_id = $1 GROUP BY x.measure
            """, [planId]).map { (try $0.decode("measure", as: String.self), try $0.decode("cents", as: Int64.self)) },
            uniquingKeysWith: +)
        let limit = SemesterRef(code: reference.semester).map { settings.preparerLimitMinutes(for: $0) } ?? 0
        return ReportFigures.compose(planned: planned, deliveredByMeasure: delivered, specialistMinutes: specialist,
                                     paidByMeasure: paid, preparerMinutes: preparer, preparerLimit: limit)
    }

    /// Whether `principal`'s scope reaches the institution (by the directory copy; an institution
    /// not known yet is reached only by a national scope or its own institution scope).
    static func covers(_ principal: Principal, _ institutionId: UUID, on connection: PostgresConnection) throws -> Bool {
        guard let institution = try DirectoryReplica.institution(institutionId, on: connection) else {
            if case .institution(let own) = principal.scope { return own == institutionId && principal.role != .vpiiCoordinator }
            return principal.scope == .national
        }
        return principal.covers(institution: institution.scopeFacts)
    }

    static func json<T: Decodable>(_ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

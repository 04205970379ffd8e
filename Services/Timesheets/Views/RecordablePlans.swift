import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// `GET /timesheets/plans`: the plans of the caller's institution open for recording, with
/// what is left of each consultation measure and of the preparers' paid minutes.
struct RecordablePlans: Sendable {
    let settings: ProgrammeSettings

    func page(institution: UUID, semester: SemesterRef?, page: Pagination, on connection: PostgresConnection) throws -> Page<RecordablePlan> {
        var parameters: [any PostgresBindable] = [institution]
        var condition = "institution_id = $1 AND status = 'open'"
        if let semester {
            parameters.append(semester.code)
            condition += " AND semester = $2"
        }
        let rows = try connection.query("""
            SELECT *, count(*) OVER () AS total FROM plans WHERE \(condition)
            ORDER BY semester DESC, student_code, plan_id LIMIT \(page.limit) OFFSET \(page.offset)
            """, parameters)
        let plans = try rows.map(PlanCopy.init(row:))
        let ids = plans.map { $0.planId.uuidString.lowercased() }.joined(separator: ",")
        // Minutes not withdrawn per plan and measure (a null measure is the preparers' own work).
        var delivered: [UUID: [UUID?: Int]] = [:]
        if !plans.isEmpty {
            for row in try connection.query("""
                SELECT plan_id, measure_id, sum(minutes)::int8 AS m FROM entries
                WHERE withdrawn_at IS NULL AND plan_id = ANY(string_to_array($1, ',')::uuid[]) GROUP BY plan_id, measure_id
                """, [ids]) {
                delivered[try row.decode("plan_id"), default: [:]][try row.decode("measure_id", as: UUID?.self)] = try row.decode("m")
            }
        }
        let items = plans.map { plan -> RecordablePlan in
            let minutes = delivered[plan.planId] ?? [:]
            let ref = SemesterRef(code: plan.semester)
            let dates = ref.flatMap { settings.dates(of: $0) }
            let limit = ref.map { settings.preparerLimitMinutes(for: $0) } ?? 0
            let used = minutes[UUID?.none] ?? 0
            let measures = plan.measures.filter { $0.type == MeasureType.consultation.rawValue }.map { measure -> RecordableMeasure in
                let planned = measure.plannedMinutes ?? 0
                let done = minutes[measure.measureId] ?? 0
                return RecordableMeasure(measureId: measure.measureId, providers: measure.providers, plannedMinutes: planned,
                                         deliveredMinutes: done, remainingMinutes: max(0, planned - done))
            }
            return RecordablePlan(planId: plan.planId, revision: plan.revision, studentCode: plan.studentCode, semester: plan.semester,
                                  semesterStart: dates?.start.iso, semesterEnd: dates?.end.iso, measures: measures,
                                  preparer: PreparerMinutes(usedMinutes: used, limitMinutes: limit, remainingMinutes: max(0, limit - used)))
        }
        return Page(items: items, total: try rows.first?.decode("total", as: Int.self) ?? 0, limit: page.limit, offset: page.offset)
    }
}

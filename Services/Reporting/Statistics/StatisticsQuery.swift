import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// What the statistics are asked for: a period and a grouping.
public struct StatisticsRequest: Sendable, Hashable {
    /// How plans are grouped.
    public enum Grouping: String, Sendable, CaseIterable, Hashable {
        /// Everything in the caller's scope together.
        case total
        /// By planning region.
        case region
        /// By programme partner: a municipality (its institutions), or a VPII.
        case partner
        /// By institution type: general or vocational education.
        case institutionType = "institution_type"
        /// By institution.
        case institution

        /// The group's key (fixed SQL, never input; aliases `p` plan, `i` institution, `m` municipality).
        var keySQL: String {
            switch self {
            case .total: "'total'"
            case .region: "COALESCE(i.region, 'unknown')"
            case .partner: """
                CASE WHEN i.id IS NULL THEN 'unknown' WHEN i.municipality_id IS NULL THEN 'vpii:' || i.id::text
                     ELSE 'municipality:' || i.municipality_id::text END
                """
            case .institutionType: "COALESCE(i.kind, 'unknown')"
            case .institution: "p.institution_id::text"
            }
        }

        /// The group's name.
        var nameSQL: String {
            switch self {
            case .total: "'Kopā / Total'"
            case .region: "COALESCE(i.region, 'Nezināms / Unknown')"
            case .partner: """
                CASE WHEN i.id IS NULL THEN 'Nezināms / Unknown' WHEN i.municipality_id IS NULL THEN i.name
                     ELSE COALESCE(m.name, i.municipality_id::text) END
                """
            case .institutionType: """
                CASE i.kind WHEN 'general' THEN 'Vispārējā izglītība / General education'
                            WHEN 'vocational' THEN 'Profesionālā izglītība / Vocational education' ELSE 'Nezināms / Unknown' END
                """
            case .institution: "COALESCE(i.name, p.institution_id::text)"
            }
        }
    }

    /// One semester (`2022/2023-1`), or nil.
    public var semester: String?
    /// One school year (`2022/2023`: both its semesters), or nil.
    public var schoolYear: String?
    /// The grouping.
    public var grouping: Grouping

    /// Creates a request.
    public init(semester: String? = nil, schoolYear: String? = nil, grouping: Grouping = .total) {
        self.semester = semester
        self.schoolYear = schoolYear
        self.grouping = grouping
    }

    /// The school year whose tables are published together (`2022/2023`), nil without a period.
    public var publishedYear: String? { schoolYear ?? semester.map(PlannedFacts.schoolYear(of:)) }

    /// The period asked for within that year.
    public var period: StatisticsPeriod {
        switch semester.flatMap(SemesterRef.init(code:))?.number {
        case .first?: .firstSemester
        case .second?: .secondSemester
        case nil: .schoolYear
        }
    }
}

/// Loads the plan facts of the request's whole school year (both semesters: the statistics are
/// published for the year and its semesters together) with every plan's group in every grouping,
/// limited to the caller's scope (`ScopeSQL` over the directory copy). A request always names a
/// period (the API refuses one without), so no request reads more than one school year. Per-plan
/// sums are made in SQL, the counting across plans by ``StatisticsBuilder``.
struct StatisticsQuery: Sendable {
    func plans(_ request: StatisticsRequest, for principal: Principal, on connection: PostgresConnection) throws -> [PlanFacts] {
        guard let year = request.publishedYear else { return [] }
        let (scope, scopeParameters) = ScopeSQL.condition(principal, institutionColumn: "p.institution_id", parameterOffset: 1)
        let parameters: [any PostgresBindable] = [year] + scopeParameters
        let joins = """
            LEFT JOIN replica_institutions i ON i.id = p.institution_id LEFT JOIN replica_municipalities m ON m.id = i.municipality_id
            """
        let filter = "p.school_year = $1 AND (\(scope))"
        let groupings = StatisticsRequest.Grouping.allCases
        let groupColumns = groupings.enumerated().map { index, grouping in
            "\(grouping.keySQL) AS group_key_\(index), \(grouping.nameSQL) AS group_name_\(index)"
        }.joined(separator: ", ")

        var plans: [UUID: PlanFacts] = [:]
        var order: [UUID] = []
        for row in try connection.query("""
            SELECT p.plan_id, p.status, p.semester, \(groupColumns)
            FROM rep_plans p \(joins) WHERE \(filter)
            """, parameters) {
            let id = try row.decode("plan_id", as: UUID.self)
            var groups: [StatisticsRequest.Grouping: StatisticsGroup] = [:]
            for (index, grouping) in groupings.enumerated() {
                groups[grouping] = StatisticsGroup(key: try row.decode("group_key_\(index)"), name: try row.decode("group_name_\(index)"))
            }
            plans[id] = PlanFacts(planId: id, group: groups[request.grouping] ?? .total, groups: groups, semester: try row.decode("semester"),
                                  status: try row.decode("status"))
            order.append(id)
        }
        for row in try connection.query("""
            SELECT r.plan_id, r.code FROM rep_plan_risks r JOIN rep_plans p ON p.plan_id = r.plan_id AND p.revision = r.revision \(joins)
            WHERE \(filter)
            """, parameters) {
            plans[try row.decode("plan_id", as: UUID.self)]?.riskCodes.append(try row.decode("code"))
        }
        for row in try connection.query("""
            SELECT ms.plan_id, ms.type, ms.providers::text AS providers, ms.subjects::text AS subjects, ms.planned_minutes, ms.planned_cents,
                   COALESCE((SELECT sum(w.minutes) FROM rep_work_lines w WHERE w.plan_id = ms.plan_id AND w.measure_id = ms.measure_id), 0)::bigint
                       AS delivered
            FROM rep_plan_measures ms JOIN rep_plans p ON p.plan_id = ms.plan_id AND p.revision = ms.revision \(joins)
            WHERE \(filter) ORDER BY ms.plan_id, ms.position
            """, parameters) {
            let measure = PlanFacts.Measure(type: try row.decode("type"), providers: try ReportPlan.json(try row.decode("providers")),
                                            subjects: try ReportPlan.json(try row.decode("subjects")),
                                            plannedMinutes: try row.decode("planned_minutes"), plannedCents: try row.decode("planned_cents"),
                                            deliveredMinutes: Int(try row.decode("delivered", as: Int64.self)))
            plans[try row.decode("plan_id", as: UUID.self)]?.measures.append(measure)
        }
        for row in try connection.query("""
            SELECT w.plan_id, w.role, COALESCE(w.provider_type, 'unknown') AS provider, sum(w.minutes)::bigint AS minutes,
                   COALESCE(sum(w.sessions), 0)::bigint AS sessions
            FROM rep_work_lines w JOIN rep_plans p ON p.plan_id = w.plan_id \(joins) WHERE \(filter) GROUP BY 1, 2, 3
            """, parameters) {
            let id = try row.decode("plan_id", as: UUID.self)
            let minutes = Int(try row.decode("minutes", as: Int64.self))
            if try row.decode("role", as: String.self) == "preparer" {
                plans[id]?.preparerMinutes += minutes
            } else {
                let provider = try row.decode("provider", as: String.self)
                plans[id]?.specialistMinutes[provider, default: 0] += minutes
                plans[id]?.specialistSessions[provider, default: 0] += Int(try row.decode("sessions", as: Int64.self))
            }
        }
        for row in try connection.query("""
            SELECT w.plan_id, s.subject, sum(s.sessions)::bigint AS sessions, sum(s.minutes)::bigint AS minutes
            FROM rep_work_line_subjects s JOIN rep_work_lines w ON w.work_log_id = s.work_log_id AND w.line_no = s.line_no
            JOIN rep_plans p ON p.plan_id = w.plan_id \(joins) WHERE \(filter) AND w.role = 'specialist' GROUP BY 1, 2
            """, parameters) {
            let id = try row.decode("plan_id", as: UUID.self)
            let subject = try row.decode("subject", as: String.self)
            plans[id]?.subjectSessions[subject, default: 0] += Int(try row.decode("sessions", as: Int64.self))
            plans[id]?.subjectMinutes[subject, default: 0] += Int(try row.decode("minutes", as: Int64.self))
        }
        for row in try connection.query("""
            SELECT x.plan_id, x.measure, sum(x.amount_cents - COALESCE(r.amount_cents, 0))::bigint AS cents
            FROM rep_payouts x LEFT JOIN rep_payout_reversals r ON r.payout_id = x.payout_id JOIN rep_plans p ON p.plan_id = x.plan_id \(joins)
            WHERE \(filter) GROUP BY 1, 2
            """, parameters) {
            plans[try row.decode("plan_id", as: UUID.self)]?.paidCents[try row.decode("measure", as: String.self), default: 0]
                += try row.decode("cents", as: Int64.self)
        }
        return order.compactMap { plans[$0] }
    }
}

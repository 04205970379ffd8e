import Auth
import Foundation
import Postgres
import ServiceKit

/// What the school delivered in a month (issue #19 item 6: the coordinator "oversees the
/// services received"): per plan, measure, provider and staff member, the sessions, minutes and
/// remote sessions of every entry not withdrawn, whatever state its work record is in, and how
/// many of them the coordinator wrote down for the person.
struct ServicesDelivered: Sendable {
    /// Roles that see their institution's deliveries.
    static let viewers: Set<Role> = [.institutionCoordinator, .institutionHead]

    struct Line: Codable, Sendable, Equatable {
        var planId: UUID
        var studentCode: String
        var measureId: UUID?
        var role: String
        var providerType: String?
        var personId: UUID
        var sessions: Int
        var minutes: Int
        var remoteSessions: Int
        /// Sessions the coordinator recorded for the person.
        var recordedByOthers: Int
    }

    func lines(institution: UUID, month: WorkMonth, on connection: PostgresConnection) throws -> [Line] {
        try connection.query("""
            SELECT e.plan_id, p.student_code, e.measure_id, e.role, e.provider_type, w.person_id,
                   count(*)::int AS sessions, sum(e.minutes)::int AS minutes,
                   count(*) FILTER (WHERE e.remote)::int AS remote_sessions,
                   count(*) FILTER (WHERE e.recorded_by <> w.person_id)::int AS by_others
            FROM entries e JOIN work_logs w ON w.id = e.work_log_id JOIN plans p ON p.plan_id = e.plan_id
            WHERE w.institution_id = $1 AND w.month = $2 AND e.withdrawn_at IS NULL
            GROUP BY e.plan_id, p.student_code, e.measure_id, e.role, e.provider_type, w.person_id
            ORDER BY p.student_code, e.plan_id, e.role, e.provider_type NULLS FIRST, w.person_id
            LIMIT 2000
            """, [institution, month.description]).map { row in
                Line(planId: try row.decode("plan_id"), studentCode: try row.decode("student_code"), measureId: try row.decode("measure_id"),
                     role: try row.decode("role"), providerType: try row.decode("provider_type"), personId: try row.decode("person_id"),
                     sessions: try row.decode("sessions"), minutes: try row.decode("minutes"),
                     remoteSessions: try row.decode("remote_sessions"), recordedByOthers: try row.decode("by_others"))
            }
    }
}

import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Raises `approval.overdue` for steps waiting too long: a reminder after `reminderDays`, an
/// escalation after `escalationDays`. The `reminders` table's key makes each happen once per plan
/// revision and level, however many instances sweep at the same time.
public struct ReminderSweep: Sendable {
    /// Days before a reminder.
    public var reminderDays: Int
    /// Days before an escalation.
    public var escalationDays: Int
    /// The clock (injected in tests).
    public var now: @Sendable () -> Date

    /// Creates the sweep.
    public init(reminderDays: Int = 5, escalationDays: Int = 10, now: @escaping @Sendable () -> Date = { Date() }) {
        self.reminderDays = reminderDays
        self.escalationDays = escalationDays
        self.now = now
    }

    /// One sweep; returns how many events were raised.
    @discardableResult
    public func run(producer: String, pool: PostgresPool) async throws -> Int {
        let now = self.now()
        let stages = [("escalation", escalationDays), ("reminder", reminderDays)]
        return try await pool.withTransaction { connection in
            var raised = 0
            let outbox = OutboxWriter(producer: producer, correlationId: UUID.timeOrdered(), now: { now })
            for (stage, days) in stages {
                let rows = try connection.query("""
                    SELECT p.*, floor(extract(epoch FROM ($1::timestamptz - p.awaiting_since)) / 86400)::int AS waiting_days
                    FROM approval_plans p
                    WHERE p.awaiting_since IS NOT NULL AND p.awaiting_since <= $1::timestamptz - make_interval(days => $2)
                      AND p.state IN ('awaiting_institution_head', 'awaiting_municipality', 'awaiting_ikvd')
                      AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.plan_id = p.plan_id AND r.revision = p.revision
                                      AND r.stage = $3 AND r.level = CASE p.state WHEN 'awaiting_institution_head' THEN 'institution_head'
                                                                                  WHEN 'awaiting_municipality' THEN 'municipality' ELSE 'ikvd' END)
                    ORDER BY p.awaiting_since LIMIT 500
                    """, [now, days, stage])
                for row in rows {
                    let plan = try ApprovalPlan(row: row)
                    guard let level = plan.state.awaitedLevel else { continue }
                    let claimed = try connection.execute("""
                        INSERT INTO reminders (plan_id, revision, level, stage) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
                        """, [plan.planId, plan.revision, level.rawValue, stage])
                    guard claimed == 1 else { continue }
                    try outbox.enqueue(ApprovalOverdue(plan: plan.reference, level: level.rawValue,
                                                       daysWaiting: try row.decode("waiting_days", as: Int.self), stage: stage), on: connection)
                    raised += 1
                }
            }
            return raised
        }
    }
}

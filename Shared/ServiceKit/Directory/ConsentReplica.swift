import Contracts
import Postgres

/// A service's copy of each plan's consent (issue #19 item 3): consent gates implementation, not
/// submission, so intake's `plan.consent_changed` may arrive before the service knows the plan,
/// or long after. Each service that needs it keeps a `plan_consents (plan_id, on_file, change)`
/// table in its own schema; this writes it: only a newer change than the one held moves it (a late
/// redelivery of an older change is history), and a 1.0 event (no `change`) always does.
public enum ConsentReplica {
    /// Records the change; true when it was newer than what the table held (or the first).
    @discardableResult
    public static func record(_ event: PlanConsentChanged, on connection: PostgresConnection) throws -> Bool {
        try connection.execute("""
            INSERT INTO plan_consents (plan_id, on_file, change) VALUES ($1, $2, COALESCE($3, 0))
            ON CONFLICT (plan_id) DO UPDATE SET on_file = EXCLUDED.on_file,
                change = COALESCE($3, plan_consents.change), updated_at = now()
            WHERE $3::int IS NULL OR plan_consents.change < $3
            """, [event.plan.planId, event.onFile, event.change]) > 0
    }
}

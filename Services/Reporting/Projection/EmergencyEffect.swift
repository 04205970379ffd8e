import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Reporting's record of each emergency period and its effect (issue #19 item 8: "the statistics
/// report the emergency's effect"): from `emergency.declared` the plans paused per planning region,
/// from `emergency.ended` the plans resumed and those that stay suspended. Upserts in either order
/// (the end may overtake the declaration), so a redelivery changes nothing.
enum EmergencyEffect {
    static func register(on handlers: inout EventHandlers) {
        handlers.on(EmergencyDeclared.self) { envelope, context in
            let event = envelope.data
            try context.connection.execute("""
                INSERT INTO rep_emergencies (id, name, starts_on, ends_on, scope_kind, scope_region)
                VALUES ($1, $2, $3::date, $4::date, $5, $6)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, starts_on = EXCLUDED.starts_on, scope_kind = EXCLUDED.scope_kind,
                    scope_region = EXCLUDED.scope_region,
                    ends_on = CASE WHEN rep_emergencies.ended THEN rep_emergencies.ends_on ELSE EXCLUDED.ends_on END, updated_at = now()
                """, [event.emergencyId, event.name, event.startsOn, event.endsOn, event.scope.kind, event.scope.region])
            for count in event.pausedByRegion {
                try context.connection.execute("""
                    INSERT INTO rep_emergency_regions (emergency_id, region, paused) VALUES ($1, $2, $3)
                    ON CONFLICT (emergency_id, region) DO UPDATE SET paused = EXCLUDED.paused
                    """, [event.emergencyId, count.region, count.paused])
            }
        }
        handlers.on(EmergencyEnded.self) { envelope, context in
            let event = envelope.data
            try context.connection.execute("""
                INSERT INTO rep_emergencies (id, ends_on, ended, resumed_plans, stays_suspended) VALUES ($1, $2::date, true, $3, $4)
                ON CONFLICT (id) DO UPDATE SET ends_on = EXCLUDED.ends_on, ended = true, resumed_plans = EXCLUDED.resumed_plans,
                    stays_suspended = EXCLUDED.stays_suspended, updated_at = now()
                """, [event.emergencyId, event.endsOn, event.resumedPlans, event.staysSuspended])
        }
    }

    /// One emergency and its effect, as `GET /statistics/emergencies` shows it.
    struct View: Codable, Sendable {
        struct Region: Codable, Sendable { var region: String; var paused: Int }
        var id: UUID
        var name: String
        var startsOn: String
        var endsOn: String?
        var scope: String
        var region: String?
        var ended: Bool
        var pausedPlans: Int
        var pausedByRegion: [Region]
        var resumedPlans: Int?
        var staysSuspended: Int?
    }

    /// Every declared emergency, newest first, with its regions in the programme's order.
    static func list(on connection: PostgresConnection) throws -> [View] {
        let regions = try connection.query("SELECT emergency_id, region, paused FROM rep_emergency_regions").map { row in
            (try row.decode("emergency_id", as: UUID.self), View.Region(region: try row.decode("region"), paused: try row.decode("paused")))
        }
        return try connection.query("""
            SELECT id, name, starts_on::text AS s, ends_on::text AS e, scope_kind, scope_region, ended, resumed_plans, stays_suspended
            FROM rep_emergencies WHERE starts_on IS NOT NULL ORDER BY starts_on DESC, id LIMIT 200
            """).map { row in
                let id: UUID = try row.decode("id")
                let mine = regions.filter { $0.0 == id }.map(\.1).sorted {
                    (PlanningRegionOrder.index($0.region), $0.region) < (PlanningRegionOrder.index($1.region), $1.region)
                }
                return View(id: id, name: try row.decode("name"), startsOn: try row.decode("s"), endsOn: try row.decode("e"),
                            scope: try row.decode("scope_kind"), region: try row.decode("scope_region"), ended: try row.decode("ended"),
                            pausedPlans: mine.reduce(0) { $0 + $1.paused }, pausedByRegion: mine,
                            resumedPlans: try row.decode("resumed_plans"), staysSuspended: try row.decode("stays_suspended"))
            }
    }
}

/// Regions sort in the programme's order (seed 001), unknown names last.
enum PlanningRegionOrder {
    static func index(_ region: String) -> Int { Rules.PlanningRegion.ordered.firstIndex(of: region) ?? Int.max }
}

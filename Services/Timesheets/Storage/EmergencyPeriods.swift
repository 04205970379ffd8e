import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Timesheets' copy of the emergency periods approval declares, and the remote-only rule applied
/// to an entry (the decision is the rules' pure ``EmergencyConsultations``; this type gathers the
/// facts). Upserts make a redelivered event harmless, in either order.
enum EmergencyPeriods {
    static func register(on handlers: inout EventHandlers) {
        handlers.on(EmergencyDeclared.self) { envelope, context in
            let e = envelope.data
            try context.connection.execute("""
                INSERT INTO emergency_periods (id, name, starts_on, ends_on, scope_kind, scope_region, scope_municipality)
                VALUES ($1, $2, $3::date, $4::date, $5, $6, $7)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, starts_on = EXCLUDED.starts_on, scope_kind = EXCLUDED.scope_kind,
                    scope_region = EXCLUDED.scope_region, scope_municipality = EXCLUDED.scope_municipality,
                    ends_on = CASE WHEN emergency_periods.ended THEN emergency_periods.ends_on ELSE EXCLUDED.ends_on END, updated_at = now()
                """, [e.emergencyId, e.name, e.startsOn, e.endsOn, e.scope.kind, e.scope.region, e.scope.municipalityId])
        }
        handlers.on(EmergencyEnded.self) { envelope, context in
            try context.connection.execute("""
                INSERT INTO emergency_periods (id, ends_on, ended) VALUES ($1, $2::date, true)
                ON CONFLICT (id) DO UPDATE SET ends_on = EXCLUDED.ends_on, ended = true, updated_at = now()
                """, [envelope.data.emergencyId, envelope.data.endsOn])
        }
    }

    /// The periods covering `day` (declared ones only), as the rules see them.
    static func covering(_ day: CalendarDate, on connection: PostgresConnection) throws -> [EmergencyPeriod] {
        try connection.query("""
            SELECT starts_on::text AS s, ends_on::text AS e, scope_kind, coalesce(scope_region, lower(scope_municipality::text)) AS v
            FROM emergency_periods WHERE starts_on IS NOT NULL AND starts_on <= $1::date AND (ends_on IS NULL OR ends_on >= $1::date)
            """, [day.iso]).compactMap { row in
                guard let start = CalendarDate(iso: try row.decode("s")),
                      let scope = EmergencyScope(kind: try row.decode("scope_kind"), value: try row.decode("v")) else { return nil }
                // The payment terms do not matter to consultations; payouts keeps its own copy of them.
                return EmergencyPeriod(start: start, end: (try row.decode("e", as: String?.self)).flatMap(CalendarDate.init(iso:)), scope: scope,
                                       terms: EmergencyTerms(homeMealsFrom: nil, homeMealsPlanSemester: nil))
            }
    }

    /// A refusal when a consultation on `day` at `institution` is not remote inside an emergency.
    static func check(remote: Bool, on day: CalendarDate, institution: UUID, on connection: PostgresConnection) throws -> Refusal? {
        let periods = try covering(day, on: connection)
        guard !periods.isEmpty,
              let place = try connection.query("SELECT region, lower(municipality_id::text) AS m FROM replica_institutions WHERE id = $1",
                                               [institution]).first else { return nil }
        return EmergencyConsultations.check(day: day, remote: remote, region: try place.decode("region"), municipalityId: try place.decode("m"),
                                            periods: periods)
            .map { Refusal.invalid($0.path, $0.rule.rawValue, lv: $0.message.lv, en: $0.message.en) }
    }
}

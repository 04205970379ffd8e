import Contracts
import Foundation
import Postgres
import Rules

/// A service's copy of the emergency periods approval declares (issue #19 item 8, seed 004), in an
/// `emergency_periods` table of its own schema (``migrationSQL``, or an older table brought to the
/// same columns). Upserts in either order make a redelivered or overtaking event harmless: an end
/// that arrives first waits as a row with no start, which no reader sees until the declaration
/// fills it in. Timesheets reads it for the remote-only rule, payouts for the payment exceptions.
public enum EmergencyReplica {
    /// The table, for a service's migration.
    public static let migrationSQL = """
        CREATE TABLE emergency_periods (
            id                        uuid PRIMARY KEY,
            name                      text,
            starts_on                 date,
            ends_on                   date,
            scope_kind                text CHECK (scope_kind IN ('national', 'region', 'municipality')),
            scope_region              text,
            scope_municipality        uuid,
            ended                     boolean NOT NULL DEFAULT false,
            home_meals_from           date,
            home_meals_lowest_grade   integer,
            home_meals_highest_grade  integer,
            home_meals_plan_semester  text,
            updated_at                timestamptz NOT NULL DEFAULT now()
        );
        """

    /// Registers the two handlers.
    public static func register(on handlers: inout EventHandlers) {
        handlers.on(EmergencyDeclared.self) { envelope, context in
            let e = envelope.data
            try context.connection.execute("""
                INSERT INTO emergency_periods (id, name, starts_on, ends_on, scope_kind, scope_region, scope_municipality,
                                               home_meals_from, home_meals_lowest_grade, home_meals_highest_grade, home_meals_plan_semester)
                VALUES ($1, $2, $3::date, $4::date, $5, $6, $7, $8::date, $9, $10, $11)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, starts_on = EXCLUDED.starts_on, scope_kind = EXCLUDED.scope_kind,
                    scope_region = EXCLUDED.scope_region, scope_municipality = EXCLUDED.scope_municipality,
                    home_meals_from = EXCLUDED.home_meals_from, home_meals_lowest_grade = EXCLUDED.home_meals_lowest_grade,
                    home_meals_highest_grade = EXCLUDED.home_meals_highest_grade, home_meals_plan_semester = EXCLUDED.home_meals_plan_semester,
                    ends_on = CASE WHEN emergency_periods.ended THEN emergency_periods.ends_on ELSE EXCLUDED.ends_on END, updated_at = now()
                """, [e.emergencyId, e.name, e.startsOn, e.endsOn, e.scope.kind, e.scope.region, e.scope.municipalityId,
                      e.homeMealsFrom, e.homeMealsLowestGrade, e.homeMealsHighestGrade, e.homeMealsPlanSemester])
        }
        handlers.on(EmergencyEnded.self) { envelope, context in
            try context.connection.execute("""
                INSERT INTO emergency_periods (id, ends_on, ended) VALUES ($1, $2::date, true)
                ON CONFLICT (id) DO UPDATE SET ends_on = EXCLUDED.ends_on, ended = true, updated_at = now()
                """, [envelope.data.emergencyId, envelope.data.endsOn])
        }
    }

    /// The declared periods that overlap `first`…`last`, as the rules see them (with their terms).
    public static func overlapping(from first: CalendarDate, to last: CalendarDate,
                                   on connection: PostgresConnection) throws -> [EmergencyPeriod] {
        try connection.query("""
            SELECT starts_on::text AS s, ends_on::text AS e, scope_kind, coalesce(scope_region, lower(scope_municipality::text)) AS v,
                   home_meals_from::text AS mf, home_meals_lowest_grade AS lo, home_meals_highest_grade AS hi, home_meals_plan_semester AS ps
            FROM emergency_periods
            WHERE starts_on IS NOT NULL AND starts_on <= $2::date AND (ends_on IS NULL OR ends_on >= $1::date)
            """, [first.iso, last.iso]).compactMap { row in
                guard let start = CalendarDate(iso: try row.decode("s")),
                      let scope = EmergencyScope(kind: try row.decode("scope_kind"), value: try row.decode("v")) else { return nil }
                let terms = EmergencyTerms(homeMealsFrom: (try row.decode("mf", as: String?.self)).flatMap(CalendarDate.init(iso:)),
                                           homeMealsLowestGrade: try row.decode("lo", as: Int?.self) ?? 5,
                                           homeMealsHighestGrade: try row.decode("hi", as: Int?.self) ?? 12,
                                           homeMealsPlanSemester: try row.decode("ps"))
                return EmergencyPeriod(start: start, end: (try row.decode("e", as: String?.self)).flatMap(CalendarDate.init(iso:)),
                                       scope: scope, terms: terms)
            }
    }

    /// Where an institution is, from the service's directory copy: its region and municipality.
    public static func place(of institution: UUID, on connection: PostgresConnection) throws -> (region: String, municipalityId: String?)? {
        try connection.query("SELECT region, lower(municipality_id::text) AS m FROM replica_institutions WHERE id = $1", [institution])
            .first.map { (try $0.decode("region"), try $0.decode("m")) }
    }
}

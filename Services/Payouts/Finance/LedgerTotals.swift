import Foundation
import Postgres
import ServiceKit

/// Totals of the payout ledger grouped by period, measure, institution or municipality. Each
/// grouping covers every entry once, so the groups always add up to the grand total.
struct LedgerTotals: Sendable {
    enum Grouping: String, CaseIterable, Sendable {
        case period, measure, institution, municipality

        /// The grouping column (fixed SQL, never input).
        var column: String {
            switch self {
            case .period: "l.period"
            case .measure: "l.measure"
            // A municipality's youth project is paid through no institution: its own group.
            case .institution: "COALESCE(l.institution_id::text, 'none')"
            case .municipality: "COALESCE(l.municipality_id::text, 'vpii')"
            }
        }

        /// The group's readable name from the directory copy, where there is one.
        var name: String {
            switch self {
            case .period, .measure: "NULL::text"
            case .institution: "COALESCE(max(i.name), CASE WHEN bool_and(l.institution_id IS NULL) THEN 'Bez iestādes (pašvaldību jauniešu projekti)' END)"
            case .municipality: "COALESCE(max(m.name), 'VPII / valsts')"
            }
        }
    }

    struct Group: Codable, Sendable {
        var key: String
        var name: String?
        var entries: Int
        var releasedCents: Int64
        var reversedCents: Int64
        var netCents: Int64
    }

    struct Totals: Codable, Sendable {
        var groupBy: String
        var period: String?
        var groups: [Group]
        var entries: Int
        var releasedCents: Int64
        var reversedCents: Int64
        var netCents: Int64
        var currency: String
    }

    func totals(by grouping: Grouping, period: String?, on connection: PostgresConnection) throws -> Totals {
        let groups = try connection.query("""
            SELECT \(grouping.column) AS key, \(grouping.name) AS name, count(*) AS entries,
                   COALESCE(sum(l.amount_cents) FILTER (WHERE l.entry = 'release'), 0)::bigint AS released,
                   COALESCE(-sum(l.amount_cents) FILTER (WHERE l.entry = 'reversal'), 0)::bigint AS reversed,
                   COALESCE(sum(l.amount_cents), 0)::bigint AS net
            FROM ledger l LEFT JOIN replica_institutions i ON i.id = l.institution_id
                          LEFT JOIN replica_municipalities m ON m.id = l.municipality_id
            WHERE $1::text IS NULL OR l.period = $1
            GROUP BY 1 ORDER BY 1
            """, [period]).map { row in
                Group(key: try row.decode("key"), name: try row.decode("name"), entries: Int(try row.decode("entries", as: Int64.self)),
                      releasedCents: try row.decode("released"), reversedCents: try row.decode("reversed"), netCents: try row.decode("net"))
            }
        let all = try connection.query("""
            SELECT count(*) AS entries, COALESCE(sum(amount_cents) FILTER (WHERE entry = 'release'), 0)::bigint AS released,
                   COALESCE(-sum(amount_cents) FILTER (WHERE entry = 'reversal'), 0)::bigint AS reversed,
                   COALESCE(sum(amount_cents), 0)::bigint AS net
            FROM ledger WHERE $1::text IS NULL OR period = $1
            """, [period]).single()
        return Totals(groupBy: grouping.rawValue, period: period, groups: groups, entries: Int(try all.decode("entries", as: Int64.self)),
                      releasedCents: try all.decode("released"), reversedCents: try all.decode("reversed"), netCents: try all.decode("net"),
                      currency: "EUR")
    }
}

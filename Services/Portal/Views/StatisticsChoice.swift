import Foundation

/// What the statistics page asks the reporting service for: the period a person typed and the
/// grouping they picked, as the service's query. The figures themselves (and which are hidden
/// as "<5") are the service's alone. Pure.
public enum StatisticsChoice {
    /// A grouping the page offers, and where its table comes from.
    public enum Source: Equatable, Sendable {
        /// `GET /statistics/programme?table=…`: the programme's own tables.
        case programme([String])
        /// `GET /statistics?groupBy=…`, its `plans_by_partner_kind` table (one row per group and kind).
        case grouped(String)
    }

    /// The groupings in the order the form offers them.
    public static let groupings = ["region", "partner", "institution", "risk", "measure", "subject", "specialist"]

    public static func source(of grouping: String) -> Source? {
        switch grouping {
        case "region": .programme(["plans_by_region", "partners_by_region"])
        case "partner": .grouped("partner")
        case "institution": .grouped("institution")
        case "risk": .programme(["plans_by_risk"])
        case "measure": .programme(["plans_by_measure"])
        case "subject": .programme(["consultations_by_subject"])
        case "specialist": .programme(["consultations_by_specialist"])
        default: nil
        }
    }

    /// `2022/2023-1` is a semester, `2022/2023` a school year: the query member and value; nil
    /// when it is neither (two consecutive years, semester 1 or 2).
    public static func period(_ text: String) -> (name: String, value: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let years = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        guard years.count == 2, years.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }),
              let first = Int(years[0]), let second = Int(years[1]), second == first + 1 else { return nil }
        if parts.count == 1 { return ("schoolYear", "\(first)/\(second)") }
        guard parts[1] == "1" || parts[1] == "2" else { return nil }
        return ("semester", "\(first)/\(second)-\(parts[1])")
    }

    /// The school year a date falls in (September starts one): `2026-12-08` → `2026/2027`.
    public static func schoolYear(year: Int, month: Int) -> String {
        month >= 9 ? "\(year)/\(year + 1)" : "\(year - 1)/\(year)"
    }
}

import Foundation

/// The demo's last step: the programme's report (seed 001) for the demo semester, as IKVD reads it.
/// Every table must show something: partners and plans per region (with the VPII plan), risks,
/// measures, and the specialist's consultations by subject and by specialist. Consultations reach
/// reporting through the broker after the month's approval, so it waits a little for them.
extension DemoSemester {
    /// The tables' names.
    static let programmeTables = ["partners_by_region", "plans_by_region", "plans_by_risk", "plans_by_measure",
                                  "consultations_by_subject", "consultations_by_specialist"]

    /// One line per table (its totals or its largest row), and notes for any table left empty.
    func checkProgrammeTables(reporting: String, semester: String, token: String) async throws -> (lines: [String], notes: [String]) {
        let deadline = ContinuousClock.now + .seconds(30)
        var empty = Self.programmeTables
        var lines: [String] = []
        while true {
            let reply = try await api.http.send("GET", reporting + "/statistics/programme?semester=\(semester)", token: token)
            let tables = (reply.json["tables"] as? [[String: Any]]) ?? []
            lines = tables.map(Self.summary)
            empty = Self.programmeTables.filter { name in !(tables.first { $0["name"] as? String == name }.map(Self.showsSomething) ?? false) }
            if reply.status != 200 || (!empty.isEmpty && ContinuousClock.now < deadline) {
                if ContinuousClock.now >= deadline { return (lines, ["programme statistics: HTTP \(reply.status) \(reply.text.prefix(200))"]) }
                try await Task.sleep(for: .milliseconds(500))
                continue
            }
            return (lines, empty.map { "programme statistics: \($0) shows nothing for \(semester)" })
        }
    }

    /// Whether a table has a figure above 0 in any row.
    static func showsSomething(_ table: [String: Any]) -> Bool {
        let keys = ((table["columns"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String }
        return ((table["rows"] as? [[String: Any]]) ?? []).contains { row in keys.contains { ((row[$0] as? Int) ?? 0) > 0 } }
    }

    /// `name: column=figure …` of the totals row, or of the first row with a figure.
    static func summary(_ table: [String: Any]) -> String {
        let keys = ((table["columns"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String }
        let rows = (table["rows"] as? [[String: Any]]) ?? []
        let row = (table["total"] as? [String: Any]) ?? rows.first { row in keys.contains { ((row[$0] as? Int) ?? 0) > 0 } }
        let figures = keys.compactMap { key in row?[key].flatMap { value in (value as? Int).map { "\(key)=\($0)" } ?? (value as? String).map { "\(key)=\($0)" } } }
        return "\(table["name"] as? String ?? "?") [\(row?["key"] as? String ?? "-")]: \(figures.joined(separator: " "))"
    }
}

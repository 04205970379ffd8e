import Auth
import Foundation
@testable import Reporting
import Testing

/// The statistics as CSV: RFC 4180, one record per figure, formulas neutralised, `<5` where hidden.
@Suite("Statistics CSV")
struct StatisticsCSVTests {
    /// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.first {
            scalars.removeFirst()
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == "," {
                record.append(field); field = ""
            } else if scalar == "\r" {
                guard scalars.first == "\n" else { return nil }
                scalars.removeFirst()
                record.append(field); records.append(record); record = []; field = ""
            } else if scalar == "\n" || scalar == "\"" {
                return nil
            } else { field.unicodeScalars.append(scalar) }
        }
        return quoted || !field.isEmpty || !record.isEmpty ? nil : records
    }

    static func document(role: Role) throws -> StatisticsDocument {
        let evil = StatisticsGroup(key: "i1", name: "=HYPERLINK(\"http://x\",\"Skola, 1\")")
        let plans = (0..<7).map { index in
            PlanFacts(planId: UUID(), group: index < 3 ? evil : StatisticsGroup(key: "i2", name: "Otra skola"), semester: "2022/2023-1", status: "approved",
                      riskCodes: ["L02"], measures: [.init(type: "consultation", providers: ["teacher"], subjects: ["+matemātika"], plannedMinutes: 60)])
        }
        let principal = try Principal(personId: UUID(), role: role, scope: role == .ikvdExpert ? .national : .municipality(UUID()))
        return StatisticsDocument(StatisticsRequest(semester: "2022/2023-1", grouping: .institution), plans: plans, for: principal)
    }

    @Test("one header, one record per figure, every record as wide as the header")
    func shape() throws {
        let records = try #require(Self.parse(try Self.document(role: .ikvdExpert).csv))
        #expect(records.first == StatisticsDocument.csvColumns)
        #expect(records.dropFirst().allSatisfy { $0.count == StatisticsDocument.csvColumns.count })
        #expect(records.contains { $0[3] == "plans_by_risk" && $0[4] == "i1" && $0[6] == "L02" && $0[7] == "plans" && $0[8] == "3" })
        #expect(records.contains { $0[3] == "plans_by_risk" && $0[4] == "total" && $0[8] == "7" })
    }

    @Test("names and subjects that a spreadsheet would run are neutralised; quotes and commas survive")
    func formulas() throws {
        let records = try #require(Self.parse(try Self.document(role: .ikvdExpert).csv))
        #expect(records.contains { $0[5] == "'=HYPERLINK(\"http://x\",\"Skola, 1\")" })
        #expect(records.contains { $0[6] == "'+matemātika" })
        #expect(!records.dropFirst().contains { $0.contains { $0.first == "=" || $0.first == "+" } })
    }

    @Test("outside IKVD the rows about fewer than 5 plans read <5, and so does the row that would give them away")
    func suppressed() throws {
        let records = try #require(Self.parse(try Self.document(role: .municipalityCoordinator).csv))
        let risk = records.filter { $0[3] == "plans_by_risk" && $0[7] == "plans" }
        #expect(risk.first { $0[4] == "i1" }?[8] == "<5")
        #expect(risk.first { $0[4] == "i2" }?[8] == "<5", "4 plans: below 5 as well")
        #expect(risk.first { $0[4] == "total" }?[8] == "7")
        let json = String(decoding: try JSONEncoder().encode(try Self.document(role: .municipalityCoordinator)), as: UTF8.self)
        #expect(json.contains(#""plans":"<5""#))
        #expect(json.contains(#""applied":true"#))
    }
}

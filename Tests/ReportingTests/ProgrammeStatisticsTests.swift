import Foundation
@testable import Reporting
import Rules
import Testing

/// Issue #19 point 9: the programme's own tables (seed 001) from plan facts. Expected figures are
/// counted here from the facts themselves, independently of the builder.
@Suite("Programme statistics (seed 001 tables)")
struct ProgrammeStatisticsTests {
    typealias Grouping = StatisticsRequest.Grouping

    /// An institution: its region and partner (`municipality:<x>` or `vpii:<x>`).
    struct School {
        var key: String
        var region: String
        var partner: String

        var groups: [Grouping: StatisticsGroup] {
            [.total: .total, .region: .init(key: region, name: region), .partner: .init(key: partner, name: partner),
             .institutionType: .init(key: partner.hasPrefix("vpii") ? "vocational" : "general", name: "type"),
             .institution: .init(key: key, name: key)]
        }
    }

    static let ludzaA = School(key: "a", region: "Latgale", partner: "municipality:ludza")
    static let ludzaB = School(key: "b", region: "Latgale", partner: "municipality:ludza")
    static let rezekne = School(key: "c", region: "Latgale", partner: "municipality:rezekne")
    static let latgaleVPII = School(key: "d", region: "Latgale", partner: "vpii:d")
    static let valmieraVPII = School(key: "e", region: "Vidzeme", partner: "vpii:e")
    static let kuldiga = School(key: "f", region: "Kurzeme", partner: "municipality:kuldiga")

    static func plan(_ school: School, semester: Int = 1, status: String = "approved", risks: [String] = ["L01"],
                     measures: [String] = ["consultation"], specialists: [String: Int] = [:], subjects: [String: Int] = [:]) -> Reporting.PlanFacts {
        Reporting.PlanFacts(planId: UUID(), group: .total, groups: school.groups, semester: "2022/2023-\(semester)", status: status, riskCodes: risks,
                  measures: measures.map { Reporting.PlanFacts.Measure(type: $0) }, specialistSessions: specialists, subjectSessions: subjects)
    }

    /// A school year: varied schools, statuses, semesters and deliveries (deterministic).
    static let plans: [Reporting.PlanFacts] = {
        var plans: [Reporting.PlanFacts] = []
        let schools = [ludzaA, ludzaB, rezekne, latgaleVPII, valmieraVPII, kuldiga]
        let risks = ["L01", "L02", "E02", "F04", "S01"]
        let subjects = ["matemātika", "fizika", "latviešu valoda"]
        for index in 0..<90 {
            let school = schools[index % schools.count]
            plans.append(plan(school, semester: index % 3 == 0 ? 2 : 1, status: index % 11 == 0 ? "deleted" : (index % 4 == 0 ? "submitted" : "approved"),
                              risks: Array(Set([risks[index % 5], risks[(index / 5) % 5]])).sorted(),
                              measures: index % 2 == 0 ? ["consultation", "meals"] : ["consultation"],
                              specialists: ["teacher": index % 4 + 1, "psychologist": index % 3],
                              subjects: [subjects[index % 3]: index % 4 + 1]))
        }
        return plans
    }()

    static func cell(_ table: ProgrammeTable, _ row: String, _ column: String) -> PublishedCell? {
        guard let index = table.columns.firstIndex(where: { $0.key == column }) else { return nil }
        let found = row == "total" ? table.total : table.rows.first { $0.key == row }
        return found?.cells[index]
    }

    static func tables(_ plans: [Reporting.PlanFacts], _ period: StatisticsPeriod = .schoolYear, suppress: Bool = false) -> [String: ProgrammeTable] {
        Dictionary(uniqueKeysWithValues: ProgrammeStatistics.tables(plans, period: period, suppress: suppress).map { ($0.name, $0) })
    }

    @Test("every table, in the programme's order, each one alone on request")
    func names() {
        #expect(ProgrammeStatistics.tables(Self.plans, period: .schoolYear, suppress: false).map(\.name) == [
            "partners_by_region", "plans_by_region", "plans_by_risk", "plans_by_measure", "consultations_by_subject",
            "consultations_by_specialist",
        ])
        for name in ProgrammeStatistics.tableNames {
            #expect(ProgrammeStatistics.tables(Self.plans, period: .firstSemester, suppress: true, only: name).map(\.name) == [name])
        }
    }

    @Test("IKVD: every table equals the counts of the plans not deleted, per period", arguments: StatisticsPeriod.allCases)
    func reconciles(period: StatisticsPeriod) throws {
        let tables = Self.tables(Self.plans, period)
        let counted = Self.plans.filter { $0.periods.contains(period) && $0.status != "deleted" }
        #expect(!counted.isEmpty && counted.count < Self.plans.filter { $0.periods.contains(period) }.count, "the script has deleted plans")

        let byRegion = try #require(tables["plans_by_region"])
        for region in PlanningRegion.ordered {
            let inRegion = counted.filter { $0.groups[.region]?.key == region }
            #expect(Self.cell(byRegion, region, "plans") == .value(Int64(inRegion.count)), "\(region)")
            #expect(Self.cell(byRegion, region, "vpiiPlans") == .value(Int64(inRegion.filter { $0.groups[.partner]?.key.hasPrefix("vpii:") == true }.count)))
            #expect(Self.cell(byRegion, region, "municipalityPlans")
                == .value(Int64(inRegion.filter { $0.groups[.partner]?.key.hasPrefix("municipality:") == true }.count)))
        }
        #expect(byRegion.rows.map(\.key) == PlanningRegion.ordered, "every region, in the programme's order, even at 0")
        #expect(Self.cell(byRegion, "total", "plans") == .value(Int64(counted.count)))
        #expect(Self.cell(byRegion, "total", "vpiiPlans") == .value(Int64(counted.filter { $0.partnerKind == "vpii" }.count)), "the VPII subtotal")

        let partners = try #require(tables["partners_by_region"])
        for region in PlanningRegion.ordered {
            let keys = Set(counted.filter { $0.groups[.region]?.key == region }.compactMap { $0.groups[.partner]?.key })
            #expect(Self.cell(partners, region, "municipalities") == .value(Int64(keys.filter { $0.hasPrefix("municipality:") }.count)))
            #expect(Self.cell(partners, region, "vpii") == .value(Int64(keys.filter { $0.hasPrefix("vpii:") }.count)))
            #expect(Self.cell(partners, region, "partners") == .value(Int64(keys.count)))
        }
        #expect(Self.cell(partners, "total", "partners") == .value(Int64(Set(counted.compactMap { $0.groups[.partner]?.key }).count)))
        if period == .schoolYear {
            #expect(Self.cell(partners, "Latgale", "municipalities") == .value(2), "Ludza's two schools are one partner")
        }

        let risks = try #require(tables["plans_by_risk"])
        #expect(risks.rows.map(\.key).prefix(RiskCode.allCases.count) == ArraySlice(RiskCode.allCases.map(\.rawValue)))
        #expect(risks.total == nil, "a plan with two risks counts under both: no total")
        for code in RiskCode.allCases.map(\.rawValue) {
            #expect(Self.cell(risks, code, "plans") == .value(Int64(counted.filter { $0.riskCodes.contains(code) }.count)), "\(code)")
        }
        let measures = try #require(tables["plans_by_measure"])
        for type in MeasureType.allCases.map(\.rawValue) {
            #expect(Self.cell(measures, type, "plans") == .value(Int64(counted.filter { $0.measures.contains { $0.type == type } }.count)))
        }

        let subjects = try #require(tables["consultations_by_subject"])
        for subject in ["matemātika", "fizika", "latviešu valoda"] {
            #expect((Self.cell(subjects, subject, "consultations") ?? .value(0)) == .value(Int64(counted.reduce(0) { $0 + ($1.subjectSessions[subject] ?? 0) })))
            #expect((Self.cell(subjects, subject, "plans") ?? .value(0)) == .value(Int64(counted.filter { ($0.subjectSessions[subject] ?? 0) > 0 }.count)))
        }
        #expect(Self.cell(subjects, "total", "consultations") == .value(Int64(counted.reduce(0) { $0 + $1.subjectSessions.values.reduce(0, +) })))
        #expect(Self.cell(subjects, "total", "plans") == .notApplicable, "plans do not add up across subjects")
        let specialists = try #require(tables["consultations_by_specialist"])
        for provider in ["teacher", "psychologist"] {
            #expect(Self.cell(specialists, provider, "consultations")
                == .value(Int64(counted.reduce(0) { $0 + ($1.specialistSessions[provider] ?? 0) })))
        }
        #expect(Self.cell(specialists, "speech_therapist", "consultations") == .value(0), "catalogue rows at 0")
        #expect(Self.cell(specialists, "total", "consultations")
            == .value(Int64(counted.reduce(0) { $0 + $1.specialistSessions.values.reduce(0, +) })))
    }

    @Test("outside IKVD a figure is hidden exactly where the statistics hide it; a total only where all it adds is shown")
    func suppressedLikeTheStatistics() throws {
        let plans = Self.plans
        let tables = Self.tables(plans, .firstSemester, suppress: true)
        let published = PublishedStatistics.slices([StatisticsSlice(.firstSemester, .region), StatisticsSlice(.firstSemester, .total)],
                                                   plans: plans, suppress: true)
        let totalSlice = try #require(published[StatisticsSlice(.firstSemester, .total)])
        // The same figures as the consistent set, row for row.
        for (source, name, columns) in [("consultations_by_subject", "consultations_by_subject", ["consultations", "plans"]),
                                        ("consultations_by_specialist", "consultations_by_specialist", ["consultations", "plans"]),
                                        ("plans_by_risk", "plans_by_risk", ["plans"]), ("measures_by_type", "plans_by_measure", ["plans"])] {
            let sourceTable = try #require(totalSlice.first { $0.name == source })
            let table = try #require(tables[name])
            for row in sourceTable.rows {
                for column in columns {
                    let index = try #require(sourceTable.columns.firstIndex(of: column))
                    #expect(Self.cell(table, row.category, column) == row.cells[index], "\(name) \(row.category) \(column)")
                }
            }
        }
        // A total is shown only when every figure it adds is shown.
        for table in tables.values {
            guard let total = table.total else { continue }
            // (Plans per region adds its totals row's own kind cells, from the national totals.)
            for (index, cell) in total.cells.enumerated()
            where cell != .notApplicable && !["partners_by_region", "plans_by_region"].contains(table.name) {
                let parts = table.rows.map { $0.cells[index] }
                #expect((cell == .suppressed) == parts.contains(.suppressed), "\(table.name) \(table.columns[index].key)")
            }
        }
        // Partners are organisations: never hidden.
        let partnerCells = (tables["partners_by_region"]?.rows ?? []).flatMap(\.cells)
        #expect(!partnerCells.isEmpty && !partnerCells.contains(PublishedCell.suppressed))
    }

    @Test("a small VPII count hides its region's other kind too, and the region's total")
    func vpiiSubtotalSuppressed() throws {
        let plans = (0..<40).map { _ in Self.plan(Self.ludzaA) } + (0..<3).map { _ in Self.plan(Self.latgaleVPII) }
            + (0..<20).map { _ in Self.plan(Self.kuldiga) } + (0..<12).map { _ in Self.plan(Self.valmieraVPII) }
        let open = try #require(Self.tables(plans, .firstSemester)["plans_by_region"])
        #expect(Self.cell(open, "Latgale", "vpiiPlans") == .value(3) && Self.cell(open, "Latgale", "plans") == .value(43))
        let table = try #require(Self.tables(plans, .firstSemester, suppress: true)["plans_by_region"])
        #expect(Self.cell(table, "Latgale", "vpiiPlans") == .suppressed)
        #expect(Self.cell(table, "Latgale", "municipalityPlans") == .suppressed, "else 43 − 40 would show the 3")
        #expect(Self.cell(table, "Latgale", "plans") == .suppressed)
        #expect(Self.cell(open, "total", "plans") == .value(75) && Self.cell(open, "total", "vpiiPlans") == .value(15))
        let byRegion = try #require(Self.tables(plans, .firstSemester, suppress: true)["plans_by_region"])
        if case .value(let total)? = Self.cell(byRegion, "total", "plans") {
            #expect(total == 75, "a shown total is the true one")
        }
    }

    @Test("the plans not deleted are a published sum: a group's statuses but deleted never have exactly one hidden")
    func notDeletedSubtotalProtected() throws {
        // 40 approved, 3 submitted and 2 deleted in one school: the partner-kind table shows 43 plans not deleted.
        let plans = (0..<40).map { _ in Self.plan(Self.ludzaA) } + (0..<3).map { _ in Self.plan(Self.ludzaA, status: "submitted") }
            + (0..<2).map { _ in Self.plan(Self.ludzaA, status: "deleted") } + (0..<30).map { _ in Self.plan(Self.kuldiga) }
        let published = PublishedStatistics.slices([StatisticsSlice(.firstSemester, .institution)], plans: plans, suppress: true)
        let statuses = try #require(published[StatisticsSlice(.firstSemester, .institution)]?.first { $0.name == "plans_by_status" })
        let approved = try #require(statuses.rows.first { $0.group.key == "a" && $0.category == "approved" })
        #expect(approved.cells == [.suppressed], "else 43 − 40 = 3 submitted plans")
    }

    @Test("the CSV is the table as printed: bilingual headings, rows, the totals row last, <5 where hidden")
    func csv() throws {
        let plans = (0..<40).map { _ in Self.plan(Self.ludzaA) } + (0..<3).map { _ in Self.plan(Self.latgaleVPII) }
        let tables = ProgrammeStatistics.tables(plans, period: .firstSemester, suppress: true, only: "plans_by_region")
        let document = ProgrammeDocumentSample.csv(tables)
        let lines = document.components(separatedBy: "\r\n")
        #expect(lines.first == "Kods / Code,Reģions / Region,IAP skaits / Plans,t.sk. pašvaldību izglītības iestādēs / of which in municipal "
            + "institutions,t.sk. valsts profesionālajās izglītības iestādēs (VPII) / of which in state vocational institutions (VPII)")
        #expect(lines.contains("Latgale,Latgale,<5,<5,<5"))
        #expect(lines.contains("Rīga,Rīga,0,0,0"), "every region, even without plans")
        #expect(lines.dropLast().last?.hasPrefix("total,Kopā / Total,") == true)
        #expect(lines.count == 1 + PlanningRegion.ordered.count + 1 + 1, "header, regions, total, and the final CRLF")
    }
}

/// The CSV of a programme table without an HTTP request.
enum ProgrammeDocumentSample {
    static func csv(_ tables: [ProgrammeTable]) -> String {
        ProgrammeDocument(semester: "2022/2023-1", schoolYear: nil, scope: "national",
                          suppression: .init(applied: true, threshold: 5, marker: "<5"), tables: tables).csv
    }
}

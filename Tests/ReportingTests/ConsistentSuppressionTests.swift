import Auth
import Foundation
@testable import Reporting
import Rules
import Testing

/// Issue #17 item 11: outside IKVD the statistics of a school year (both semesters and the year,
/// every grouping) are one fixed, consistently suppressed set, so comparing a semester with the
/// school year, or the institution with the partner grouping, recovers no hidden figure; hidden
/// subject rows lose their free-text name.
@Suite("Consistent suppression across periods and groupings")
struct ConsistentSuppressionTests {
    typealias Grouping = StatisticsRequest.Grouping

    /// An institution with its groups in every grouping.
    struct School {
        var key: String
        var partner: String
        var region: String
        var kind: String

        var groups: [Grouping: StatisticsGroup] {
            [.total: .total, .region: .init(key: region, name: region), .partner: .init(key: partner, name: partner),
             .institutionType: .init(key: kind, name: kind), .institution: .init(key: key, name: "Skola \(key)")]
        }
    }

    static func plans(_ count: Int, at school: School, semester: Int, risk: String = "L01", subjects: [String] = [],
                      status: String = "approved") -> [Reporting.PlanFacts] {
        (0..<count).map { _ in
            Reporting.PlanFacts(planId: UUID(), group: school.groups[.total] ?? .total, groups: school.groups, semester: "2022/2023-\(semester)",
                      status: status, riskCodes: [risk],
                      measures: [.init(type: "consultation", providers: ["teacher"], subjects: subjects, plannedMinutes: 60, deliveredMinutes: 30)])
        }
    }

    /// Every published slice of `plans` as a municipality coordinator (suppressed) sees it (the
    /// same set ``PublishedStatistics/slice(_:plans:suppress:)`` takes each slice from).
    static func views(_ plans: [Reporting.PlanFacts], suppress: Bool = true) -> [StatisticsSlice: [PublishedTable]] {
        ConsistentSuppression.publish(PublishedStatistics.tables(plans), institutions: PublishedStatistics.institutions(plans), suppress: suppress)
    }

    /// A figure as the attacker reads it: a number, nil when hidden, 0 when the row is absent.
    static func read(_ views: [StatisticsSlice: [PublishedTable]], _ slice: StatisticsSlice, _ table: String, group: String?,
                     _ category: String, column: String = "plans") -> Int64?? {
        guard let published = views[slice]?.first(where: { $0.name == table }),
              let index = published.columns.firstIndex(of: column) else { return .some(0) }
        let rows = group == nil ? published.totals : published.rows.filter { $0.group.key == group }
        guard let row = rows.first(where: { $0.category == category }) else { return .some(0) }
        switch row.cells[index] {
        case .value(let value): return .some(value)
        case .suppressed: return .some(nil)
        case .notApplicable: return .some(0)
        }
    }

    static let ludzaA = School(key: "ludza-a", partner: "municipality:ludza", region: "Latgale", kind: "general")
    static let ludzaB = School(key: "ludza-b", partner: "municipality:ludza", region: "Latgale", kind: "general")
    static let kuldiga = School(key: "kuldiga", partner: "municipality:kuldiga", region: "Kurzeme", kind: "general")
    static let vpii = School(key: "vpii", partner: "vpii:vpii", region: "Vidzeme", kind: "vocational")

    @Test("semester against school year: 3 plans in semester 1 and 6 in semester 2 cannot be told apart by subtraction")
    func semesterVersusYear() {
        var plans: [Reporting.PlanFacts] = Self.plans(3, at: Self.kuldiga, semester: 1, risk: "L02")
        plans += Self.plans(6, at: Self.kuldiga, semester: 2, risk: "L02")
        plans += Self.plans(7, at: Self.vpii, semester: 1, risk: "L02")
        plans += Self.plans(8, at: Self.vpii, semester: 2, risk: "L02")
        let views = Self.views(plans)
        for grouping in Grouping.allCases {
            let group: String? = grouping == .total ? nil : Self.kuldiga.groups[grouping]?.key
            let first = Self.read(views, StatisticsSlice(.firstSemester, grouping), "plans_by_risk", group: group, "L02")
            let second = Self.read(views, StatisticsSlice(.secondSemester, grouping), "plans_by_risk", group: group, "L02")
            let year = Self.read(views, StatisticsSlice(.schoolYear, grouping), "plans_by_risk", group: group, "L02")
            if grouping != .total { #expect(first == .some(nil), "the 3 plans are hidden in \(grouping)") }
            if case .some(nil) = first, case .some(let y?) = year, case .some(let s?) = second {
                Issue.record("\(grouping): semester 1 recovered as \(y) − \(s) = \(y - s)")
            }
        }
        // IKVD sees every figure, as before.
        let ikvd = Self.views(plans, suppress: false)
        #expect(Self.read(ikvd, StatisticsSlice(.firstSemester, .institution), "plans_by_risk", group: "kuldiga", "L02") == .some(3))
        #expect(Self.read(ikvd, StatisticsSlice(.schoolYear, .institution), "plans_by_risk", group: "kuldiga", "L02") == .some(9))
    }

    @Test("institution against partner: a hidden school is not its municipality minus the other school")
    func institutionVersusPartner() {
        var plans: [Reporting.PlanFacts] = Self.plans(3, at: Self.ludzaA, semester: 1)
        plans += Self.plans(6, at: Self.ludzaB, semester: 1)
        plans += Self.plans(5, at: Self.kuldiga, semester: 1)
        plans += Self.plans(6, at: Self.vpii, semester: 1)
        let views = Self.views(plans)
        for period in [StatisticsPeriod.firstSemester, .schoolYear] { // semester 2 has no plans
            let a = Self.read(views, StatisticsSlice(period, .institution), "plans_by_risk", group: "ludza-a", "L01")
            let b = Self.read(views, StatisticsSlice(period, .institution), "plans_by_risk", group: "ludza-b", "L01")
            let ludza = Self.read(views, StatisticsSlice(period, .partner), "plans_by_risk", group: "municipality:ludza", "L01")
            #expect(a == .some(nil))
            if case .some(let m?) = ludza, case .some(let other?) = b {
                Issue.record("\(period): Ludza A recovered as \(m) − \(other) = \(m - other)")
            }
            // Nor from the region (Latgale = the two Ludza schools) or the type (general = A + B + Kuldīga).
            let latgale = Self.read(views, StatisticsSlice(period, .region), "plans_by_risk", group: "Latgale", "L01")
            if case .some(let r?) = latgale, case .some(let other?) = b { Issue.record("\(period): A = Latgale \(r) − B \(other)") }
        }
    }

    @Test("a hidden subject row shows no subject name; a shown one keeps it")
    func freeTextLabels() throws {
        var plans: [Reporting.PlanFacts] = Self.plans(3, at: Self.ludzaA, semester: 1, subjects: ["seno grieķu valoda"])
        plans += Self.plans(6, at: Self.ludzaB, semester: 1, subjects: ["matemātika"])
        plans += Self.plans(2, at: Self.ludzaB, semester: 1, subjects: ["latīņu valoda"])
        for slice in StatisticsSlice.all where slice.period != .secondSemester {
            let table = try #require(PublishedStatistics.slice(slice, plans: plans, suppress: true).first { $0.name == "subject_consultations" })
            let categories = (table.rows + table.totals).map(\.category)
            #expect(!categories.contains("seno grieķu valoda") && !categories.contains("latīņu valoda"), "\(slice): \(categories)")
            for row in (table.rows + table.totals) where row.category == Suppression.hiddenCategory {
                #expect(row.cells.allSatisfy { $0 == .suppressed || $0 == .notApplicable })
            }
            let perGroup = Dictionary(grouping: table.rows, by: \.group.key).mapValues { $0.filter { $0.category == Suppression.hiddenCategory }.count }
            #expect(perGroup.values.allSatisfy { $0 <= 1 }, "one merged hidden row per group")
        }
        let first = try #require(PublishedStatistics.slice(StatisticsSlice(.firstSemester, .institution), plans: plans, suppress: true)
            .first { $0.name == "subject_consultations" })
        #expect(first.rows.contains { $0.group.key == "ludza-b" && $0.category == "matemātika" && $0.cells.first == .value(6) })
        #expect(first.rows.last { $0.group.key == "ludza-b" }?.category == Suppression.hiddenCategory, "the hidden row ends its group")
        let ikvd = PublishedStatistics.slice(StatisticsSlice(.firstSemester, .institution), plans: plans, suppress: false)
        #expect(ikvd.first { $0.name == "subject_consultations" }?.rows.contains { $0.category == "seno grieķu valoda" } == true)
        // The document labels the merged row.
        #expect(CategoryLabels.label("subject", Suppression.hiddenCategory)?.lv.isEmpty == false)
    }

    /// Deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("property: in 150 random school years no hidden figure is a shown figure minus shown figures, across periods and groupings")
    func noDifferencingAnywhere() {
        var random = SplitMix(state: 17_011)
        let regions = ["Latgale", "Kurzeme"]
        for round in 0..<150 {
            // 2–3 partners per region (municipalities of 1–3 schools, or a VPII), 0–6 plans per school and semester.
            var schools: [School] = []
            for region in regions {
                for partner in 0..<Int.random(in: 1...2, using: &random) {
                    let vocational = Bool.random(using: &random)
                    let count = vocational ? 1 : Int.random(in: 1...3, using: &random)
                    let partnerKey = vocational ? "vpii:\(region)\(partner)" : "municipality:\(region)\(partner)"
                    for index in 0..<count {
                        schools.append(School(key: vocational ? "\(region)\(partner)" : "\(region)\(partner)-\(index)", partner: partnerKey,
                                              region: region, kind: vocational ? "vocational" : "general"))
                    }
                }
            }
            var plans: [Reporting.PlanFacts] = []
            for school in schools {
                for semester in 1...2 {
                    for risk in ["L01", "F04"] {
                        plans += Self.plans(Int.random(in: 0...7, using: &random), at: school, semester: semester, risk: risk,
                                            status: Bool.random(using: &random) ? "approved" : "submitted")
                    }
                }
            }
            let views = Self.views(plans)
            let tables = ["plans_by_risk", "plans_by_status", "hours"]
            let categories = ["L01", "F04", "approved", "submitted", "consultation"]
            var members: [Grouping: [String: [String]]] = [:] // grouping → group → schools
            for school in schools {
                for grouping in Grouping.allCases where grouping != .institution {
                    members[grouping, default: [:]][school.groups[grouping]?.key ?? "", default: []].append(school.key)
                }
            }
            for table in tables {
                for category in categories {
                    // Primary: 1–4 plans are never shown.
                    for slice in StatisticsSlice.all {
                        let published = views[slice]?.first { $0.name == table }
                        for row in (published?.rows ?? []) + (published?.totals ?? []) {
                            if case .value(let plans) = row.cells.first, plans > 0, plans < 5 {
                                Issue.record("round \(round) \(slice) \(table) \(row.group.key) \(row.category): \(plans) shown")
                            }
                        }
                    }
                    // Periods: year = semester 1 + semester 2, for every group of every grouping.
                    for grouping in Grouping.allCases {
                        var groups: [String?] = [nil]
                        if grouping == .institution {
                            groups = schools.map(\.key)
                        } else if grouping != .total {
                            groups = (members[grouping] ?? [:]).keys.map { Optional($0) }
                        }
                        for group in groups {
                            let cells = [StatisticsPeriod.firstSemester, .secondSemester, .schoolYear].map {
                                Self.read(views, StatisticsSlice($0, grouping), table, group: group, category)
                            }
                            if cells.filter({ $0 == .some(nil) }).count == 1 {
                                Issue.record("round \(round): \(table) \(grouping) \(group ?? "total") \(category): one hidden among s1, s2, year \(cells)")
                            }
                        }
                    }
                    // Groupings: a coarse group = the sum of its schools (and the total = the sum of any grouping's groups).
                    for period in StatisticsPeriod.allCases {
                        for (grouping, groups) in members {
                            for (group, keys) in groups {
                                let whole = Self.read(views, StatisticsSlice(period, grouping), table, group: grouping == .total ? nil : group, category)
                                let parts = keys.map { Self.read(views, StatisticsSlice(period, .institution), table, group: $0, category) }
                                if (parts + [whole]).filter({ $0 == .some(nil) }).count == 1 {
                                    Issue.record("round \(round): \(period) \(table) \(grouping) \(group) \(category) = Σ schools \(keys) with one hidden")
                                }
                            }
                            guard grouping != .total else { continue }
                            let total = Self.read(views, StatisticsSlice(period, grouping), table, group: nil, category)
                            let parts = groups.keys.map { Self.read(views, StatisticsSlice(period, grouping), table, group: $0, category) }
                            if (parts + [total]).filter({ $0 == .some(nil) }).count == 1 {
                                Issue.record("round \(round): \(period) \(table) \(grouping) \(category): total = Σ groups with one hidden")
                            }
                        }
                    }
                }
            }
        }
    }
}

import Auth
import Contracts
import Foundation
import Rules
import TestSupport
import Testing

extension PipelineSuites {
    /// Issue #17 items 10 and 11 through the real reporting service: a finance user (national,
    /// suppressed) asks every period and grouping and tries to recover a hidden figure by
    /// subtraction; a typed subject name of a hidden row never appears; a request without a
    /// period is refused.
    @Suite("Reporting: statistics cannot be differenced", .serialized)
    struct ReportingDifferencingTests {
        static func teacher(_ risk: RiskCode) -> ReportingHarness.Measure {
            ReportingHarness.Measure(type: .consultation, addresses: [risk], kind: .consultation, providers: [.teacher], minutes: 120)
        }

        /// A second school of the Ludza municipality (so the municipality is the sum of two schools).
        static func secondLudzaSchool(_ h: ReportingHarness) async throws -> UUID {
            let school = UUID()
            try await h.upstream.publish(InstitutionRegistered(institutionId: school, name: "Ludzas pamatskola", kind: "general",
                                                               founder: "municipal", municipalityId: h.ludza, region: "Latgale"), producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await h.host.scalar("SELECT count(*) FROM replica_institutions WHERE id = $1", [school])) == 1
            })
            return school
        }

        @Test("semester vs school year and institution vs partner recover nothing; hidden subjects are unnamed; a period is required")
        func differencing() async throws {
            let h = try await ReportingHarness.start()
            let ludzaB = try await Self.secondLudzaSchool(h)
            var plans: [ReportingHarness.Plan] = []
            func add(_ count: Int, _ school: UUID, _ risk: RiskCode, semester: String, subjects: [String]) {
                for _ in 0..<count {
                    plans.append(h.plan(school, .submitted, semester: semester, risks: [(risk, subjects)], measures: [Self.teacher(risk)]))
                }
            }
            // Semester 1: Ludza A 3 (hidden), Ludza B 6, Kuldīga 5, the VPII 6 with L01; Kuldīga 3 with L02.
            add(3, h.ludzaSchool, .L01, semester: "2022/2023-1", subjects: ["Seno grieķu valoda"])
            add(6, ludzaB, .L01, semester: "2022/2023-1", subjects: ["Matemātika"])
            add(5, h.kuldigaSchool, .L01, semester: "2022/2023-1", subjects: ["Matemātika"])
            add(6, h.valmieraVPII, .L01, semester: "2022/2023-1", subjects: ["Matemātika"])
            add(3, h.kuldigaSchool, .L02, semester: "2022/2023-1", subjects: ["Matemātika"])
            // Semester 2: Kuldīga 6 with L02 (the year shows 9: before, 9 − 6 gave semester 1's 3 back).
            add(6, h.kuldigaSchool, .L02, semester: "2022/2023-2", subjects: ["Matemātika"])
            for plan in plans { try await h.publish(plan) }
            #expect(await h.settle(plans))

            let finance = try await h.token(.finance, .national)
            let periods = ["semester=2022/2023-1", "semester=2022/2023-2", "schoolYear=2022/2023"]
            var views: [String: [String: Any]] = [:]
            for period in periods {
                for grouping in StatisticsGroupingNames.all {
                    let reply = try await h.statistics(finance, "\(period)&groupBy=\(grouping)")
                    #expect(reply.status == 200, "\(reply.body)")
                    #expect(!reply.body.lowercased().contains("seno grieķu"), "a hidden subject's name never appears: \(period) \(grouping)")
                    views["\(period)|\(grouping)"] = reply.json
                }
            }
            /// A figure as the attacker reads it: a number, nil when hidden, 0 when absent.
            func read(_ period: String, _ grouping: String, _ group: String, _ category: String) -> Int?? {
                switch ReportingHarness.figure(views["\(period)|\(grouping)"] ?? [:], "plans_by_risk", group: group, category, "plans") {
                case let value as Int: .some(value)
                case let text as String where text == "<5": .some(nil)
                default: .some(0)
                }
            }
            let kuldiga = h.kuldigaSchool.uuidString.lowercased(), ludzaA = h.ludzaSchool.uuidString.lowercased()
            let ludzaBKey = ludzaB.uuidString.lowercased()

            // Attack 1: semester 1 = school year − semester 2 (Kuldīga, L02), in every grouping that shows Kuldīga alone.
            for (grouping, group) in [("institution", kuldiga), ("partner", "municipality:\(h.kuldiga.uuidString.lowercased())"), ("region", "Kurzeme")] {
                let first = read(periods[0], grouping, group, "L02"), second = read(periods[1], grouping, group, "L02")
                let year = read(periods[2], grouping, group, "L02")
                #expect(first == .some(nil), "\(grouping): the 3 plans are hidden")
                if case .some(let y?) = year, case .some(let s?) = second {
                    Issue.record("\(grouping): semester 1 recovered as \(y) − \(s) = \(y - s)")
                }
            }
            // Attack 2: Ludza A = the Ludza municipality − Ludza B, in semester 1 and the year (semester 2 has no L01).
            for period in [periods[0], periods[2]] {
                let a = read(period, "institution", ludzaA, "L01"), b = read(period, "institution", ludzaBKey, "L01")
                let municipality = read(period, "partner", "municipality:\(h.ludza.uuidString.lowercased())", "L01")
                #expect(a == .some(nil), "\(period): Ludza A's 3 plans are hidden")
                if case .some(let m?) = municipality, case .some(let other?) = b {
                    Issue.record("\(period): Ludza A recovered as \(m) − \(other) = \(m - other)")
                }
                let latgale = read(period, "region", "Latgale", "L01")
                if case .some(let r?) = latgale, case .some(let other?) = b { Issue.record("\(period): Ludza A = Latgale \(r) − B \(other)") }
            }
            // IKVD still sees everything, names included.
            let ikvd = try await h.statistics(try await h.token(.ikvdExpert, .national), "semester=2022/2023-1&groupBy=institution")
            #expect(ReportingHarness.figure(ikvd.json, "plans_by_risk", group: ludzaA, "L01", "plans") as? Int == 3)
            #expect(ikvd.body.contains("seno grieķu valoda"))

            // Item 10: a period is required (one request reads one school year at most).
            for path in ["/statistics", "/statistics?groupBy=institution", "/statistics.csv"] {
                let refused = try await h.client.send("GET", path, finance)
                #expect(refused.status == 422 && refused.body.contains("statistics.period_required"), "\(path): \(refused.body)")
                #expect(refused.body.contains("Norādiet periodu") && refused.body.contains("Give a period"), "Latvian and English")
            }
            await h.stop()
        }
    }
}

/// The `groupBy` values.
enum StatisticsGroupingNames {
    static let all = ["total", "region", "partner", "institution_type", "institution"]
}

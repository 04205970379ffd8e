import Auth
import Contracts
import Foundation
import Postgres
import Rules
import TestSupport
import Testing

extension PipelineSuites {
    /// Issue #19 point 9: the programme's tables (seed 001) reconcile exactly with the plans and with
    /// the consultations recorded. Reporting and timesheets are both hosted for real on one broker;
    /// plans come as the upstream services publish them, consultations are recorded, withdrawn,
    /// submitted and approved through timesheets' HTTP API, and reach reporting only as timesheets'
    /// own `worklog.approved`. The tables must equal what timesheets' entries and the script say.
    @Suite("Reporting: the programme's tables reconcile with plans and timesheets", .serialized)
    struct ReportingProgrammeTablesTests {
        typealias M = ReportingHarness.Measure

        @Test("partners and plans per region (VPII subtotal), risks, measures, and consultations by subject and specialist")
        func reconcile() async throws {
            let timesheets = try await TimesheetsHarness.start()
            let h = try await ReportingHarness.start() // registers the directory: timesheets' queue hears it too

            func teacher(_ risk: RiskCode) -> M { M(type: .consultation, addresses: [risk], kind: .consultation, providers: [.teacher], minutes: 900) }
            let p1 = h.plan(h.ludzaSchool, .approved, risks: [(.L02, ["Matemātika"]), (.F04, [])],
                            measures: [teacher(.L02), M(type: .consultation, addresses: [.F04], kind: .consultativeSupport, providers: [.psychologist],
                                                        minutes: 600), M(type: .meals, addresses: [.F04], cents: 7_000)])
            let p2 = h.plan(h.ludzaSchool, .approved, risks: [(.L01, ["Fizika"])], measures: [teacher(.L01)])
            let p3 = h.plan(h.ludzaSchool, .awaitingMunicipality, risks: [(.L01, ["Matemātika"])], measures: [teacher(.L01)])
            let p4 = h.plan(h.ludzaSchool, .deleted, risks: [(.E02, [])], measures: [M(type: .transportIntercity, addresses: [.E02], cents: 3_000)])
            let k1 = h.plan(h.kuldigaSchool, .approved, risks: [(.L02, ["Angļu valoda"])], measures: [teacher(.L02)])
            let v1 = h.plan(h.valmieraVPII, .approved, risks: [(.L03, ["Matemātika"]), (.S02, [])],
                            measures: [teacher(.L03), M(type: .consultation, addresses: [.S02], kind: .consultation, providers: [.speechTherapist],
                                                        minutes: 600), M(type: .lodging, addresses: [.L03], cents: 3_500)])
            let v2 = h.plan(h.valmieraVPII, .approved, risks: [(.L01, ["Ķīmija"])], measures: [teacher(.L01)])
            let plans = [p1, p2, p3, p4, k1, v1, v2]
            // Other suites' plans may share reporting's schema: the tables must grow by exactly this script.
            let ikvd = try await h.token(.ikvdExpert, .national)
            let before = try await Self.figures(h, ikvd)
            for plan in plans { try await h.publish(plan) }
            #expect(await h.settle(plans))
            for plan in plans where plan.state == .approved {
                try await timesheets.start(plan.reference, measures: plan.measures.map(\.payload))
            }

            // Consultations through timesheets' API: at most two a week per plan (the load rule), one withdrawn.
            let api = timesheets.client()
            var specialists: [UUID: String] = [:], coordinators: [UUID: String] = [:]
            for school in [h.ludzaSchool, h.kuldigaSchool, h.valmieraVPII] {
                specialists[school] = try await timesheets.recorder(.specialist, .institution(school))
                coordinators[school] = try await timesheets.token(.institutionCoordinator, .institution(school))
            }
            var workLogs: Set<String> = []
            func consult(_ plan: ReportingHarness.Plan, _ measure: M, _ provider: ProviderType, _ date: String, _ subject: String?) async throws -> String {
                let token = specialists[plan.reference.institutionId] ?? ""
                let payload = measure.payload
                let reply = try await api.send("POST", "/timesheets/entries", token, TimesheetsHarness.consultationBody(
                    plan.reference, payload, date: date, minutes: 45, provider: provider.rawValue, subject: subject, remote: false))
                #expect(reply.status == 201, "\(reply.body)")
                workLogs.insert(try #require(reply.value("entry", "workLogId") as? String))
                return try #require(reply.value("entry", "id") as? String)
            }
            for (plan, subjects) in [(p1, ["Matemātika", "matemātika ", "Matemātika", "Fizika"]), (p2, ["Fizika", "fizika"]),
                                     (k1, ["Angļu valoda", "Angļu valoda", "Angļu valoda"]), (v1, ["Matemātika", "Matemātika"]), (v2, ["Ķīmija"])] {
                for (index, subject) in subjects.enumerated() {
                    _ = try await consult(plan, plan.measure(.consultation), .teacher, ["2022-10-03", "2022-10-05", "2022-10-10", "2022-10-12"][index], subject)
                }
            }
            _ = try await consult(p1, p1.measure(.consultation, 1), .psychologist, "2022-10-17", nil)
            _ = try await consult(v1, v1.measure(.consultation, 1), .speechTherapist, "2022-10-17", nil)
            let withdrawn = try await consult(v1, v1.measure(.consultation, 1), .speechTherapist, "2022-10-19", nil)
            let withdraw = try await api.send("POST", "/timesheets/entries/\(withdrawn)/withdraw", specialists[h.valmieraVPII] ?? "")
            #expect(withdraw.status == 200, "\(withdraw.body)")

            // Each month is submitted by its owner and approved by the institution's coordinator.
            for workLog in workLogs {
                let detail = try await timesheets.host.pool.withConnection {
                    try $0.query("SELECT institution_id FROM work_logs WHERE id = $1", [UUID(uuidString: workLog)]).first?.decode("institution_id", as: UUID.self)
                }
                let institution = try #require(detail)
                #expect(try await api.send("POST", "/timesheets/worklogs/\(workLog)/submit", specialists[institution] ?? "").status == 200)
                let approved = try await api.send("POST", "/timesheets/worklogs/\(workLog)/approve", coordinators[institution] ?? "")
                #expect(approved.status == 200, "\(approved.body)")
            }
            // Reporting hears timesheets' worklog.approved through the broker.
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(60)) {
                (try? await h.host.scalar("SELECT count(DISTINCT work_log_id) FROM rep_work_lines")) == workLogs.count
            })

            // What timesheets holds: consultations not withdrawn, by normalised subject and by provider.
            let entries: [(String, String?)] = try await timesheets.host.pool.withConnection { connection in
                try connection.query("""
                    SELECT provider_type, subject FROM entries WHERE withdrawn_at IS NULL AND role = 'specialist' AND plan_id = ANY($1::uuid[])
                    """, ["{" + plans.map { $0.reference.planId.uuidString.lowercased() }.joined(separator: ",") + "}"]).map {
                    let subject: String? = try $0.decode("subject")
                    return (try $0.decode("provider_type", as: String.self), subject)
                }
            }
            #expect(entries.count == 14, "12 teacher entries, a psychologist's and a speech therapist's; the withdrawn one left out")
            var bySubject: [String: Int64] = [:], byProvider: [String: Int64] = [:]
            for (provider, subject) in entries {
                byProvider[provider, default: 0] += 1
                if let subject { bySubject[SubjectName.normalised(subject) ?? "", default: 0] += 1 }
            }

            let after = try await Self.figures(h, ikvd)
            /// What the script added to a figure.
            func figure(_ table: String, _ row: String, _ column: String) -> Int64? {
                let key = "\(table)|\(row)|\(column)"
                return after[key].map { $0 - (before[key] ?? 0) }
            }
            for (subject, count) in bySubject { #expect(figure("consultations_by_subject", subject, "consultations") == count, "\(subject)") }
            #expect(figure("consultations_by_subject", "total", "consultations") == bySubject.values.reduce(0, +))
            #expect(bySubject["matemātika"] == 5, "Matemātika and 'matemātika ' are one subject")
            for (provider, count) in byProvider { #expect(figure("consultations_by_specialist", provider, "consultations") == count, "\(provider)") }
            #expect(figure("consultations_by_specialist", "total", "consultations") == Int64(entries.count))

            // Plans: every plan of the year not deleted, by region, with the VPII subtotal.
            let counted = plans.filter { $0.state != .deleted }
            func region(_ plan: ReportingHarness.Plan) -> String {
                [h.ludzaSchool: "Latgale", h.kuldigaSchool: "Kurzeme", h.valmieraVPII: "Vidzeme"][plan.reference.institutionId] ?? "?"
            }
            for name in ["Latgale", "Kurzeme", "Vidzeme", "Rīga", "Zemgale"] {
                let inRegion = counted.filter { region($0) == name }
                #expect(figure("plans_by_region", name, "plans") == Int64(inRegion.count), "\(name)")
                #expect(figure("plans_by_region", name, "vpiiPlans") == Int64(inRegion.filter { $0.reference.institutionId == h.valmieraVPII }.count))
            }
            #expect(figure("plans_by_region", "total", "plans") == Int64(counted.count))
            #expect(figure("plans_by_region", "total", "vpiiPlans") == 2)
            #expect(figure("partners_by_region", "Latgale", "municipalities") == 1 && figure("partners_by_region", "Vidzeme", "vpii") == 1)
            #expect(figure("partners_by_region", "total", "partners") == 3)
            for code in RiskCode.allCases {
                #expect(figure("plans_by_risk", code.rawValue, "plans") == Int64(counted.filter { $0.risks.contains { $0.code == code } }.count), "\(code)")
            }
            for type in MeasureType.allCases {
                #expect(figure("plans_by_measure", type.rawValue, "plans") == Int64(counted.filter { $0.measures.contains { $0.type == type } }.count))
            }

            // One table as CSV, as printed; and a municipality coordinator sees only their plans, small figures hidden.
            let csv = try await h.client.send("GET", "/statistics/programme.csv?schoolYear=2022/2023&table=consultations_by_specialist", ikvd)
            #expect(csv.status == 200 && csv.body.hasPrefix("Kods / Code,Speciālists / Specialist,Konsultāciju skaits / Consultations,IAP skaits / Plans\r\n"), "\(csv.body)")
            #expect(csv.body.contains("\r\ntotal,Kopā / Total,\(after["consultations_by_specialist|total|consultations"] ?? -1),\r\n"), "\(csv.body)")
            #expect(try await h.client.send("GET", "/statistics/programme.csv?schoolYear=2022/2023", ikvd).status == 422)
            #expect(try await h.client.send("GET", "/statistics/programme?schoolYear=2022/2023&table=nope", ikvd).status == 422)
            let coordinator = try await h.token(.municipalityCoordinator, .municipality(h.ludza))
            let scoped = try await h.client.send("GET", "/statistics/programme?semester=2022/2023-1&table=plans_by_region", coordinator)
            let scopedRows = ((scoped.json["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]) ?? []
            #expect(scopedRows.first { $0["key"] as? String == "Latgale" }?["plans"] as? String == "<5", "\(scoped.body)")
            #expect((scopedRows.first { $0["key"] as? String == "Kurzeme" }?["plans"] as? Int) == 0, "outside the scope")
            #expect(try await h.client.send("GET", "/statistics/programme?schoolYear=2022/2023", try await h.token(.preparer, .institution(h.ludzaSchool))).status == 403)
            await h.stop()
            await timesheets.stop()
        }

        /// Every figure of the programme report for 2022/2023 as IKVD reads it: (table, row, column) → value.
        static func figures(_ h: ReportingHarness, _ token: String) async throws -> [String: Int64] {
            let reply = try await h.client.send("GET", "/statistics/programme?schoolYear=2022/2023", token)
            #expect(reply.status == 200, "\(reply.body)")
            var out: [String: Int64] = [:]
            for table in reply.json["tables"] as? [[String: Any]] ?? [] {
                let name = table["name"] as? String ?? ""
                let columns = ((table["columns"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String }
                for row in (table["rows"] as? [[String: Any]] ?? []) + ((table["total"] as? [String: Any]).map { [$0] } ?? []) {
                    for column in columns {
                        if let value = row[column] as? Int { out["\(name)|\(row["key"] as? String ?? "")|\(column)"] = Int64(value) }
                    }
                }
            }
            return out
        }
    }
}

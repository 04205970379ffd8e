import Auth
import Contracts
import Foundation
import Postgres
import Rules
import TestSupport
import Testing

extension PipelineSuites {
    /// The implementation report against the real approval routing service: the plan is approved
    /// through approval's API, work and payouts arrive as events, the preparer writes and submits,
    /// approval makes the plan `reported`, the head confirms, approval closes it.
    @Suite("Reporting: the implementation report with approval routing")
    struct ReportingReportFlowTests {
        @Test("write → submit → plan reported → head confirms → closed, with delivered hours and paid money next to planned")
        func reportFlow() async throws {
            let h = try await ReportingHarness.start(withApproval: true)
            let approval = try #require(h.approvalClient)
            let api = h.client
            let plan = h.plan(h.ludzaSchool, .approved, risks: [(.L02, ["Matemātika"]), (.F04, [])],
                              measures: [.init(type: .consultation, addresses: [.L02], kind: .consultation, providers: [.teacher], minutes: 600),
                                         .init(type: .meals, addresses: [.F04], cents: 7_000)])
            let planId = plan.reference.planId
            let preparerId = UUID(), headId = UUID()
            let preparer = try await h.token(.preparer, .institution(h.ludzaSchool), person: preparerId)
            let head = try await h.token(.institutionHead, .institution(h.ludzaSchool), person: headId)

            // Intake and validation publish; approval routes; approvers decide through approval's API.
            let content = try plan.submitted(preparer: preparerId)
            try await h.upstream.publish(content, producer: "intake")
            try await h.upstream.publish(PlanSubmitted(plan: content.plan, submittedBy: content.submittedBy, riskCodes: content.riskCodes,
                                                       measures: content.measures), producer: "intake")
            try await h.upstream.publish(PlanValidated(plan: plan.reference, warnings: []), producer: "risk_validation")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { (try? await h.status(planId)) == "awaiting_institution_head" })
            let approvers = [head, try await h.token(.municipalityCoordinator, .municipality(h.ludza)), try await h.token(.ikvdExpert, .national)]
            for token in approvers {
                let decided = try await approval.send("POST", "/approvals/plans/\(planId)/approve", token)
                #expect(decided.status == 200, "\(decided.body)")
            }
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { (try? await h.status(planId)) == "approved" })

            // Delivered work and paid money, as timesheets and payouts publish them.
            try await h.upstream.publish(WorkLogApproved(
                workLogId: UUID(), personId: UUID(), institutionId: h.ludzaSchool, month: "2022-11",
                lines: [WorkLogLine(plan: plan.reference, measureId: plan.measures[0].id, role: "specialist", providerType: "teacher", minutes: 240),
                        WorkLogLine(plan: plan.reference, measureId: nil, role: "preparer", providerType: nil, minutes: 60)],
                approvedBy: ActorPayload(personId: UUID(), role: "institution_coordinator")), producer: "timesheets")
            for (measure, cents) in [("meals", Int64(7_000)), ("staff_pay", 6_000)] {
                let id = UUID()
                try await h.upstream.publish(PayoutReleased(payoutId: id, idempotencyKey: "k:\(id)", amountCents: cents, period: "2022-11",
                                                            studentCode: plan.reference.studentCode, planId: planId, measure: measure,
                                                            payeeReference: "P-1"), producer: "payouts")
            }
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                let payouts = try? await h.host.scalar("SELECT count(*) FROM rep_payouts WHERE plan_id = $1", [planId])
                let lines = try? await h.host.scalar("SELECT count(*) FROM rep_work_lines WHERE plan_id = $1", [planId])
                return payouts == 2 && lines == 2
            })

            // The report before anything is written: planned next to delivered, filled in from the events.
            let blank = try await api.send("GET", "/reports/\(planId)", preparer)
            #expect(blank.status == 200, "\(blank.body)")
            #expect(blank.json["state"] as? String == "not_started" && blank.json["planStatus"] as? String == "approved")
            #expect(blank.json["missingRisks"] as? [String] == ["L02", "F04"])
            let figures = try #require(blank.json["figures"] as? [String: Any])
            let measures = figures["measures"] as? [[String: Any]] ?? []
            #expect(measures.first?["plannedMinutes"] as? Int == 600 && measures.first?["deliveredMinutes"] as? Int == 240)
            #expect(measures.last?["plannedCents"] as? Int == 28_000 && measures.last?["paidCents"] as? Int == 7_000)
            #expect(figures["staffPaidCents"] as? Int == 6_000)
            #expect((figures["preparer"] as? [String: Any])?["recordedMinutes"] as? Int == 60)
            #expect((figures["preparer"] as? [String: Any])?["limitMinutes"] as? Int == 600)

            // A draft with one risk; submission needs both.
            let l02 = #"{"riskCode":"L02","done":"Matemātikas konsultācijas reizi nedēļā","outcome":"reduced","comment":"Semestra vērtējums pieauga no 3 uz 5."}"#
            let f04 = #"{"riskCode":"F04","done":"Sarunas ar vecākiem katru mēnesi","outcome":"unchanged","comment":"Vecāki joprojām reti iesaistās."}"#
            let unwritten = try await api.send("POST", "/reports/\(planId)/submit", preparer)
            #expect(unwritten.status == 409 && unwritten.body.contains("report.not_written"), "\(unwritten.body)")
            let draft = try await api.send("PUT", "/reports/\(planId)", preparer, #"{"risks":[\#(l02)]}"#)
            #expect(draft.status == 200 && draft.json["state"] as? String == "draft", "\(draft.body)")
            let incomplete = try await api.send("POST", "/reports/\(planId)/submit", preparer)
            #expect(incomplete.status == 422 && incomplete.body.contains("report.risk_missing") && incomplete.body.contains("F04"), "\(incomplete.body)")
            let unknown = try await api.send("PUT", "/reports/\(planId)", preparer,
                                             #"{"risks":[{"riskCode":"S03","done":"Kaut kas darīts","outcome":"worse","comment":"Tā tas bija."}]}"#)
            #expect(unknown.status == 422 && unknown.body.contains("risks[0].riskCode") && unknown.body.contains("report.risk_unknown"))
            let code = try await api.send("PUT", "/reports/\(planId)", preparer,
                                          #"{"risks":[{"riskCode":"L02","done":"Runājām ar 161175-19997","outcome":"reduced","comment":"Labi gāja."}]}"#)
            #expect(code.status == 422 && code.body.contains("text.personal_code") && !code.body.contains("161175"))
            let extra = try await api.send("PUT", "/reports/\(planId)", preparer, #"{"risks":[],"grade":5}"#)
            #expect(extra.status == 422 && extra.body.contains("request.unknown_field"))
            #expect(try await api.send("PUT", "/reports/\(planId)", head, #"{"risks":[]}"#).status == 403, "the head does not write it")
            let outsider = try await h.token(.preparer, .institution(h.kuldigaSchool))
            #expect(try await api.send("GET", "/reports/\(planId)", outsider).status == 404)
            #expect(try await api.send("PUT", "/reports/\(planId)", outsider, #"{"risks":[]}"#).status == 404)
            let early = try await api.send("POST", "/reports/\(planId)/confirm", head)
            #expect(early.status == 409 && early.body.contains("report.not_submitted"))

            #expect(try await api.send("PUT", "/reports/\(planId)", preparer, #"{"risks":[\#(l02),\#(f04)],"summary":"Kopumā sekmīgi."}"#).status == 200)
            let submitted = try await api.send("POST", "/reports/\(planId)/submit", preparer, "{}")
            #expect(submitted.status == 200 && submitted.json["state"] as? String == "submitted", "\(submitted.body)")
            #expect(submitted.json["figuresAtSubmission"] != nil)
            let again = try await api.send("PUT", "/reports/\(planId)", preparer, #"{"risks":[\#(l02),\#(f04)]}"#)
            #expect(again.status == 409 && again.body.contains("report.not_editable"))

            // Approval routing applies `.report` and publishes plan.reported; reporting follows.
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                let inApproval = try? await approvalState(h, planId)
                let inReporting = try? await h.status(planId)
                return inApproval == "reported" && inReporting == "reported"
            })
            // Nobody confirms their own report; only the head confirms; another institution's head does not see it.
            let preparerAsHead = try await h.token(.institutionHead, .institution(h.ludzaSchool), person: preparerId)
            let ownReport = try await api.send("POST", "/reports/\(planId)/confirm", preparerAsHead)
            #expect(ownReport.status == 403 && ownReport.body.contains("report.own_report"), "\(ownReport.body)")
            #expect(try await api.send("POST", "/reports/\(planId)/confirm", preparer).status == 403)
            let otherHead = try await h.token(.institutionHead, .institution(h.kuldigaSchool))
            #expect(try await api.send("POST", "/reports/\(planId)/confirm", otherHead).status == 404)
            let waiting = try await api.send("GET", "/reports?state=submitted&semester=2022/2023-1", head)
            let listed = (waiting.json["items"] as? [[String: Any]])?.compactMap { ($0["planId"] as? String)?.lowercased() }
            #expect(listed == [planId.uuidString.lowercased()], "\(waiting.body)")
            let coordinatorOfOther = try await h.token(.municipalityCoordinator, .municipality(h.kuldiga))
            #expect(try await api.send("GET", "/reports", coordinatorOfOther).json["total"] as? Int == 0)

            let confirmed = try await api.send("POST", "/reports/\(planId)/confirm", head)
            #expect(confirmed.status == 200 && confirmed.json["state"] as? String == "confirmed", "\(confirmed.body)")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                let inApproval = try? await approvalState(h, planId)
                let inReporting = try? await h.status(planId)
                return inApproval == "closed" && inReporting == "closed"
            })
            let decisions = try await approvalCommands(h, planId)
            #expect(decisions.suffix(2) == ["report", "close"], "\(decisions)")
            let closed = try await api.send("POST", "/reports/\(planId)/confirm", head)
            #expect(closed.status == 409 && closed.body.contains("report.already_confirmed"))
            let coordinator = try await h.token(.municipalityCoordinator, .municipality(h.ludza))
            let final = try await api.send("GET", "/reports/\(planId)", coordinator)
            #expect(final.json["planStatus"] as? String == "closed")
            #expect((final.json["confirmedBy"] as? String)?.lowercased() == headId.uuidString.lowercased())
            #expect((final.json["risks"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["reduced", "unchanged"])
            await h.stop()
        }

        static func approvalStateQuery(_ h: ReportingHarness, _ planId: UUID) async throws -> String? {
            try await h.approval?.pool.withConnection {
                try $0.query("SELECT state FROM approval_plans WHERE plan_id = $1", [planId]).first?.decode("state", as: String.self)
            }
        }
    }
}

/// Approval routing's state for the plan.
private func approvalState(_ h: ReportingHarness, _ planId: UUID) async throws -> String? {
    try await PipelineSuites.ReportingReportFlowTests.approvalStateQuery(h, planId)
}

/// The commands approval routing recorded for the plan, in order.
private func approvalCommands(_ h: ReportingHarness, _ planId: UUID) async throws -> [String] {
    try await h.approval?.pool.withConnection {
        try $0.query("SELECT command FROM decisions WHERE plan_id = $1 ORDER BY id", [planId]).map { try $0.decode("command", as: String.self) }
    } ?? []
}

import Auth
import Contracts
import Foundation
import Rules
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Reads are audited where they are served (issue #17, item 9): approval's plan summary and
    /// reporting's report each write a `read_audit` row (who, what, plan, route); the IKVD
    /// administrator does not read reports; `GET /audit` finds the rows by person, plan and date.
    @Suite("Read audit in approval and reporting", .serialized)
    struct ReadAuditReportingApprovalTests {
        @Test("summary and report reads are audited with who/what/route; the admin gets 403 on a report; GET /audit filters")
        func readsAreAudited() async throws {
            let h = try await ReportingHarness.start(withApproval: true)
            let approvalHost = try #require(h.approval)
            let approval = try #require(h.approvalClient)
            let api = h.client
            let plan = h.plan(h.ludzaSchool, .approved, risks: [(.L02, ["Matemātika"])],
                              measures: [.init(type: .consultation, addresses: [.L02], kind: .consultation, providers: [.teacher], minutes: 600)])
            let planId = plan.reference.planId
            let preparerId = UUID(), headId = UUID()
            let preparer = try await h.token(.preparer, .institution(h.ludzaSchool), person: preparerId)
            let head = try await h.token(.institutionHead, .institution(h.ludzaSchool), person: headId)
            try await TestGrants.replica(try Principal(personId: headId, role: .institutionHead, scope: .institution(h.ludzaSchool)),
                                         on: approvalHost.pool)
            let content = try plan.submitted(preparer: preparerId)
            try await h.upstream.publish(content, producer: "intake")
            try await h.upstream.publish(PlanSubmitted(plan: content.plan, submittedBy: content.submittedBy, riskCodes: content.riskCodes,
                                                       measures: content.measures), producer: "intake")
            try await h.upstream.publish(PlanValidated(plan: plan.reference, warnings: []), producer: "risk_validation")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { (try? await h.status(planId)) == "awaiting_institution_head" })

            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await approvalHost.scalar("SELECT count(*) FROM approval_plans WHERE plan_id = $1", [planId])) == 1
            })
            // Approval: the head reads the summary with its comments.
            let summary = try await approval.send("GET", "/approvals/plans/\(planId)", head)
            let knownPlans = try await approvalHost.scalar("SELECT count(*) FROM approval_plans WHERE plan_id = $1", [planId])
            let knownSchools = try await approvalHost.scalar("SELECT count(*) FROM replica_institutions WHERE id = $1", [h.ludzaSchool])
            #expect(summary.status == 200, "\(summary.body) plans=\(knownPlans) schools=\(knownSchools)")
            #expect(try await approvalHost.scalar("""
                SELECT count(*) FROM read_audit WHERE actor = $1 AND role = 'institution_head' AND action = 'approval.summary_read'
                  AND subject = $2 AND plan_id = $3 AND lower(route) = lower($4)
                """, [headId, "plan:\(planId.uuidString.lowercased())", planId, "GET /approvals/plans/\(planId.uuidString.lowercased())"]) == 1)

            // Reporting: the preparer reads the report; the administrator may not.
            let report = try await api.send("GET", "/reports/\(planId)", preparer)
            #expect(report.status == 200, "\(report.body)")
            #expect(try await h.host.scalar("""
                SELECT count(*) FROM read_audit WHERE actor = $1 AND role = 'preparer' AND action = 'report.read'
                  AND plan_id = $2 AND lower(route) = lower($3) AND scope = $4
                """, [preparerId, planId, "GET /reports/\(planId.uuidString.lowercased())", "institution:\(h.ludzaSchool.uuidString.lowercased())"]) == 1)
            let admin = try await h.token(.ikvdAdmin, .national)
            let refused = try await api.send("GET", "/reports/\(planId)", admin)
            #expect(refused.status == 403, "\(refused.body)")
            #expect(try await api.send("GET", "/reports?semester=\(ReportingHarness.semester)", admin).status == 403)

            // GET /audit: IKVD only; filters by person, plan and date; paged.
            let mine = try await api.send("GET", "/audit?person=\(preparerId)&planId=\(planId)", admin)
            #expect(mine.status == 200, "\(mine.body)")
            let items = mine.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1 && mine.json["total"] as? Int == 1, "\(mine.body)")
            #expect(items.first?["action"] as? String == "report.read")
            #expect((items.first?["route"] as? String)?.lowercased() == "GET /reports/\(planId.uuidString.lowercased())".lowercased())
            #expect(items.first?["actor"] as? String == preparerId.uuidString)
            let nobody = try await api.send("GET", "/audit?person=\(headId)", admin)
            #expect(nobody.json["total"] as? Int == 0, "\(nobody.body)")
            let today = CalendarDate.todayUTC() ?? ReportingHarness.today
            let tomorrow = try #require(today.adding(days: 1))
            let later = try await api.send("GET", "/audit?planId=\(planId)&from=\(tomorrow)", admin)
            #expect(later.json["total"] as? Int == 0, "\(later.body)")
            let todays = try await api.send("GET", "/audit?planId=\(planId)&from=\(today)&to=\(today)&limit=1", admin)
            #expect(todays.json["total"] as? Int == 1 && todays.json["limit"] as? Int == 1, "\(todays.body)")
            #expect(try await api.send("GET", "/audit?from=yesterday", admin).status == 422)
            #expect(try await api.send("GET", "/audit", head).status == 403)
            #expect(try await api.send("GET", "/audit", try await h.token(.ikvdExpert, .region("Latgale"))).status == 403)
            #expect(try await api.send("GET", "/audit", try await h.token(.ikvdExpert, .national)).status == 200)
            // Approval serves its own rows.
            let approvalAdminId = UUID()
            try await TestGrants.replica(try Principal(personId: approvalAdminId, role: .ikvdAdmin, scope: .national), on: approvalHost.pool)
            let approvalAdmin = try await h.minter.mint(personId: approvalAdminId, role: .ikvdAdmin, scope: .national)
            let approvalRows = try await approval.send("GET", "/audit?planId=\(planId)", approvalAdmin)
            #expect(approvalRows.status == 200 && approvalRows.json["total"] as? Int == 1, "\(approvalRows.body)")
            await h.stop()
        }
    }
}

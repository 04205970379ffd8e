import Auth
import Contracts
import Foundation
import TestSupport
import Testing

extension PipelineSuites {
    /// Reading a work record writes a `read_audit` row in timesheets per plan it covers (issue
    /// #17, item 9); `GET /audit` finds it by plan.
    @Suite("Read audit in timesheets", .serialized)
    struct ReadAuditTimesheetsTests {
        @Test("a coordinator's read of a work record is audited with who/what/plan/route")
        func workLogReadIsAudited() async throws {
            let harness = try await TimesheetsHarness.start()
            let api = harness.client()
            let (_, school, _) = try await harness.directory()
            let coordinatorId = UUID()
            let specialist = try await harness.recorder(.specialist, .institution(school))
            let coordinator = try await harness.token(.institutionCoordinator, .institution(school), person: coordinatorId)
            let plan = TimesheetsHarness.plan(school)
            let measure = TimesheetsHarness.consultation(960)
            try await harness.start(plan, measures: [measure])
            let entry = try await api.send("POST", "/timesheets/entries", specialist,
                                           TimesheetsHarness.consultationBody(plan, measure, date: "2022-10-03", minutes: 45, provider: "teacher",
                                                                              subject: "matemātika", remote: false))
            #expect(entry.status == 201, "\(entry.body)")
            let workLogId = try #require(entry.value("entry", "workLogId") as? String).lowercased()
            let detail = try await api.send("GET", "/timesheets/worklogs/\(workLogId)", coordinator)
            #expect(detail.status == 200, "\(detail.body)")
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM read_audit WHERE actor = $1 AND role = 'institution_coordinator' AND action = 'worklog.read'
                  AND subject = $2 AND plan_id = $3 AND lower(route) = lower($4)
                """, [coordinatorId, "worklog:\(workLogId)", plan.planId, "GET /timesheets/worklogs/\(workLogId)"]) == 1)

            let admin = try await harness.token(.ikvdAdmin, .national)
            let rows = try await api.send("GET", "/audit?planId=\(plan.planId)", admin)
            #expect(rows.status == 200 && rows.json["total"] as? Int == 1, "\(rows.body)")
            await harness.stop()
        }
    }
}

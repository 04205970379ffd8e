import Auth
import Foundation
import HTTPTypes
import Intake
import Testing

/// Intake serves its own audit rows (changes and reads) at `GET /audit` to IKVD (issue #17,
/// item 9); the administrator still does not read plan content.
@Suite("Intake audit for IKVD", .serialized)
struct IntakeAuditHTTPTests {
    @Test("GET /audit lists a plan's create and read rows by plan and person; the admin cannot read the plan itself")
    func auditByPlan() async throws {
        let harness = try await IntakeHarness.make("intakeaudit")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let preparerId = UUID()
            let preparer = try await harness.token(.preparer, .institution(directory.school), person: preparerId)
            let created = try await api.post("/plans", preparer,
                                             #"{"institutionId":"\#(directory.school)","personalCode":"\#(IntakeHarness.code)","semester":"\#(IntakeHarness.semester)"}"#)
            let planId = try #require(created.string("id"), "\(created.body)")
            #expect(try await api.get("/plans/\(planId)", preparer).status == .ok)
            #expect(try await api.get("/plans/\(planId)", directory.admin).status == .forbidden, "the administrator does not read plan content")

            let rows = try await api.get("/audit?planId=\(planId)&person=\(preparerId)", directory.admin)
            #expect(rows.status == .ok, "\(rows.body)")
            let actions = (rows.json["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions == ["plan.read", "plan.create"], "\(rows.body)")
            #expect(!rows.body.contains("100308"), "no personal code in the audit")
            #expect(try await api.get("/audit", preparer).status == .forbidden)
            #expect(try await api.get("/audit?person=nope", directory.admin).status == .unprocessableContent)
        }
    }
}

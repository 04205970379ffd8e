import Auth
import Foundation
import HTTPTypes
import Intake
import Testing

/// Upload quotas (issue #17, item 10): a plan holds a bounded number of documents and bytes, a
/// person uploads a bounded number of documents and bytes per UTC day; refusals are problem+json
/// in Latvian and English and store nothing.
@Suite("Intake upload quotas", .serialized)
struct UploadQuotaHTTPTests {
    @Test("a full plan is 409 document.plan_quota, a person's full day is 429 document.daily_quota; others still upload")
    func quotasAreEnforced() async throws {
        let quota = UploadQuota(documentsPerPlan: 2, bytesPerPlan: 1024 * 1024, uploadsPerPersonPerDay: 3, bytesPerPersonPerDay: 1024 * 1024)
        let harness = try await IntakeHarness.make("quota", limits: IntakeAPI.Limits(jsonBody: 16 * 1024, document: 64 * 1024, quota: quota))
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let preparerId = UUID()
            let preparer = try await harness.token(.preparer, .institution(directory.school), person: preparerId)
            let head = try await harness.token(.institutionHead, .institution(directory.school))
            func plan(_ code: String) async throws -> String {
                let created = try await api.post("/plans", preparer,
                                                 #"{"institutionId":"\#(directory.school)","personalCode":"\#(code)","semester":"\#(IntakeHarness.semester)"}"#)
                return try #require(created.string("id"), "\(created.body)")
            }
            func upload(_ planId: String, _ token: String) async throws -> Reply {
                try await api.call(.post, "/plans/\(planId)/documents?purpose=evidence&kind=staff_report", token: token,
                                   bytes: SamplePlan.pdf, contentType: "application/pdf")
            }
            let first = try await plan(IntakeHarness.code)
            let second = try await plan(IntakeHarness.otherCode)

            #expect(try await upload(first, preparer).status == .created)
            #expect(try await upload(first, preparer).status == .created)
            let planFull = try await upload(first, preparer)
            #expect(planFull.status == .conflict, "\(planFull.body)")
            #expect(planFull.rules == ["document.plan_quota"], "\(planFull.body)")
            #expect(planFull.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let error = (planFull.json["errors"] as? [[String: Any]])?.first
            #expect((error?["message"] as? String)?.contains("dokumentiem") == true)
            #expect((error?["messageEn"] as? String)?.contains("documents") == true)

            #expect(try await upload(second, preparer).status == .created)
            let dayFull = try await upload(second, preparer)
            #expect(dayFull.status == .tooManyRequests, "\(dayFull.body)")
            #expect(dayFull.rules == ["document.daily_quota"], "\(dayFull.body)")
            // Someone else's day is their own; the second plan still has room.
            #expect(try await upload(second, head).status == .created)

            #expect(try await harness.scalar("SELECT count(*) FROM documents WHERE uploaded_by = $1", [preparerId]) == 3,
                    "refused uploads store nothing")
        }
    }
}

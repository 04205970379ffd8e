import Auth
import Foundation
import HTTPTypes
import Intake
import Rules
import Testing

/// Issue #17 item 7 through intake's real submit (router + real PostgreSQL): the figure that used
/// to pass validation and then break reporting's integer column is refused at submission, with
/// a finding that names the field in Latvian and English, and nothing goes to the outbox.
@Suite("Intake HTTP: typed numbers have domain bounds")
struct PlanBoundsHTTPTests {
    /// The sample plan with 3,000,000,000 planned minutes and a load justification (which lifts
    /// the weekly-load error: before the bound nothing else refused the figure).
    static var hugeMinutes: String {
        SamplePlan.content
            .replacingOccurrences(of: #""plannedMinutes":960"#, with: #""plannedMinutes":3000000000"#)
            .replacingOccurrences(of: #""priorityRisk":"L02"}"#,
                                  with: #""priorityRisk":"L02","loadJustification":"Pirms eksāmeniem skolēnam vajag konsultācijas katru dienu."}"#)
    }

    @Test("3,000,000,000 planned minutes: submit is refused with measure.hours.limit at measures[0].plannedMinutes")
    func hugeMinutesRefusedAtSubmit() async throws {
        let harness = try await IntakeHarness.make("intakebounds")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let preparer = try await harness.token(.preparer, .institution(directory.school))
            let created = try await api.post("/plans", preparer, #"{"institutionId":"\#(directory.school)","personalCode":"\#(IntakeHarness.code)","semester":"\#(IntakeHarness.semester)"}"#)
            let planId = try #require(created.string("id"), "\(created.body)")
            let written = try await api.put("/plans/\(planId)/content", preparer, Self.hugeMinutes)
            #expect(written.status == .ok, "a draft may hold anything: \(written.body)")
            let form = try await api.call(.post, "/plans/\(planId)/documents?purpose=consent&kind=consent_form", token: preparer,
                                          bytes: SamplePlan.png, contentType: "image/png")
            let formId = try #require(form.string("id"), "\(form.body)")
            let consent = try await api.put("/plans/\(planId)/consent", preparer,
                                            #"{"signer":"parent_or_guardian","signedOn":"2022-09-05","documentId":"\#(formId)"}"#)
            #expect(consent.status == .ok, "\(consent.body)")

            let refused = try await api.post("/plans/\(planId)/submit", preparer)
            #expect(refused.status == .unprocessableContent, "\(refused.body)")
            #expect(refused.rules.contains("measure.hours.limit"), "\(refused.body)")
            #expect(refused.fields.contains("measures[0].plannedMinutes"), "\(refused.body)")
            let errors = (refused.json["errors"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "measure.hours.limit" }
            #expect(errors.allSatisfy { ($0["message"] as? String ?? "").contains("semestra") && ($0["messageEn"] as? String ?? "").contains("semester") },
                    "Latvian and English: \(errors)")
            #expect(try await harness.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.submitted'") == 0,
                    "a refused submission writes nothing")

            // Back within the semester's minutes, the same plan goes through.
            let fixed = try await api.put("/plans/\(planId)/content", preparer,
                                          Self.hugeMinutes.replacingOccurrences(of: "3000000000", with: "\(122 * 24 * 60)"))
            #expect(fixed.status == .ok, "\(fixed.body)")
            let submitted = try await api.post("/plans/\(planId)/submit", preparer)
            #expect(submitted.status == .accepted, "\(submitted.body)")
        }
    }
}

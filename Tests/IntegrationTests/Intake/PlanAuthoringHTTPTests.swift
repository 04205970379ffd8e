import Auth
import Foundation
import HTTPTypes
import Intake
import Postgres
import Rules
import Testing

/// The preparer's whole authoring flow through the API with the real database: draft, content,
/// evidence, consent, declarations, a refused and an accepted submission, reads, lists, copy
/// forward — and what every other role and scope sees of it.
@Suite("Intake HTTP: authoring a plan")
struct PlanAuthoringHTTPTests {
    @Test("a preparer writes, documents and submits a plan; others see only what their scope allows")
    func authoringFlow() async throws {
        let harness = try await IntakeHarness.make("intakeflow")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let preparerId = UUID()
            let preparer = try await harness.token(.preparer, .institution(directory.school), person: preparerId)
            let head = try await harness.token(.institutionHead, .institution(directory.school))
            let vpiiPreparer = try await harness.token(.preparer, .institution(directory.vpii))
            let coordinator = try await harness.token(.municipalityCoordinator, .municipality(directory.municipality))
            let otherCoordinator = try await harness.token(.municipalityCoordinator, .municipality(UUID()))
            let expert = try await harness.token(.ikvdExpert, .region("Latgale"))
            let kurzemeExpert = try await harness.token(.ikvdExpert, .region("Kurzeme"))
            let finance = try await harness.token(.finance, .national)

            // Draft.
            let created = try await api.post("/plans", preparer, #"{"institutionId":"\#(directory.school)","personalCode":"\#(IntakeHarness.code)","semester":"\#(IntakeHarness.semester)"}"#)
            #expect(created.status == .created, "\(created.body)")
            let planId = try #require(created.string("id"))
            #expect(!created.body.contains("100308"), "the personal code never leaves the service")
            #expect((created.json["status"] as? [String: Any])?["code"] as? String == "draft")

            // Content: a rule-breaking edit is stored (it is a draft) but submission is refused with findings.
            let bad = try await api.put("/plans/\(planId)/content", preparer, SamplePlan.vague)
            #expect(bad.status == .ok, "\(bad.body)")
            let refusedEarly = try await api.post("/plans/\(planId)/submit", preparer)
            #expect(refusedEarly.status == .unprocessableContent)
            #expect(refusedEarly.rules.contains("consent.required"), "\(refusedEarly.body)")
            #expect(refusedEarly.rules.contains { $0.hasPrefix("risk.justification") }, "\(refusedEarly.body)")
            #expect(refusedEarly.fields.contains("risks[1].justification"))
            #expect(try await harness.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.submitted'") == 0,
                    "a refused submission writes nothing")

            // Malformed content: wrong type, unknown field, control character — each names its field.
            let wrongType = try await api.put("/plans/\(planId)/content", preparer,
                                              SamplePlan.content.replacingOccurrences(of: #""plannedMinutes":960"#, with: #""plannedMinutes":"lots""#))
            #expect(wrongType.status == .unprocessableContent && wrongType.fields == ["measures[0].plannedMinutes"], "\(wrongType.body)")
            let unknown = try await api.put("/plans/\(planId)/content", preparer,
                                            SamplePlan.content.replacingOccurrences(of: #""gradeOrCourse":8"#, with: #""gradeOrCourse":8,"status":"approved""#))
            #expect(unknown.status == .unprocessableContent && unknown.fields == ["card.status"] && unknown.rules == ["request.unknown_field"])
            let nul = try await api.put("/plans/\(planId)/content", preparer,
                                        SamplePlan.content.replacingOccurrences(of: "Ilze Kalniņa", with: #"Ilze\u0000Kalniņa"#))
            #expect(nul.status == .unprocessableContent && nul.fields == ["card.preparerName"] && nul.rules == ["text.control_character"])

            let codeInText = try await api.put("/plans/\(planId)/content", preparer,
                                               SamplePlan.content.replacingOccurrences(of: "Ilze Kalniņa", with: "Ilze (skolēns 100308-20018)"))
            #expect(codeInText.status == .unprocessableContent && codeInText.rules == ["text.personal_code"] && codeInText.fields == ["card.preparerName"])
            #expect(!codeInText.body.contains("100308"), "and the error does not echo it")
            let good = try await api.put("/plans/\(planId)/content", preparer, SamplePlan.content)
            #expect(good.status == .ok)
            let measureIds = ((good.json["content"] as? [String: Any])?["measures"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(measureIds.count == 2, "every measure gets a stable id")

            // Evidence: by content, not by claim.
            let evidence = try await api.call(.post, "/plans/\(planId)/documents?purpose=evidence&kind=staff_report", token: preparer,
                                              bytes: SamplePlan.pdf, contentType: "application/pdf")
            #expect(evidence.status == .created, "\(evidence.body)")
            #expect(evidence.string("sha256")?.count == 64)
            let fake = try await api.call(.post, "/plans/\(planId)/documents?purpose=evidence&kind=staff_report", token: preparer,
                                          bytes: Array("MZ not a pdf".utf8), contentType: "application/pdf")
            #expect(fake.status == .unsupportedMediaType && fake.rules == ["document.content_type"])
            let mislabelled = try await api.call(.post, "/plans/\(planId)/documents?purpose=evidence&kind=staff_report", token: preparer,
                                                 bytes: SamplePlan.png, contentType: "application/pdf")
            #expect(mislabelled.status == .unprocessableContent && mislabelled.rules == ["document.content_type_mismatch"])
            let tooBig = try await api.call(.post, "/plans/\(planId)/documents?purpose=evidence&kind=staff_report", token: preparer,
                                            bytes: SamplePlan.pdf + [UInt8](repeating: 0x20, count: 70 * 1024), contentType: "application/pdf")
            #expect(tooBig.status == .contentTooLarge)
            let badKind = try await api.call(.post, "/plans/\(planId)/documents?purpose=evidence&kind=selfie", token: preparer,
                                             bytes: SamplePlan.pdf, contentType: "application/pdf")
            #expect(badKind.status == .unprocessableContent && badKind.rules == ["document.kind_unknown"])

            // Consent: the scanned form first, then who signed and when.
            let form = try await api.call(.post, "/plans/\(planId)/documents?purpose=consent&kind=consent_form", token: preparer,
                                          bytes: SamplePlan.png, contentType: "image/png")
            let formId = try #require(form.string("id"), "\(form.body)")
            let future = try await api.put("/plans/\(planId)/consent", preparer, #"{"signer":"parent_or_guardian","signedOn":"2027-01-01","documentId":"\#(formId)"}"#)
            #expect(future.status == .unprocessableContent && future.rules == ["consent.signed_in_future"])
            let consent = try await api.put("/plans/\(planId)/consent", preparer, #"{"signer":"parent_or_guardian","signedOn":"2022-09-05","documentId":"\#(formId)"}"#)
            #expect(consent.status == .ok, "\(consent.body)")
            let retried = try await api.put("/plans/\(planId)/consent", preparer, #"{"signer":"parent_or_guardian","signedOn":"2022-09-05","documentId":"\#(formId)"}"#)
            #expect(retried.status == .ok && retried.string("id") == consent.string("id"), "the same PUT again is the same consent")
            let different = try await api.put("/plans/\(planId)/consent", preparer, #"{"signer":"student","signedOn":"2022-09-05","documentId":"\#(formId)"}"#)
            #expect(different.status == .conflict && different.rules == ["consent.already_on_file"])
            let declarations = try await api.put("/plans/\(planId)/esf-declarations", preparer,
                                                 #"{"declarations":[{"project":"8.3.2.2/16/I/001","measures":["meals"]}]}"#)
            #expect(declarations.status == .ok, "\(declarations.body)")

            // Submit: accepted once; the same key replays; the plan is frozen.
            let withOptions = try await api.post("/plans/\(planId)/submit", preparer, #"{"skipValidation":true}"#)
            #expect(withOptions.status == .unprocessableContent && withOptions.rules == ["request.unknown_field"])
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "submit-\(planId)"]
            let submitted = try await api.post("/plans/\(planId)/submit", preparer, headers: key)
            #expect(submitted.status == .accepted, "\(submitted.body)")
            #expect((submitted.json["status"] as? [String: Any])?["code"] as? String == "submitted")
            #expect(submitted.json["revision"] as? Int == 2)
            let replayed = try await api.post("/plans/\(planId)/submit", preparer, headers: key)
            #expect(replayed.status == .accepted && replayed.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await harness.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.submitted'") == 1)
            let again = try await api.post("/plans/\(planId)/submit", preparer)
            #expect(again.status == .conflict && again.rules == ["plan.not_editable"])
            #expect(try await api.put("/plans/\(planId)/content", preparer, SamplePlan.content).status == .conflict)
            let outbox = try await harness.pool.withConnection { try $0.query("SELECT body FROM outbox WHERE event_type = 'plan.submitted'").single().decode("body", as: [UInt8].self) }
            let event = String(decoding: outbox, as: UTF8.self)
            #expect(!event.contains("100308") && !event.contains("10030820018"), "plan.submitted carries no personal code")

            // The documents' list: metadata only, in scope.
            let listed = try await api.get("/plans/\(planId)/documents", head)
            #expect(listed.status == .ok && listed.body.contains("consent_form") && listed.body.contains("staff_report") && !listed.body.contains("PDF-1.4"))
            #expect(try await api.get("/plans/\(planId)/documents", vpiiPreparer).status == .notFound)

            // Reading: in scope yes, elsewhere 404 (not 403: existence is not revealed).
            for (token, expected) in [(head, HTTPResponse.Status.ok), (coordinator, .ok), (expert, .ok),
                                      (vpiiPreparer, .notFound), (otherCoordinator, .notFound), (kurzemeExpert, .notFound)] {
                #expect(try await api.get("/plans/\(planId)", token).status == expected)
            }
            #expect(try await api.get("/plans/\(planId)", finance).status == .forbidden, "finance does not read plans")
            #expect(try await api.get("/plans/\(UUID())", head).status == .notFound)
            let document = try #require(evidence.string("id"))
            let download = try await api.get("/plans/\(planId)/documents/\(document)", head)
            #expect(download.status == .ok && download.headers[.contentType] == "application/pdf")
            #expect(try await api.get("/plans/\(planId)/documents/\(document)", vpiiPreparer).status == .notFound)

            // Lists: filters and scope.
            let mine = try await api.get("/plans?semester=2022/2023-1&status=submitted&risk=L02", preparer)
            #expect(mine.json["total"] as? Int == 1, "\(mine.body)")
            #expect(try await api.get("/plans?risk=E01", preparer).json["total"] as? Int == 0)
            #expect(try await api.get("/plans", vpiiPreparer).json["total"] as? Int == 0, "another school's list never shows it")
            #expect(try await api.get("/plans", kurzemeExpert).json["total"] as? Int == 0)
            #expect(try await api.get("/plans?status=nonsense", preparer).rules == ["plan.status_unknown"])
            #expect(try await api.get("/plans?limit=0", preparer).rules == ["pagination.limit"])

            // Copy forward to the next semester: a new draft with the same content under new measure ids.
            let copy = try await api.post("/plans/\(planId)/copy-forward", preparer, #"{"semester":"2022/2023-2"}"#)
            #expect(copy.status == .created, "\(copy.body)")
            #expect(copy.string("semester") == "2022/2023-2")
            let copiedMeasures = ((copy.json["content"] as? [String: Any])?["measures"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(copiedMeasures.count == 2 && Set(copiedMeasures).isDisjoint(with: measureIds))
            #expect(copy.string("copiedFrom")?.lowercased() == planId.lowercased())
            let backwards = try await api.post("/plans/\(planId)/copy-forward", preparer, #"{"semester":"2021/2022-2"}"#)
            #expect(backwards.rules == ["plan.copy_forward_later_semester"])

            // Consent revoked (with a reason): kept as a record, published so payouts and approval react.
            #expect(try await api.post("/plans/\(planId)/consent/revoke", preparer, #"{"reason":" "}"#).rules == ["consent.revoke_reason_required"])
            let revoked = try await api.post("/plans/\(planId)/consent/revoke", preparer, #"{"reason":"Vecāki atsauca piekrišanu"}"#)
            #expect(revoked.status == .ok && revoked.json["revoked"] as? Bool == true, "\(revoked.body)")
            #expect(try await api.post("/plans/\(planId)/consent/revoke", preparer, #"{"reason":"vēlreiz"}"#).rules == ["consent.not_on_file"])
            #expect(try await harness.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.consent_changed'") == 2, "recorded + revoked")
            // Numbered in order, so a consumer can tell a late redelivery from the latest change.
            #expect(try await harness.scalar("""
                SELECT count(*) FROM outbox WHERE event_type = 'plan.consent_changed'
                  AND ((convert_from(body, 'UTF8')::jsonb #>> '{data,change}')::int, (convert_from(body, 'UTF8')::jsonb #>> '{data,onFile}')::boolean)
                      IN ((1, true), (2, false))
                """) == 2)
            #expect(try await harness.scalar("SELECT count(*) FROM consents WHERE plan_id = $1", [UUID(uuidString: planId)!]) == 1)

            // Audit: every change and read, never the personal code.
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE action = 'plan.read'") >= 3)
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE action = 'document.read'") == 1)
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE subject LIKE '%100308%' OR action LIKE '%100308%'") == 0)
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE actor = $1 AND action = 'plan.submit'", [preparerId]) == 1)
        }
    }
}

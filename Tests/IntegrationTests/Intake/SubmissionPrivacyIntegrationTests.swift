import AMQP
import Auth
import Foundation
import Postgres
import ServiceKit
import TestSupport
import Testing

/// Issue #17 item 8: personal data goes no further than it must. The birth date is stored sealed,
/// `plan.submitted` (approval, notifications) carries no plan text and no context, and the context
/// that does leave intake (`plan.content_submitted`) holds the age, never the birth date.
/// Written against raw JSON and event-type strings so that it also compiles on the code before.
extension PipelineSuites {
    @Suite("Intake: submission messages and storage carry no more personal data than needed", .serialized)
    struct SubmissionPrivacyIntegrationTests {
        /// In the plan's justification only: found in a message means the plan's text is in it.
        static let phrase = "Unikāla frāze zilais žirafe 7Q"
        /// `IntakeHarness.code` (100308-20018) is born 2008-03-10: 14 on 2022-09-01.
        static let birthISO = "2008-03-10"

        static var content: String {
            SamplePlan.content.replacingOccurrences(of: "skolēns pats saka, ka nesaprot daļskaitļus.",
                                                    with: "skolēns pats saka, ka nesaprot daļskaitļus. \(phrase).")
        }

        @Test("birth date stored sealed only; the age from it still decides the consent signer; the outbox messages carry no birth date")
        func storageAndOutbox() async throws {
            let host = try await HostedIntake.start()
            let api = host.client
            let directory = try await api.seed(admin: try await host.token(.ikvdAdmin, .national))
            let preparer = try await host.token(.preparer, .institution(directory.school))

            // An adult (new-format code, birth date entered: 18 on 2022-09-01) whose parent signed: the
            // consent is refused when recorded (consent gates implementation, so the signer is checked there).
            let adult = try await Self.plan(api, preparer: preparer, school: directory.school,
                                            create: #""personalCode":"32579461005","birthDate":"2004-01-15""#, consentStatus: 422)
            // A minor (old-format code: 14) whose parent signed: accepted.
            let minor = try await Self.plan(api, preparer: preparer, school: directory.school,
                                            create: #""personalCode":"\#(IntakeHarness.code)""#)

            let rows = try await host.pool.withConnection { connection in
                try connection.query("SELECT birth_date::text AS plain, birth_date_sealed FROM students").map {
                    (try $0.decode("plain", as: String?.self), try $0.decode("birth_date_sealed", as: [UInt8]?.self))
                }
            }
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { $0.0 == nil }, "no plaintext birth date: \(rows.map(\.0))")
            #expect(rows.allSatisfy { ($0.1?.count ?? 0) > 12 }, "the sealed birth date is set")

            let refused = try await Self.parentConsent(api, preparer: preparer, plan: adult)
            #expect(refused.status == 422 && refused.body.contains("consent.signer"),
                    "the sealed birth date is read back: an adult's parent may not sign (\(refused.status) \(refused.body))")
            let check = try await api.send("POST", "/plans/\(adult)/check", preparer, "{}")
            let rules = (check.json["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
            #expect(rules.contains("consent.required") && !rules.contains("student.birth_date.required"), "\(check.body)")
            let accepted = try await api.send("POST", "/plans/\(minor)/submit", preparer)
            #expect(accepted.status == 202, "\(accepted.body)")

            let outbox = try await host.pool.withConnection { connection in
                try connection.query("SELECT event_type, body FROM outbox WHERE event_type LIKE 'plan.%submitted'").map {
                    (try $0.decode("event_type", as: String.self), try $0.decode("body", as: [UInt8].self))
                }
            }
            let announcement = try #require(outbox.first { $0.0 == "plan.submitted" }, "plan.submitted in the outbox")
            let data = try #require(Self.json(announcement.1)["data"] as? [String: Any])
            #expect(data["content"] == nil && data["context"] == nil, "plan.submitted keys: \(data.keys.sorted())")
            #expect(Set(data.keys) == ["plan", "submittedBy", "riskCodes", "measures", "gradeOrCourse"], "no text, no age: the grade only")

            let full = try #require(outbox.first { $0.0 == "plan.content_submitted" }, "plan.content_submitted in the outbox")
            let fullData = try #require(Self.json(full.1)["data"] as? [String: Any])
            let contextBytes = try #require(fullData["context"].flatMap(Self.byteArray), "context bytes")
            let context = try Self.json(contextBytes)
            #expect(context["studentBirthDate"] == nil, "no birth date in the context")
            #expect((context["studentAgeAtSemesterStart"] as? NSNumber)?.intValue == 14, "the age at 2022-09-01: \(context.keys.sorted())")
            for (_, body) in outbox {
                let text = Self.expandedText(body)
                #expect(!text.contains(Self.birthISO) && !text.contains("studentBirthDate"), "no birth date in any message")
            }
            await host.stop()
        }

        @Test("a queue bound to plan.submitted receives no plan text and no birth date")
        func brokerQueue() async throws {
            let host = try await HostedIntake.start()
            let amqp = try IntegrationEnvironment.amqpURL()
            let admin = AMQPAdmin(url: amqp)
            let probe = IntegrationEnvironment.uniqueServiceName("privacyprobe")
            try await admin.declare(AMQPTopology.service(probe, consuming: ["plan.submitted"], deliveryLimit: 5))
            let api = host.client
            let directory = try await api.seed(admin: try await host.token(.ikvdAdmin, .national))
            let preparer = try await host.token(.preparer, .institution(directory.school))
            let plan = try await api.readyPlan(preparer: preparer, school: directory.school, code: IntakeHarness.code, content: Self.content)
            #expect(try await api.send("POST", "/plans/\(plan)/submit", preparer).status == 202)

            // Other suites' intakes publish plan.submitted into the same test vhost at the same time:
            // take what arrives within the window and keep this plan's message.
            let bodies = try await IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: probe), count: 500, amqp: amqp)
                .filter { String(decoding: $0, as: UTF8.self).lowercased().contains(plan.lowercased()) }  // ids are written in capitals
            #expect(bodies.count == 1, "the submission reached the queue")
            for body in bodies {
                let text = Self.expandedText(body)
                #expect(!text.contains(Self.phrase), "no plan free text in plan.submitted")
                #expect(!text.contains(Self.birthISO) && !text.contains("studentBirthDate"), "no birth date in plan.submitted")
            }
            await host.stop()
            try? await admin.delete(queue: AMQPTopology.eventQueue(for: probe))
            try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: probe))
        }

        /// A draft with content and a parent's consent (recorded, or refused with `consentStatus`),
        /// created with `create` (the personal-code fields of `POST /plans`).
        static func plan(_ api: HTTPClientForTests, preparer: String, school: UUID, create: String,
                         consentStatus: Int = 200) async throws -> String {
            let created = try await api.send("POST", "/plans", preparer,
                                             #"{"institutionId":"\#(school)",\#(create),"semester":"\#(IntakeHarness.semester)"}"#)
            let plan = try #require(created.json["id"] as? String, "\(created.body)")
            #expect(try await api.send("PUT", "/plans/\(plan)/content", preparer, content).status == 200)
            #expect(try await parentConsent(api, preparer: preparer, plan: plan).status == consentStatus)
            return plan
        }

        /// Uploads a consent form and records a parent's consent on it.
        static func parentConsent(_ api: HTTPClientForTests, preparer: String, plan: String) async throws -> HTTPReply {
            let form = try await api.send("POST", "/plans/\(plan)/documents?purpose=consent&kind=consent_form", preparer,
                                          bytes: SamplePlan.pdf, contentType: "application/pdf")
            let formId = try #require(form.json["id"] as? String, "\(form.body)")
            return try await api.send("PUT", "/plans/\(plan)/consent", preparer,
                                      #"{"signer":"parent_or_guardian","signedOn":"2022-09-05","documentId":"\#(formId)"}"#)
        }

        /// A JSON array of numbers 0…255 (how `[UInt8]` fields are encoded) as bytes.
        static func byteArray(_ value: Any) -> [UInt8]? {
            guard let array = value as? [Any], !array.isEmpty else { return nil }
            let numbers = array.compactMap { ($0 as? NSNumber)?.intValue }
            guard numbers.count == array.count, numbers.allSatisfy({ (0...255).contains($0) }) else { return nil }
            return numbers.map { UInt8($0) }
        }

        static func json(_ bytes: [UInt8]) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        }

        /// The body as text plus every byte array inside it (content and context travel as arrays
        /// of numbers) decoded as UTF-8, so that a search sees what the message really carries.
        static func expandedText(_ body: [UInt8]) -> String {
            func walk(_ value: Any) -> [String] {
                if let object = value as? [String: Any] { return object.values.flatMap(walk) }
                if let bytes = byteArray(value) { return [String(decoding: bytes, as: UTF8.self)] }
                if let array = value as? [Any] { return array.flatMap(walk) }
                return []
            }
            let tree = (try? JSONSerialization.jsonObject(with: Data(body))) ?? [:]
            return ([String(decoding: body, as: UTF8.self)] + walk(tree)).joined(separator: "\n")
        }
    }
}

import Contracts
import Foundation
import Testing

/// Issue #17 item 8: the plan's free text and the validation context go only to the services that
/// read them (`plan.content_submitted`: risk validation, reporting); `plan.submitted` (approval,
/// notifications) carries the reference, submitter, risk codes and measures. Written with type
/// names as strings so that it also compiles against the contracts before the change.
@Suite("plan.submitted carries no plan text or context")
struct SubmissionPayloadTests {
    static func data(_ sample: Sample) throws -> [String: Any] {
        func encode<E: DomainEvent>(_ event: E) throws -> [UInt8] { try ContractCoding.encode(EnvelopeTests.envelope(event)) }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try encode(sample.event))) as? [String: Any])
        return try #require(json["data"] as? [String: Any])
    }

    @Test("the fullest plan.submitted (every optional field filled) has no content and no context")
    func announcementIsSlim() throws {
        let sample = try #require(SampleEvents.arguments.first { $0.eventType.rawValue == "plan.submitted" })
        let data = try Self.data(sample)
        #expect(data["content"] == nil, "plan.submitted carries the plan's text")
        #expect(data["context"] == nil, "plan.submitted carries the validation context")
        #expect(Set(data.keys) == ["plan", "submittedBy", "riskCodes", "measures", "gradeOrCourse"])
        // Not merely left empty in the sample: the type has no such fields.
        let fields = Mirror(reflecting: sample.event).children.compactMap(\.label)
        #expect(!fields.contains("content") && !fields.contains("context"), "fields: \(fields)")
    }

    @Test("plan.content_submitted carries content and context, to risk validation and reporting only")
    func contentGoesWhereItIsRead() throws {
        let sample = try #require(SampleEvents.arguments.first { $0.eventType.rawValue == "plan.content_submitted" },
                                  "a plan.content_submitted event type")
        let data = try Self.data(sample)
        #expect(data["content"] != nil && data["context"] != nil)
        #expect(EventCatalogue.entry(for: "plan.content_submitted")?.producer == "intake")
        #expect(EventCatalogue.entry(for: "plan.content_submitted")?.consumers.sorted() == ["reporting", "risk_validation"])
        #expect(EventCatalogue.entry(for: "plan.submitted")?.consumers.sorted() == ["approval", "notifications", "payouts"])
    }
}

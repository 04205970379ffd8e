import Contracts
import Foundation
import Testing

@Suite("Envelope")
struct EnvelopeTests {
    static let correlation = UUID(uuidString: "C0C0C0C0-0000-4000-8000-000000000001")!
    static let causation = UUID(uuidString: "CA05A710-0000-4000-8000-000000000002")!
    static let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    static func envelope<E: DomainEvent>(_ event: E) throws -> Envelope<E> {
        Envelope(occurredAt: try fixedInstant(), producer: "intake", correlationId: correlation,
                 causationId: causation, traceparent: traceparent, data: event)
    }

    /// Encodes and decodes an envelope of `event`; true when the result equals the original.
    static func roundTrips<E: DomainEvent>(_ event: E) throws -> Bool {
        let original = try envelope(event)
        let decoded = try ContractCoding.decode(Envelope<E>.self, from: ContractCoding.encode(original))
        return decoded == original
    }

    /// The envelope's JSON as a dictionary, to inspect or edit.
    static func jsonObject<E: DomainEvent>(_ envelope: Envelope<E>) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(ContractCoding.encode(envelope)))
        return try #require(object as? [String: Any])
    }

    @Test("encode then decode gives an equal envelope", arguments: SampleEvents.arguments)
    func roundTrip(sample: Sample) throws {
        #expect(try Self.roundTrips(sample.event))
    }

    @Test("type and version come from the payload type", arguments: SampleEvents.arguments)
    func typeAndVersionFromPayload(sample: Sample) throws {
        func check<E: DomainEvent>(_ event: E) throws {
            let envelope = try Self.envelope(event)
            #expect(envelope.type == E.eventType)
            #expect(envelope.version == E.schemaVersion)
        }
        try check(sample.event)
    }

    @Test("a flow's first message has no causation id and round-trips without one")
    func withoutOptionalFields() throws {
        let event = PlanPaymentRecorded(planId: SampleEvents.planId, totalPaidCents: 1)
        let original = Envelope(occurredAt: try fixedInstant(), producer: "payouts", correlationId: Self.correlation, data: event)
        let json = try Self.jsonObject(original)
        #expect(json["causationId"] == nil || json["causationId"] is NSNull)
        let decoded = try ContractCoding.decode(Envelope<PlanPaymentRecorded>.self, from: ContractCoding.encode(original))
        #expect(decoded == original)
        #expect(decoded.causationId == nil)
        #expect(decoded.traceparent == nil)
    }

    // See TimestampTests.stableRoundTrip: decoding and re-encoding must not move occurredAt.
    @Test("an occurredAt read from the wire is written back unchanged")
    func reencodeStable() throws {
        let wire = "2024-02-29T23:59:59.007Z"
        let occurredAt = try #require(Timestamp.parse(wire))
        let envelope = Envelope(occurredAt: occurredAt, producer: "payouts", correlationId: Self.correlation,
                                data: PlanPaymentRecorded(planId: SampleEvents.planId, totalPaidCents: 1))
        let json = try Self.jsonObject(envelope)
        #expect(json["occurredAt"] as? String == wire)
    }

    @Test("JSON shape: the agreed envelope keys, version as a string, occurredAt in UTC with milliseconds")
    func jsonShape() throws {
        let envelope = try Self.envelope(try #require(SampleEvents.all.first as? PlanSubmitted))
        let json = try Self.jsonObject(envelope)
        #expect(Set(json.keys) == ["id", "type", "version", "occurredAt", "producer", "correlationId", "causationId", "traceparent", "data"])
        #expect(json["type"] as? String == "plan.submitted")
        #expect(json["version"] as? String == PlanSubmitted.schemaVersion.description)
        #expect(json["occurredAt"] as? String == "2026-11-22T19:27:26.123Z")
        #expect(json["id"] as? String == envelope.id.uuidString)
    }

    @Test("an unknown extra field inside data is ignored (additive minor change)")
    func unknownFieldInData() throws {
        let original = try Self.envelope(try #require(SampleEvents.all.first as? PlanSubmitted))
        var json = try Self.jsonObject(original)
        var data = try #require(json["data"] as? [String: Any])
        data["addedInVersion1_1"] = ["nested": [1, 2, 3]]
        json["data"] = data
        json["version"] = "1.1"
        let bytes = try JSONSerialization.data(withJSONObject: json)
        let decoded = try ContractCoding.decode(Envelope<PlanSubmitted>.self, from: Array(bytes))
        #expect(decoded.data == original.data)
        #expect(decoded.version == SchemaVersion(1, 1))
    }

    @Test("a missing required payload field fails to decode")
    func missingFieldFails() throws {
        let original = try Self.envelope(PlanConsentChanged(plan: SampleEvents.plan, onFile: true, signedBy: "adult_student"))
        var json = try Self.jsonObject(original)
        var data = try #require(json["data"] as? [String: Any])
        data["onFile"] = nil
        json["data"] = data
        let bytes = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: DecodingError.self) {
            try ContractCoding.decode(Envelope<PlanConsentChanged>.self, from: Array(bytes))
        }
    }

    @Test("a bad occurredAt fails to decode")
    func badDateFails() throws {
        var json = try Self.jsonObject(try Self.envelope(PlanPaymentRecorded(planId: SampleEvents.planId, totalPaidCents: 5)))
        json["occurredAt"] = "22.11.2026 19:27"
        let bytes = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: DecodingError.self) {
            try ContractCoding.decode(Envelope<PlanPaymentRecorded>.self, from: Array(bytes))
        }
    }
}

@Suite("EnvelopeHeader")
struct EnvelopeHeaderTests {
    @Test("decodes the envelope of any payload, with the same facts", arguments: SampleEvents.arguments)
    func decodesAnyPayload(sample: Sample) throws {
        func check<E: DomainEvent>(_ event: E) throws {
            let envelope = try EnvelopeTests.envelope(event)
            let header = try ContractCoding.decode(EnvelopeHeader.self, from: ContractCoding.encode(envelope))
            #expect(header.id == envelope.id)
            #expect(header.type == E.eventType)
            #expect(header.version == E.schemaVersion)
            #expect(header.occurredAt == envelope.occurredAt)
            #expect(header.producer == envelope.producer)
            #expect(header.correlationId == envelope.correlationId)
            #expect(header.causationId == envelope.causationId)
            #expect(header.traceparent == envelope.traceparent)
        }
        try check(sample.event)
    }

    @Test("ignores unknown top-level fields and a payload it cannot know")
    func ignoresUnknownFields() throws {
        let envelope = try EnvelopeTests.envelope(PlanPaymentRecorded(planId: SampleEvents.planId, totalPaidCents: 7))
        var json = try EnvelopeTests.jsonObject(envelope)
        json["tenant"] = "lv"
        json["routing"] = ["hops": 3, "via": ["a", "b"]]
        json["type"] = "plan.from_the_future"
        json["version"] = "7.3"
        json["data"] = ["whatever": [true, false], "n": 1]
        let bytes = try JSONSerialization.data(withJSONObject: json)
        let header = try ContractCoding.decode(EnvelopeHeader.self, from: Array(bytes))
        #expect(header.id == envelope.id)
        #expect(header.type == EventType(rawValue: "plan.from_the_future"))
        #expect(header.version == SchemaVersion(7, 3))
    }

    @Test("decodes without data at all")
    func withoutData() throws {
        let json = """
            {"id":"6F1C2D9E-8B7A-4C3D-9E2F-1A2B3C4D5E6F","type":"plan.submitted","version":"1.0",
             "occurredAt":"2026-11-22T19:27:26Z","producer":"intake","correlationId":"11111111-2222-4333-8444-555555555555"}
            """
        let header = try ContractCoding.decode(EnvelopeHeader.self, from: Array(json.utf8))
        #expect(header.causationId == nil)
        #expect(header.producer == "intake")
        #expect(header.occurredAt == Timestamp.parse("2026-11-22T19:27:26Z"))
    }
}

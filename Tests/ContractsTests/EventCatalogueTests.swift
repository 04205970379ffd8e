import Contracts
import Testing

@Suite("EventCatalogue")
struct EventCatalogueTests {
    /// The service names of `PlatformServices` (schema, role, queue prefix, envelope producer)
    /// plus finance (an outside system that only consumes).
    static let knownParties: Set<String> = [
        "intake", "risk_validation", "approval", "timesheets", "payouts", "notifications", "reporting", "finance",
    ]

    @Test("every event type appears exactly once")
    func typesUnique() {
        let types = EventCatalogue.entries.map(\.type)
        #expect(Set(types).count == types.count)
    }

    @Test("every routing key is lowercase and dotted: area.event_name", arguments: EventCatalogue.entries.map(\.type.rawValue))
    func routingKeyShape(key: String) {
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        #expect(segments.count >= 2, "needs at least one dot")
        for segment in segments {
            #expect(!segment.isEmpty)
            #expect(segment.first != "_" && segment.last != "_")
            #expect(segment.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }, "segment '\(segment)'")
        }
    }

    @Test("the samples cover every catalogue row (so the other tests see every event)")
    func samplesCoverCatalogue() {
        #expect(Set(SampleEvents.arguments.map(\.eventType)) == Set(EventCatalogue.entries.map(\.type)))
        #expect(SampleEvents.arguments.count == EventCatalogue.entries.count)
    }

    @Test("the catalogue version is the type's current schema version", arguments: SampleEvents.arguments)
    func versionMatchesType(sample: Sample) throws {
        func version<E: DomainEvent>(_: E) -> SchemaVersion { E.schemaVersion }
        let entry = try #require(EventCatalogue.entry(for: sample.eventType))
        #expect(entry.version == version(sample.event))
    }

    @Test("producers and consumers are known parties, and nobody consumes its own event")
    func parties() {
        for entry in EventCatalogue.entries {
            #expect(Self.knownParties.contains(entry.producer), "\(entry.type) producer \(entry.producer)")
            #expect(Set(entry.consumers).isSubset(of: Self.knownParties), "\(entry.type)")
            #expect(Set(entry.consumers).count == entry.consumers.count, "\(entry.type) lists a consumer twice")
            #expect(!entry.consumers.contains(entry.producer), "\(entry.type)")
        }
    }

    @Test("lookup by type finds the row, and nothing for an unknown type")
    func lookup() {
        #expect(EventCatalogue.entry(for: "plan.submitted")?.producer == "intake")
        #expect(EventCatalogue.entry(for: "plan.submitted")?.consumers == ["approval", "notifications", "payouts"])
        #expect(EventCatalogue.entry(for: "plan.nope") == nil)
        #expect(EventCatalogue.entry(for: "PLAN.SUBMITTED") == nil)
    }
}

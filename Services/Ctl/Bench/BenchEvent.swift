import Contracts

/// The event the infrastructure benchmark sends through the kit.
struct BenchEvent: DomainEvent {
    static let eventType: EventType = "bench.event"
    static let schemaVersion = SchemaVersion(1, 0)
    var seq: Int
    var plan: PlanReference
}

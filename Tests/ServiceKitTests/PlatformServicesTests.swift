import Contracts
import ServiceKit
import Testing

@Suite("PlatformServices")
struct PlatformServicesTests {
    /// Contracts cannot see ServiceKit, so this is where the catalogue's party names are checked
    /// against the real service names (the envelope `producer`, schema and queue prefix).
    @Test("every catalogue producer and consumer is a platform service, or finance")
    func cataloguePartiesAreServices() {
        let parties = Set(PlatformServices.all.map(\.name)).union(["finance"])
        for entry in EventCatalogue.entries {
            #expect(parties.contains(entry.producer), "\(entry.type) producer \(entry.producer)")
            #expect(Set(entry.consumers).isSubset(of: parties), "\(entry.type) consumers \(entry.consumers)")
        }
    }

    @Test("every platform service produces or consumes something in the catalogue", arguments: PlatformServices.all.map(\.name))
    func everyServiceTakesPart(service: String) {
        #expect(EventCatalogue.entries.contains { $0.producer == service || $0.consumers.contains(service) })
    }
}

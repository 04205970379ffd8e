import Contracts
import Reporting
import ServiceKit
import Testing

/// Reporting's queue is bound to what the catalogue says it consumes; each needs a handler.
@Suite("Reporting consumes what the catalogue says")
struct ReportingCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() {
        #expect(ReportingService.handlers.eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "reporting"))
    }

    @Test("reporting produces the report events and approval consumes them")
    func produces() {
        for type in [ReportSubmitted.eventType, ReportConfirmed.eventType] {
            #expect(EventCatalogue.entry(for: type)?.producer == "reporting")
            #expect(EventCatalogue.entry(for: type)?.consumers == ["approval"])
        }
    }
}

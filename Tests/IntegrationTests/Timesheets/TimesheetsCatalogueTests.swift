import Contracts
import ServiceKit
import Testing
import Timesheets

/// Timesheets' queue is bound to what the catalogue says it consumes; each needs a handler.
@Suite("Timesheets consumes what the catalogue says")
struct TimesheetsCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() {
        #expect(TimesheetsService.handlers.eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "timesheets"))
    }
}

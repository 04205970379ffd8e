import Contracts
import Intake
import ServiceKit
import Testing

/// Intake's queue is bound (by `pumpurs migrate`) to what the catalogue says intake consumes;
/// every one of those events needs a handler, or it would be dead-lettered as unknown.
@Suite("Intake consumes what the catalogue says")
struct IntakeHandlersCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() {
        #expect(PlanStatusProjection.handlers().eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "intake"))
    }
}

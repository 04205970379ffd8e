import Contracts
import RiskValidation
import ServiceKit
import Testing

/// Risk validation's queue is bound to what the catalogue says it consumes; each needs a handler.
@Suite("Risk validation consumes what the catalogue says")
struct RiskValidationCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() {
        #expect(RiskValidationService.definition().handlers.eventTypes.map(\.rawValue).sorted()
                == CatalogueTopology.routingKeys(consumedBy: "risk_validation"))
    }
}

import Contracts
import Intake
import ServiceKit
import Testing

/// Intake's queue is bound (by `pumpurs migrate`) to what the catalogue says intake consumes;
/// every one of those events needs a handler, or it would be dead-lettered as unknown.
@Suite("Intake consumes what the catalogue says")
struct IntakeHandlersCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() throws {
        let generated = StudentKeys.generate()
        let keys = try StudentKeys(encryptionBase64: generated.encryptionBase64, lookupBase64: generated.lookupBase64)
        #expect(PlanStatusProjection.handlers(keys: keys).eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "intake"))
    }
}

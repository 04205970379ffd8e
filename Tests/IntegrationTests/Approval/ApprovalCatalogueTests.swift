import ApprovalRouting
import Contracts
import ServiceKit
import Testing

/// Approval's queue is bound to what the catalogue says it consumes; each needs a handler.
@Suite("Approval consumes what the catalogue says")
struct ApprovalCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() {
        #expect(ApprovalService.handlers.eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "approval"))
    }
}

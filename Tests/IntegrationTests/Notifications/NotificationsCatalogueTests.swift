import Contracts
import Notifications
import ServiceKit
import Testing

/// Notifications' queue is bound to what the catalogue says it consumes; each needs a handler.
@Suite("Notifications consume what the catalogue says")
struct NotificationsCatalogueTests {
    @Test("handlers and catalogue agree")
    func agree() throws {
        #expect(try NotificationsService.handlers().eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "notifications"))
    }
}

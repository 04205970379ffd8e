import Foundation

/// An email was delivered (or finally failed) for an event: an audit fact other services and
/// reporting may use.
public struct NotificationDelivered: DomainEvent {
    public static let eventType: EventType = "notification.delivered"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The event that caused it.
    public var sourceEventId: UUID
    /// Recipient person.
    public var personId: UUID
    /// Template used.
    public var template: String
    /// `sent` or `failed`.
    public var outcome: String
    /// Creates the event.
    public init(sourceEventId: UUID, personId: UUID, template: String, outcome: String) {
        self.sourceEventId = sourceEventId; self.personId = personId; self.template = template; self.outcome = outcome
    }
}

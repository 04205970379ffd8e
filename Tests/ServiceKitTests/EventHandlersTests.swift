import Contracts
import Foundation
@testable import ServiceKit
import Testing

// The erased handler takes a `HandlerContext`, whose `PostgresConnection` can only be made by
// connecting to a server (its initializer is private). So these unit tests cover registration
// only; the decode → PermanentHandlerError path needs the integration tests.
@Suite("EventHandlers")
struct EventHandlersTests {
    @Test("a new set has no event types")
    func empty() {
        #expect(EventHandlers().eventTypes.isEmpty)
        #expect(EventHandlers().registrations.isEmpty)
    }

    @Test("on(_:) registers the event type with its current major version")
    func registers() throws {
        var handlers = EventHandlers()
        handlers.on(PlanSubmitted.self) { _, _ in }
        #expect(handlers.eventTypes == [PlanSubmitted.eventType])
        let registration = try #require(handlers.registrations[PlanSubmitted.eventType])
        #expect(registration.major == PlanSubmitted.schemaVersion.major)
    }

    @Test("eventTypes are sorted by name whatever the registration order")
    func sorted() {
        var handlers = EventHandlers()
        handlers.on(WorkLogApproved.self) { _, _ in }
        handlers.on(PlanApproved.self) { _, _ in }
        handlers.on(InstitutionRegistered.self) { _, _ in }
        handlers.on(PayoutVoided.self) { _, _ in }
        #expect(handlers.eventTypes.map(\.rawValue) == ["directory.institution_registered", "payout.voided", "plan.approved", "worklog.approved"])
        let raw = handlers.eventTypes.map(\.rawValue)
        #expect(raw == raw.sorted())
    }

    @Test("registering a type twice keeps one entry")
    func twice() {
        var handlers = EventHandlers()
        handlers.on(PlanApproved.self) { _, _ in }
        handlers.on(PlanApproved.self) { _, _ in }
        #expect(handlers.eventTypes == [PlanApproved.eventType])
    }

    @Test("PermanentHandlerError describes itself by its reason")
    func permanentError() {
        let error = PermanentHandlerError("plan 42 does not exist")
        #expect(error.description == "plan 42 does not exist")
        #expect(error.reason == "plan 42 does not exist")
    }
}


import Contracts
import Foundation
import Logging
import ServiceKit

/// Builds timesheets' copy of each plan from approval's events: recording opens with
/// `plan.implementation_may_start`, measures follow `plan.approved`, and suspension, resumption
/// and deletion close it (`PlanRecording` decides). The kit's inbox makes a redelivered message
/// harmless; the plan row lock orders events and entries of one plan; an event that changes
/// nothing (older revision, repeated content) writes nothing.
struct PlanProjection: Sendable {
    var handlers: EventHandlers {
        var handlers = EventHandlers()
        DirectoryReplica.register([.institutions, .people], on: &handlers)
        EmergencyReplica.register(on: &handlers)
        handlers.on(PlanImplementationMayStart.self) { envelope, context in
            try Self.apply(.implementationMayStart(envelope.data.measures), to: envelope.data.plan, messageId: envelope.id, context)
        }
        handlers.on(PlanApproved.self) { envelope, context in
            try Self.apply(.approved(envelope.data.measures), to: envelope.data.plan, messageId: envelope.id, context)
        }
        handlers.on(PlanSuspended.self) { envelope, context in
            try Self.apply(.suspended, to: envelope.data.change.plan, messageId: envelope.id, context)
        }
        handlers.on(PlanResumed.self) { envelope, context in
            try Self.apply(.resumed, to: envelope.data.change.plan, messageId: envelope.id, context)
        }
        handlers.on(PlanDeleted.self) { envelope, context in
            try Self.apply(.deleted, to: envelope.data.change.plan, messageId: envelope.id, context)
        }
        return handlers
    }

    static func apply(_ signal: PlanSignal, to reference: PlanReference, messageId: UUID, _ context: HandlerContext) throws {
        let current = try PlanCopy.lock(reference.planId, on: context.connection)
        guard let next = PlanRecording.apply(signal, revision: reference.revision, to: current?.snapshot) else {
            context.logger.info("plan event changes nothing", metadata: [
                "plan_id": "\(reference.planId)", "signal": "\(signal.name)", "event_revision": "\(reference.revision)",
                "plan_revision": "\(current?.revision ?? -1)", "status": "\(current?.status.rawValue ?? "-")"])
            return
        }
        try PlanCopy.store(next, for: reference, signal: signal, previous: current?.snapshot, messageId: messageId, on: context.connection)
    }
}

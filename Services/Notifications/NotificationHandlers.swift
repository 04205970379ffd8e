import Auth
import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit

/// Turns events into emails for the right people (DOMAIN.md §8), from this service's own copy of
/// the directory: the next approvers when a plan awaits them; the preparer when validation fails,
/// the plan is returned or a review is requested; the preparer and the institution coordinators
/// when it is approved; reminders and escalations; coordinators when a month's work records
/// await approval; the person whose month was returned; finance when a payout batch is ready;
/// a staff member when the bank account for their pay was registered or changed.
struct NotificationHandlers: Sendable {
    let queue: MailQueue
    let templates: MailTemplates

    var handlers: EventHandlers {
        var handlers = EventHandlers()
        DirectoryReplica.register([.institutions, .people], on: &handlers)
        handlers.on(PlanSubmitted.self) { envelope, context in
            let plan = envelope.data.plan
            try context.connection.execute("""
                INSERT INTO plan_contacts (plan_id, preparer, institution_id, student_code, semester) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (plan_id) DO UPDATE SET preparer = EXCLUDED.preparer, updated_at = now()
                """, [plan.planId, envelope.data.submittedBy.personId, plan.institutionId, plan.studentCode, plan.semester])
        }
        handlers.on(ApprovalAwaiting.self) { envelope, context in
            let event = envelope.data
            guard let level = Level(rawValue: event.level) else { return }
            let subscribers = try digestSubscribers(on: context.connection)
            for person in try approvers(level, of: event.plan, on: context.connection) {
                var values = try planValues(event.plan, context.connection)
                values["levelLv"] = level.lv
                values["levelEn"] = level.en
                try send(.approvalAwaiting, to: person, event: envelope.id, values: values, context: context,
                         item: "\(event.plan.studentCode) (\(values["institutionName"] ?? ""), \(event.plan.semester))",
                         digest: subscribers.contains(person.id))
            }
        }
        handlers.on(PlanValidationFailed.self) { envelope, context in
            var values = try planValues(envelope.data.plan, context.connection)
            values["reasons"] = envelope.data.findings.filter { $0.severity == "error" }.map {
                ["field": $0.path, "message": $0.messageLv, "messageEn": $0.messageEn]
            }
            for person in try preparer(of: envelope.data.plan, on: context.connection) {
                try send(.validationFailed, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(PlanReturned.self) { envelope, context in
            let change = envelope.data.change
            var values = try planValues(change.plan, context.connection)
            values["comment"] = change.reason ?? ""
            let level = Level(rawValue: envelope.data.level)
            values["levelLv"] = level?.lv ?? envelope.data.level
            values["levelEn"] = level?.en ?? envelope.data.level
            for person in try preparer(of: change.plan, on: context.connection) {
                try send(.returned, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(PlanReviewRequested.self) { envelope, context in
            let change = envelope.data.change
            var values = try planValues(change.plan, context.connection)
            values["comment"] = change.reason ?? ""
            for person in try preparer(of: change.plan, on: context.connection) {
                try send(.reviewRequested, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(PlanApproved.self) { envelope, context in
            let plan = envelope.data.plan
            let values = try planValues(plan, context.connection)
            var people = try preparer(of: plan, on: context.connection)
            if let institution = try DirectoryReplica.institution(plan.institutionId, on: context.connection) {
                people += try DirectoryReplica.people(withRole: .institutionCoordinator, reaching: institution, on: context.connection)
            }
            for person in unique(people) {
                try send(.approved, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(ApprovalOverdue.self) { envelope, context in
            let event = envelope.data
            guard let level = Level(rawValue: event.level) else { return }
            var values = try planValues(event.plan, context.connection)
            values["days"] = event.daysWaiting
            values["levelLv"] = level.lv
            values["levelEn"] = level.en
            let escalation = event.stage == "escalation"
            var people = try approvers(level, of: event.plan, on: context.connection)
            if escalation { people += try escalationContacts(level, of: event.plan, on: context.connection) }
            for person in unique(people) {
                try send(escalation ? .escalation : .reminder, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(WorkLogSubmitted.self) { envelope, context in
            let event = envelope.data
            guard let institution = try DirectoryReplica.institution(event.institutionId, on: context.connection) else { return }
            let author = try person(event.personId, on: context.connection)
            let values: [String: Any] = ["month": event.month, "personName": author?.name ?? "", "link": links.workLog(event.workLogId)]
            for person in try DirectoryReplica.people(withRole: .institutionCoordinator, reaching: institution, on: context.connection) {
                try send(.workLogSubmitted, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(WorkLogReturned.self) { envelope, context in
            let event = envelope.data
            guard let author = try person(event.personId, on: context.connection) else { return }
            let values: [String: Any] = ["month": event.month, "comment": event.comment,
                                         "link": links.workLog(event.workLogId)]
            try send(.workLogReturned, to: author, event: envelope.id, values: values, context: context)
        }
        handlers.on(PayoutBatchReady.self) { envelope, context in
            let event = envelope.data
            let values: [String: Any] = ["period": event.period, "count": event.count,
                                         "total": String(format: "%.2f", Double(event.totalCents) / 100),
                                         "link": links.payoutBatch(event.batchId)]
            for person in try people(withRole: .finance, on: context.connection) {
                try send(.payoutBatchReady, to: person, event: envelope.id, values: values, context: context)
            }
        }
        handlers.on(StaffPayeeChanged.self) { envelope, context in
            // A security notice: it must reach the person. Until this service's copy of the
            // directory knows them the message is retried (then dead-lettered, visibly), never dropped.
            let event = envelope.data
            guard let person = try person(event.personId, on: context.connection) else { throw PersonNotYetKnown(personId: event.personId) }
            var values: [String: Any] = ["newIban": event.newIbanMasked, "oldIban": event.oldIbanMasked ?? "",
                                         "firstTime": event.oldIbanMasked == nil, "byFinance": event.changedVia == "finance",
                                         "changedAt": Self.minute(event.changedAt)]
            if let from = event.payReleasedFrom { values["releaseFrom"] = Self.minute(from) }
            try send(.staffPayeeChanged, to: person, event: envelope.id, values: values, context: context)
        }
        return handlers
    }

    /// `2026-11-22 19:27` (UTC), as a person reads a time in a mail.
    static func minute(_ date: Date) -> String {
        String(Timestamp.format(date).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// A person this service's copy of the directory does not know yet (retried with backoff).
    struct PersonNotYetKnown: Error, CustomStringConvertible {
        var personId: UUID
        var description: String { "person \(personId) not yet known" }
    }

    // MARK: Rendering and enqueueing

    var links: PortalLinks { PortalLinks(base: queue.settings.portal) }

    func send(_ kind: MailKind, to person: DirectoryReplica.Person, event: UUID, values: [String: Any], context: HandlerContext,
              item: String? = nil, digest: Bool = false) throws {
        var values = values
        values["recipientName"] = person.name
        let rendered = templates.render(kind, language: person.language, values)
        try queue.enqueue(OutgoingMail(eventId: event, recipient: person, kind: kind, subject: rendered.subject, text: rendered.text,
                                       html: rendered.html, item: item),
                          digest: digest, on: context.connection, logger: context.logger)
    }

    func planValues(_ plan: PlanReference, _ connection: PostgresConnection) throws -> [String: Any] {
        let institution = try DirectoryReplica.institution(plan.institutionId, on: connection)
        return ["planCode": plan.studentCode, "semester": plan.semester, "institutionName": institution?.name ?? "",
                "link": links.plan(plan.planId), "warnings": [[String: String]]()]
    }

    // MARK: Recipients

    /// Approval levels as events name them, with their Latvian and English labels.
    enum Level: String {
        case institutionHead = "institution_head", municipality, ikvd
        var role: Role {
            switch self {
            case .institutionHead: .institutionHead
            case .municipality: .municipalityCoordinator
            case .ikvd: .ikvdExpert
            }
        }
        var lv: String {
            switch self {
            case .institutionHead: "iestādes vadītājs"
            case .municipality: "pašvaldības koordinators"
            case .ikvd: "IKVD"
            }
        }
        var en: String {
            switch self {
            case .institutionHead: "institution head"
            case .municipality: "municipality coordinator"
            case .ikvd: "IKVD"
            }
        }
    }

    func approvers(_ level: Level, of plan: PlanReference, on connection: PostgresConnection) throws -> [DirectoryReplica.Person] {
        guard let institution = try DirectoryReplica.institution(plan.institutionId, on: connection) else { return [] }
        return try DirectoryReplica.people(withRole: level.role, reaching: institution, on: connection)
    }

    /// Who hears of an escalation besides the awaited approvers: the level above (IKVD administrators at the top).
    func escalationContacts(_ level: Level, of plan: PlanReference, on connection: PostgresConnection) throws -> [DirectoryReplica.Person] {
        guard let institution = try DirectoryReplica.institution(plan.institutionId, on: connection) else { return [] }
        switch level {
        case .institutionHead:
            let role: Role = institution.municipalityId == nil ? .ikvdExpert : .municipalityCoordinator
            return try DirectoryReplica.people(withRole: role, reaching: institution, on: connection)
        case .municipality: return try DirectoryReplica.people(withRole: .ikvdExpert, reaching: institution, on: connection)
        case .ikvd: return try people(withRole: .ikvdAdmin, on: connection)
        }
    }

    /// The plan's preparer (from `plan.submitted`). Until that event has been seen here, the mail
    /// cannot be addressed: the message is retried rather than the mail silently dropped.
    func preparer(of plan: PlanReference, on connection: PostgresConnection) throws -> [DirectoryReplica.Person] {
        guard let row = try connection.query("SELECT preparer FROM plan_contacts WHERE plan_id = $1", [plan.planId]).first else {
            throw PreparerNotYetKnown(planId: plan.planId)
        }
        return try person(try row.decode("preparer", as: UUID.self), on: connection).map { [$0] } ?? []
    }

    /// plan.submitted for this plan has not been processed here yet (retried with backoff).
    struct PreparerNotYetKnown: Error, CustomStringConvertible {
        var planId: UUID
        var description: String { "preparer of plan \(planId) not yet known" }
    }

    func person(_ id: UUID, on connection: PostgresConnection) throws -> DirectoryReplica.Person? {
        try DirectoryReplica.person(id, on: connection)
    }

    func people(withRole role: Role, on connection: PostgresConnection) throws -> [DirectoryReplica.Person] {
        try DirectoryReplica.people(withRole: role, on: connection)
    }

    func digestSubscribers(on connection: PostgresConnection) throws -> Set<UUID> {
        Set(try connection.query("SELECT person_id FROM digest_subscribers WHERE active").map { try $0.decode("person_id", as: UUID.self) })
    }

    func unique(_ people: [DirectoryReplica.Person]) -> [DirectoryReplica.Person] {
        var seen = Set<UUID>()
        return people.filter { seen.insert($0.id).inserted }
    }
}

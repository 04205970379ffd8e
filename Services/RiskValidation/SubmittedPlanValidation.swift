import Contracts
import Foundation
import Logging
import Postgres
import Rules
import ServiceKit

/// Validates a submitted plan with the rules library. The plan and intake's context come in the
/// event; this service replaces what it keeps itself — the institution's profile from its
/// directory copy and the student's other plans from the submissions it has seen — and stores
/// one result per revision before publishing `plan.validated` or `plan.validation_failed`.
public struct SubmittedPlanValidation: Sendable {
    let settings: ProgrammeSettings

    /// Uses the operator's settings.
    public init(settings: ProgrammeSettings) { self.settings = settings }

    /// The event handlers: submissions, deletions and the institutions part of the directory.
    public var handlers: EventHandlers {
        var handlers = EventHandlers()
        DirectoryReplica.register([.institutions], on: &handlers)
        handlers.on(PlanContentSubmitted.self) { envelope, context in try validate(envelope.data, context: context) }
        handlers.on(PlanDeleted.self) { envelope, context in
            try context.connection.execute("UPDATE known_plans SET deleted = true, updated_at = now() WHERE plan_id = $1",
                                           [envelope.data.change.plan.planId])
        }
        return handlers
    }

    func validate(_ event: PlanContentSubmitted, context: HandlerContext) throws {
        let reference = event.plan
        let connection = context.connection
        guard let contentBytes = event.content, let plan = try? JSONDecoder().decode(SupportPlan.self, from: Data(contentBytes)) else {
            throw PermanentHandlerError("plan.content_submitted for \(reference.planId) carries no readable plan content")
        }
        let carried = event.context.flatMap { try? JSONDecoder().decode(ValidationContext.self, from: Data($0)) }
        guard var validationContext = carried else {
            throw PermanentHandlerError("plan.content_submitted for \(reference.planId) carries no readable validation context")
        }
        try connection.execute("""
            INSERT INTO known_plans (plan_id, student_code, institution_id, semester, latest_revision) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (plan_id) DO UPDATE SET latest_revision = GREATEST(known_plans.latest_revision, EXCLUDED.latest_revision),
                updated_at = now()
            """, [reference.planId, reference.studentCode, reference.institutionId, reference.semester, reference.revision])
        guard try connection.query("SELECT 1 FROM validations WHERE plan_id = $1 AND revision = $2",
                                   [reference.planId, reference.revision]).first == nil else {
            context.logger.info("plan revision already validated", metadata: ["plan_id": "\(reference.planId)", "revision": "\(reference.revision)"])
            return
        }
        if let institution = try DirectoryReplica.institution(reference.institutionId, on: connection),
           let kind = InstitutionKind(rawValue: institution.kind), let founder = InstitutionFounder(rawValue: institution.founder) {
            validationContext.institution = InstitutionProfile(id: reference.institutionId.uuidString.lowercased(), kind: kind, founder: founder)
        }
        validationContext.otherPlans = try otherPlans(of: reference, carried: validationContext.otherPlans, on: connection)

        let findings = PlanValidator.validate(plan: plan, context: validationContext, settings: settings)
        let payloads = findings.map { FindingPayload(ruleId: $0.ruleId.rawValue, severity: $0.severity.rawValue, path: $0.path,
                                                     messageLv: $0.message.lv, messageEn: $0.message.en) }
        let passed = !findings.hasErrors
        let messageId = passed
            ? try context.outbox.enqueue(PlanValidated(plan: reference, warnings: payloads.filter { $0.severity == Severity.warning.rawValue }),
                                         on: connection)
            : try context.outbox.enqueue(PlanValidationFailed(plan: reference, findings: payloads), on: connection)
        try connection.execute("""
            INSERT INTO validations (plan_id, revision, outcome, findings, message_id) VALUES ($1, $2, $3, $4::jsonb, $5)
            """, [reference.planId, reference.revision, passed ? "passed" : "failed",
                  String(decoding: try JSONEncoder().encode(payloads), as: UTF8.self), messageId])
        context.logger.info("plan validated", metadata: ["plan_id": "\(reference.planId)", "revision": "\(reference.revision)",
                                                          "outcome": "\(passed ? "passed" : "failed")", "findings": "\(findings.count)"])
    }

    /// The student's other plans: those this service has seen, plus any intake reported that it has not.
    func otherPlans(of reference: PlanReference, carried: [ExistingPlan], on connection: PostgresConnection) throws -> [ExistingPlan] {
        var plans: [String: ExistingPlan] = [:]
        for plan in carried { plans[plan.id.lowercased()] = plan }
        let rows = try connection.query("""
            SELECT plan_id, institution_id, semester, deleted FROM known_plans WHERE student_code = $1 AND plan_id <> $2
            """, [reference.studentCode, reference.planId])
        for row in rows {
            guard let semester = SemesterRef(code: try row.decode("semester")) else { continue }
            let id = try row.decode("plan_id", as: UUID.self).uuidString.lowercased()
            plans[id] = ExistingPlan(id: id, institutionId: try row.decode("institution_id", as: UUID.self).uuidString.lowercased(),
                                     semester: semester, isDeleted: try row.decode("deleted"))
        }
        return plans.values.sorted { $0.id < $1.id }
    }
}

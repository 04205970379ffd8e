import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Submitting a plan: the rules library checks it with everything intake knows (institution,
/// birth date, attached documents, consent — pending consent is a warning, not a refusal —,
/// declarations, the student's other plans). Errors refuse the
/// submission and nothing is written; otherwise the plan becomes `submitted` under a new
/// revision and `plan.submitted` (for everyone) and `plan.content_submitted` (the plan's text
/// and context, for risk validation and reporting only) go into the outbox in the same transaction.
struct PlanSubmission: Sendable {
    let settings: ProgrammeSettings
    /// Where the student's (sealed) birth date is read.
    let birthDates: StudentBirthDates

    /// The refusal: the findings that are errors (and the warnings, to fix together).
    struct Refused: Error, Sendable {
        var findings: [Finding]
    }

    /// What submitting would find now, changing nothing (the portal shows the findings beside
    /// the fields before the preparer submits). An empty plan has no findings yet.
    func check(planId: UUID, actor: Principal, on connection: PostgresConnection) throws -> [Finding] {
        let record = try PlanAccess.load(planId, for: actor, on: connection)
        guard let content = record.content else { return [] }
        let plan = content.supportPlan(id: record.id, institutionId: record.institutionId, studentCode: record.studentCode,
                                       semester: record.semester)
        return PlanValidator.validate(plan: plan, context: try validationContext(for: record, on: connection), settings: settings)
    }

    func submit(planId: UUID, actor: Principal, outbox: OutboxWriter, on connection: PostgresConnection) throws -> PlanRecord {
        var record = try PlanAccess.load(planId, for: actor, forUpdate: true, on: connection)
        try PlanAccess.requireEditable(record)
        guard let content = record.content else {
            throw CommonProblems.invalidField("content", "plan.content_required", lv: "Plāns vēl nav aizpildīts.",
                                              en: "The plan has not been filled in yet.")
        }
        let context = try validationContext(for: record, on: connection)
        let plan = content.supportPlan(id: record.id, institutionId: record.institutionId, studentCode: record.studentCode,
                                       semester: record.semester)
        let findings = PlanValidator.validate(plan: plan, context: context, settings: settings)
        guard !findings.hasErrors else { throw Refused(findings: findings) }

        let revision = record.revision + 1
        try connection.execute("""
            UPDATE plans SET status = 'submitted', revision = $2, findings = $3::jsonb, status_note = NULL, updated_at = now()
            WHERE id = $1
            """, [record.id, revision, try PlanRecord.encodeJSON(findings.map(FindingView.init))])
        // The institution coordinator forwards a plan a teacher prepared (seed 000 item 6): the plan
        // stays its preparer's, the history says who forwarded it.
        let forwarded = actor.role == .institutionCoordinator
        try connection.execute("INSERT INTO plan_history (plan_id, from_status, to_status, actor, reason) VALUES ($1, $2, 'submitted', $3, $4)",
                               [record.id, record.status.rawValue, actor.personId, forwarded ? "forwarded" : nil])
        try Audit.record(actor: actor, action: forwarded ? "plan.forward" : "plan.submit", subject: "plan:\(record.id.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        record.status = .submitted
        record.revision = revision
        record.findings = findings.map(FindingView.init)
        let preparer = forwarded ? try preparer(of: record, on: connection) : nil
        try enqueue(event(record, content: content, plan: plan, context: context, actor: actor, forwardedFor: preparer),
                    grade: content.card.gradeOrCourse, outbox: outbox, on: connection)
        return record
    }

    /// Who prepared the plan: the last person who submitted it themselves, else its creator.
    func preparer(of record: PlanRecord, on connection: PostgresConnection) throws -> UUID {
        try connection.query("""
            SELECT actor FROM plan_history WHERE plan_id = $1 AND to_status = 'submitted' AND reason IS NULL
              AND from_status IN ('draft', 'rejected_by_validation', 'returned', 'under_review')
            ORDER BY id DESC LIMIT 1
            """, [record.id]).first.map { try $0.decode("actor", as: UUID.self) } ?? record.createdBy
    }

    /// A resumed plan goes through validation and approval again (DOMAIN.md §3): a new revision
    /// is submitted on the platform's behalf with the content as it stands.
    func resubmitAfterResume(_ reference: PlanReference, actor: ActorPayload, outbox: OutboxWriter,
                             on connection: PostgresConnection) throws {
        guard let row = try connection.query(PlanRecord.selectSQL + " WHERE p.id = $1 FOR UPDATE OF p", [reference.planId]).first else {
            throw PermanentHandlerError("plan \(reference.planId) is unknown to intake")
        }
        var record = try PlanRecord(row: row)
        guard record.revision == reference.revision, let content = record.content else { return }
        guard record.status == .suspended else {
            // The resume overtook the suspension (competing consumers): retry; a final plan stays final.
            if record.status.isFinal { return }
            throw PlanStatusProjection.EventArrivedEarly("plan \(record.id) is not suspended here yet")
        }
        let context = try validationContext(for: record, on: connection)
        let plan = content.supportPlan(id: record.id, institutionId: record.institutionId, studentCode: record.studentCode,
                                       semester: record.semester)
        record.revision += 1
        try connection.execute("""
            UPDATE plans SET status = 'submitted', revision = $2, status_note = $3, updated_at = now() WHERE id = $1
            """, [record.id, record.revision, "resumed"])
        try connection.execute("""
            INSERT INTO plan_history (plan_id, from_status, to_status, actor, reason) VALUES ($1, 'suspended', 'submitted', $2, 'resumed')
            """, [record.id, actor.personId])
        record.status = .submitted
        // The plan is still the preparer's (for the own-plan rule and their emails), not the resumer's.
        let preparer = try preparer(of: record, on: connection)
        let submitter = try Principal(personId: preparer, role: .preparer, scope: .institution(record.institutionId))
        try enqueue(event(record, content: content, plan: plan, context: context, actor: submitter), grade: content.card.gradeOrCourse,
                    outbox: outbox, on: connection)
    }

    /// Both messages of one submission, in the caller's transaction: the announcement first (with
    /// the card's grade or course, which payouts' emergency exceptions need).
    func enqueue(_ event: PlanContentSubmitted, grade: Int?, outbox: OutboxWriter, on connection: PostgresConnection) throws {
        var announcement = event.announcement
        announcement.gradeOrCourse = grade
        try outbox.enqueue(announcement, on: connection)
        try outbox.enqueue(event, on: connection)
    }

    /// What the validator needs besides the plan, all from intake's own tables.
    func validationContext(for record: PlanRecord, on connection: PostgresConnection) throws -> ValidationContext {
        guard let institution = try connection.query("SELECT kind, founder FROM institutions WHERE id = $1",
                                                     [record.institutionId]).first,
              let kind = InstitutionKind(rawValue: try institution.decode("kind")),
              let founder = InstitutionFounder(rawValue: try institution.decode("founder")) else {
            throw CommonProblems.invalidField("institutionId", "institution.unknown", lv: "Iestāde nav reģistrēta.",
                                              en: "The institution is not registered.")
        }
        let birth = try birthDates.birthDate(of: record.studentId, on: connection)
        // Only documents attached to the plan count (seed 000 item 7): its own uploads, and those
        // carried forward from the earlier plan with their upload date (the rules judge validity).
        var documents: Set<EvidenceKind> = []
        var carried: [CarriedDocument] = []
        for row in try connection.query("""
            SELECT kind, carried_from IS NOT NULL AS carried, (uploaded_at AT TIME ZONE 'UTC')::date::text AS uploaded_on,
                   valid_until::text AS valid_until
            FROM documents WHERE plan_id = $1 AND purpose = 'evidence' ORDER BY uploaded_at, id
            """, [record.id]) {
            guard let kind = EvidenceKind(rawValue: try row.decode("kind", as: String.self)) else { continue }
            if try row.decode("carried", as: Bool.self) {
                guard let uploaded = CalendarDate(iso: try row.decode("uploaded_on", as: String.self)) else { continue }
                carried.append(CarriedDocument(kind: kind, uploadedOn: uploaded,
                                               validUntil: try row.decode("valid_until", as: String?.self).flatMap(CalendarDate.init(iso:))))
            } else {
                documents.insert(kind)
            }
        }
        let consent = try connection.query(
            "SELECT signer, signed_on::text AS signed_on FROM consents WHERE plan_id = $1 AND revoked_at IS NULL", [record.id])
            .first.flatMap { row -> ConsentRecord? in
                guard let signer = ConsentSigner(rawValue: try row.decode("signer")),
                      let date = CalendarDate(iso: try row.decode("signed_on")) else { return nil }
                return ConsentRecord(signer: signer, signedOn: date)
            }
        let others = try connection.query("""
            SELECT id, institution_id, school_year, semester, status FROM plans WHERE student_id = $1 AND id <> $2
            """, [record.studentId, record.id]).map { row in
                ExistingPlan(id: try row.decode("id", as: UUID.self).lowercased, institutionId: try row.decode("institution_id", as: UUID.self).lowercased,
                             semester: SemesterRef(schoolYear: try row.decode("school_year"),
                                                   number: SemesterNumber(rawValue: try row.decode("semester", as: Int.self)) ?? .first),
                             isDeleted: try row.decode("status", as: String.self) == PlanState.deleted.rawValue)
            }
        return ValidationContext(institution: InstitutionProfile(id: record.institutionId.lowercased, kind: kind, founder: founder),
                                 studentBirthDate: birth, documentsOnFile: documents, consent: consent,
                                 otherESFSupport: record.esfDeclarations, otherPlans: others, carriedDocuments: carried)
    }

    /// `plan.content_submitted`: the plan and its context as the rules library's JSON, with no
    /// personal code and no birth date (the context carries the age at the semester's start).
    func event(_ record: PlanRecord, content: PlanContent, plan: SupportPlan, context: ValidationContext,
               actor: Principal, forwardedFor: UUID? = nil) throws -> PlanContentSubmitted {
        let reference = PlanReference(planId: record.id, revision: record.revision, studentCode: record.studentCode,
                                      institutionId: record.institutionId, semester: record.semesterText)
        let measures = content.measures.map { entry in
            let measure = entry.measure
            let period = settings.cap(for: measure.type)?.period
            return PlannedMeasurePayload(
                measureId: entry.id ?? UUID.timeOrdered(), type: measure.type.rawValue, providers: measure.providers.map(\.rawValue),
                plannedMinutes: measure.plannedMinutes,
                monthlyAmountCents: period == .month ? measure.plannedAmount?.value : nil,
                semesterAmountCents: period == .semester ? measure.plannedAmount?.value : nil,
                riskCodes: measure.addresses.map(\.rawValue))
        }
        return PlanContentSubmitted(
            // A forwarded plan is submitted for its preparer: both count as its authors downstream
            // (neither decides it), and the preparer stays the person the plan's emails go to.
            plan: reference, submittedBy: ActorPayload(personId: actor.personId, role: actor.role.rawValue,
                                                       actingFor: forwardedFor ?? actor.actingFor),
            content: try JSONResponse.encode(plan), context: try JSONResponse.encode(Self.shareable(context, plan: plan, settings: settings)),
            riskCodes: content.risks.map(\.code.rawValue), measures: measures)
    }

    /// The context as it may leave intake: the age at the semester's start (computed by the rules
    /// library, as validation would) instead of the birth date.
    static func shareable(_ context: ValidationContext, plan: SupportPlan, settings: ProgrammeSettings) -> ValidationContext {
        var shared = context
        shared.studentAgeAtSemesterStart = PlanFacts(plan: plan, context: context, settings: settings).ageAtSemesterStart
        shared.studentBirthDate = nil
        return shared
    }
}

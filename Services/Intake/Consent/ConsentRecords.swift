import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// `PUT /plans/{id}/consent` body: who signed, when, and the scanned form (a document uploaded
/// with purpose `consent`).
struct ConsentInput: Codable, Sendable {
    var signer: ConsentSigner
    var signedOn: CalendarDate
    var documentId: UUID
}

/// `POST /plans/{id}/consent/revoke` body.
struct ConsentRevocation: Codable, Sendable {
    var reason: String
}

/// The consent on file for a plan (seed 000 item 8): one active record at a time; revocation
/// keeps the record and says who, when and why. Each change is published as
/// `plan.consent_changed` (recorded consent lets implementation start downstream; revocation
/// stops payouts and suspends the plan). Consent gates implementation, so the right person must
/// have signed: an adult student, or a minor's parent or guardian (age on the semester's start).
struct ConsentRecords: Sendable {
    /// The semester calendar (the age is taken on the semester's first day).
    let settings: ProgrammeSettings
    /// Where the student's birth date is read.
    let birthDates: StudentBirthDates

    func record(_ input: ConsentInput, planId: UUID, actor: Principal, today: CalendarDate, outbox: OutboxWriter,
                on connection: PostgresConnection) throws -> ConsentView {
        let plan = try PlanAccess.load(planId, for: actor, forUpdate: true, on: connection)
        guard !plan.status.isFinal else {
            throw CommonProblems.conflict("plan.final", field: "status", lv: "Plāns ir noslēgts vai dzēsts.",
                                          en: "The plan is closed or deleted.")
        }
        guard input.signedOn <= today else {
            throw CommonProblems.invalidField("signedOn", "consent.signed_in_future", lv: "Parakstīšanas datums nevar būt nākotnē.",
                                              en: "The signing date cannot be in the future.")
        }
        guard try connection.query("SELECT 1 FROM documents WHERE id = $1 AND plan_id = $2 AND purpose = 'consent'",
                                   [input.documentId, planId]).first != nil else {
            throw CommonProblems.invalidField("documentId", "consent.document_required",
                                              lv: "Pievienojiet skenēto piekrišanas veidlapu (dokuments ar mērķi consent).",
                                              en: "Attach the scanned consent form (a document with purpose consent).")
        }
        if let current = try Self.active(planId: planId, on: connection) {
            // The same PUT again (a retry) gets the same answer; a different consent needs a revocation first.
            if current.signer == input.signer.rawValue, current.signedOn == input.signedOn.iso, current.documentId == input.documentId {
                return current
            }
            throw CommonProblems.conflict("consent.already_on_file", field: "consent",
                                          lv: "Piekrišana jau ir reģistrēta; vispirms atsauciet to.",
                                          en: "Consent is already on file; revoke it first.")
        }
        try requireRightSigner(input.signer, plan: plan, on: connection)
        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO consents (id, plan_id, signer, signed_on, document_id, recorded_by) VALUES ($1, $2, $3, $4::date, $5, $6)
            """, [id, planId, input.signer.rawValue, input.signedOn.iso, input.documentId, actor.personId])
        try Audit.record(actor: actor, action: "consent.record", subject: "plan:\(planId.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(PlanConsentChanged(plan: Self.reference(plan), onFile: true, signedBy: input.signer.rawValue,
                                              change: try Self.changes(planId: planId, on: connection)), on: connection)
        return ConsentView(id: id, signer: input.signer.rawValue, signedOn: input.signedOn.iso, documentId: input.documentId,
                           revoked: false, revokeReason: nil)
    }

    func revoke(_ input: ConsentRevocation, planId: UUID, actor: Principal, outbox: OutboxWriter,
                on connection: PostgresConnection) throws -> ConsentView {
        let plan = try PlanAccess.load(planId, for: actor, forUpdate: true, on: connection)
        guard !plan.status.isFinal else {
            throw CommonProblems.conflict("plan.final", field: "status", lv: "Plāns ir noslēgts vai dzēsts.",
                                          en: "The plan is closed or deleted.")
        }
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 1000 else {
            throw CommonProblems.invalidField("reason", "consent.revoke_reason_required", lv: "Norādiet atsaukšanas iemeslu.",
                                              en: "Give the reason for the revocation.")
        }
        guard var current = try Self.active(planId: planId, on: connection) else {
            throw CommonProblems.conflict("consent.not_on_file", field: "consent", lv: "Piekrišana nav reģistrēta.",
                                          en: "No consent is on file.")
        }
        try connection.execute("UPDATE consents SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1",
                               [current.id, actor.personId, reason])
        try Audit.record(actor: actor, action: "consent.revoke", subject: "plan:\(planId.lowercased)",
                         correlationId: outbox.correlationId, on: connection)
        try outbox.enqueue(PlanConsentChanged(plan: Self.reference(plan), onFile: false, signedBy: current.signer,
                                              change: try Self.changes(planId: planId, on: connection)), on: connection)
        current.revoked = true
        current.revokeReason = reason
        return current
    }

    /// Refuses a consent signed by the wrong person for the student's age on the semester's first
    /// day. A student whose birth date is not known yet (new-format code, not entered) is not
    /// judged here; the plan's validation asks for the birth date.
    func requireRightSigner(_ signer: ConsentSigner, plan: PlanRecord, on connection: PostgresConnection) throws {
        guard let birth = try birthDates.birthDate(of: plan.studentId, on: connection),
              let day = settings.ageReferenceDay(of: plan.semester) else { return }
        let expected = ConsentSigner.expected(forAge: birth.age(on: day))
        guard signer != expected else { return }
        throw expected == .student
            ? CommonProblems.invalidField("signer", "consent.signer", lv: "Izglītojamais semestra sākumā ir pilngadīgs: piekrišanu paraksta pats.",
                                          en: "The student is an adult at the semester's start: they sign their own consent.")
            : CommonProblems.invalidField("signer", "consent.signer",
                                          lv: "Izglītojamais semestra sākumā ir nepilngadīgs: piekrišanu paraksta vecāks vai aizbildnis.",
                                          en: "The student is a minor at the semester's start: a parent or guardian signs.")
    }

    /// How many times the plan's consent has changed (each record and each revocation counts
    /// once; nothing is deleted, and the caller holds the plan's lock, so it only grows).
    static func changes(planId: UUID, on connection: PostgresConnection) throws -> Int {
        Int(try connection.query("SELECT count(*) + count(revoked_at) AS n FROM consents WHERE plan_id = $1", [planId]).single()
            .decode("n", as: Int64.self))
    }

    /// The active consent, if any.
    static func active(planId: UUID, on connection: PostgresConnection) throws -> ConsentView? {
        try Self.latest(planId: planId, on: connection).flatMap { $0.revoked ? nil : $0 }
    }

    /// The latest consent record, active or revoked (for the plan view).
    static func latest(planId: UUID, on connection: PostgresConnection) throws -> ConsentView? {
        try connection.query("""
            SELECT id, signer, signed_on::text AS signed_on, document_id, revoke_reason, revoked_at IS NOT NULL AS revoked
            FROM consents WHERE plan_id = $1 ORDER BY (revoked_at IS NULL) DESC, recorded_at DESC LIMIT 1
            """, [planId]).first.map { row in
                ConsentView(id: try row.decode("id"), signer: try row.decode("signer"), signedOn: try row.decode("signed_on"),
                            documentId: try row.decode("document_id"), revoked: try row.decode("revoked"),
                            revokeReason: try row.decode("revoke_reason"))
            }
    }

    static func reference(_ plan: PlanRecord) -> PlanReference {
        PlanReference(planId: plan.id, revision: plan.revision, studentCode: plan.studentCode,
                      institutionId: plan.institutionId, semester: plan.semesterText)
    }
}

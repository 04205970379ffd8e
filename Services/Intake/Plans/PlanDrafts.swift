import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// A new plan draft as stored.
public struct PlanDraft: Sendable, Equatable {
    /// Plan id.
    public var id: UUID
    /// Institution.
    public var institutionId: UUID
    /// The student's pseudonymous code.
    public var studentCode: StudentCode
    /// Semester.
    public var semester: SemesterRef
    /// Always `draft` for a new plan.
    public var status: String
}

/// Why a draft cannot be created.
public enum PlanDraftError: Error, Sendable, Equatable {
    /// One plan per student per institution per semester: this one exists already.
    case duplicate(existing: UUID)
}

/// Creates plan drafts: registers the student, inserts the plan, writes history and audit —
/// all on the caller's transaction, so either everything or nothing is stored.
public struct PlanDrafts: Sendable {
    let students: StudentRegistry

    /// Creates the store.
    public init(students: StudentRegistry) { self.students = students }

    /// Registers the student (by personal code) and creates the draft for `semester`.
    /// `birthDate` is recorded for a new-format code (which carries none), never over a known one.
    public func create(institutionId: UUID, personalCode: PersonalCode, semester: SemesterRef, actor: Principal,
                       correlationId: UUID, birthDate: CalendarDate? = nil, on connection: PostgresConnection) throws -> PlanDraft {
        let student = try students.register(personalCode, on: connection)
        if personalCode.birthDate == nil, let birthDate {
            try StudentBirthDates(vault: students.vault).recordIfUnknown(birthDate, for: student.id, on: connection)
        }
        return try insert(studentId: student.id, studentCode: student.studentCode, institutionId: institutionId,
                          semester: semester, content: nil, copiedFrom: nil, actor: actor, correlationId: correlationId,
                          on: connection)
    }

    /// A new draft for a later semester with the same student, institution and content (under new
    /// measure ids). The evidence documents come along as documents, with their original upload
    /// date (they count while still valid for the new semester); consent and findings stay with
    /// the old plan (consent names its school year and semester).
    func copyForward(_ source: PlanRecord, to semester: SemesterRef, actor: Principal, correlationId: UUID,
                     on connection: PostgresConnection) throws -> PlanDraft {
        guard source.status != .deleted else {
            throw CommonProblems.conflict("plan.deleted", field: "status", lv: "Dzēstu plānu pārnest nevar.",
                                          en: "A deleted plan cannot be copied forward.")
        }
        guard semester > source.semester else {
            throw CommonProblems.invalidField("semester", "plan.copy_forward_later_semester",
                                              lv: "Plānu var pārnest tikai uz vēlāku semestri.",
                                              en: "A plan can only be copied forward to a later semester.")
        }
        let draft = try insert(studentId: source.studentId, studentCode: try StudentCode(validating: source.studentCode),
                               institutionId: source.institutionId, semester: semester,
                               content: source.content?.copiedForward(), copiedFrom: source.id, actor: actor,
                               correlationId: correlationId, on: connection)
        try DocumentStore().carryForward(from: source.id, to: draft.id, on: connection)
        try Audit.record(actor: actor, action: "plan.copy_forward", subject: "plan:\(source.id.lowercased)",
                         correlationId: correlationId, on: connection)
        return draft
    }

    private func insert(studentId: UUID, studentCode: StudentCode, institutionId: UUID, semester: SemesterRef,
                        content: PlanContent?, copiedFrom: UUID?, actor: Principal, correlationId: UUID,
                        on connection: PostgresConnection) throws -> PlanDraft {
        let id = UUID.timeOrdered()
        let inserted = try connection.query("""
            INSERT INTO plans (id, institution_id, student_id, school_year, semester, created_by, content, copied_from)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
            ON CONFLICT ON CONSTRAINT one_plan_per_student_institution_semester DO NOTHING
            RETURNING id
            """, [id, institutionId, studentId, semester.schoolYear, semester.number.rawValue, actor.personId,
                  try content.map(PlanRecord.encodeJSON), copiedFrom])
        guard inserted.first != nil else {
            let existing = try connection.query("""
                SELECT id FROM plans WHERE student_id = $1 AND institution_id = $2 AND school_year = $3 AND semester = $4
                """, [studentId, institutionId, semester.schoolYear, semester.number.rawValue]).single()
            throw PlanDraftError.duplicate(existing: try existing.decode("id", as: UUID.self))
        }
        try connection.execute("INSERT INTO plan_history (plan_id, from_status, to_status, actor) VALUES ($1, NULL, 'draft', $2)",
                               [id, actor.personId])
        try Audit.record(actor: actor, action: "plan.create", subject: "plan:\(id.uuidString.lowercased())",
                         correlationId: correlationId, on: connection)
        return PlanDraft(id: id, institutionId: institutionId, studentCode: studentCode, semester: semester, status: "draft")
    }
}

import Auth
import Foundation
import Postgres
import Rules

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
    public func create(institutionId: UUID, personalCode: PersonalCode, semester: SemesterRef, actor: Principal,
                       correlationId: UUID, on connection: PostgresConnection) throws -> PlanDraft {
        let student = try students.register(personalCode, on: connection)
        let id = UUID()
        let inserted = try connection.query("""
            INSERT INTO plans (id, institution_id, student_id, school_year, semester, created_by)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT ON CONSTRAINT one_plan_per_student_institution_semester DO NOTHING
            RETURNING id
            """, [id, institutionId, student.id, semester.schoolYear, semester.number.rawValue, actor.personId])
        guard inserted.first != nil else {
            let existing = try connection.query("""
                SELECT id FROM plans WHERE student_id = $1 AND institution_id = $2 AND school_year = $3 AND semester = $4
                """, [student.id, institutionId, semester.schoolYear, semester.number.rawValue]).single()
            throw PlanDraftError.duplicate(existing: try existing.decode("id", as: UUID.self))
        }
        try connection.execute("INSERT INTO plan_history (plan_id, from_status, to_status, actor) VALUES ($1, NULL, 'draft', $2)",
                               [id, actor.personId])
        try Audit.record(actor: actor, action: "plan.create", subject: "plan:\(id.uuidString.lowercased())",
                         correlationId: correlationId, on: connection)
        return PlanDraft(id: id, institutionId: institutionId, studentCode: student.studentCode, semester: semester, status: "draft")
    }
}

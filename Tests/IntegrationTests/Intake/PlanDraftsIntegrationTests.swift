import Auth
import Foundation
import Intake
import Postgres
import Rules
import TestSupport
import Testing

/// Plan drafts in the real database: one per student, institution and semester; history and
/// audit written in the same transaction; a failed transaction leaves nothing behind.
@Suite("Plan drafts against real PostgreSQL")
struct PlanDraftsIntegrationTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    struct Failure: Error {}

    @Test("create, refuse a duplicate, keep history and audit, and roll back completely on failure")
    func drafts() async throws {
        let service = IntegrationEnvironment.uniqueServiceName("plans")
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: IntakeMigrations.all)
        let keys = StudentKeys.generate()
        let drafts = PlanDrafts(students: StudentRegistry(vault: PersonalCodeVault(
            keys: try StudentKeys(encryptionBase64: keys.encryptionBase64, lookupBase64: keys.lookupBase64))))
        let school = UUID()
        let preparer = try Principal(personId: UUID(), role: .preparer, scope: .institution(school))
        let code = try PersonalCode.parse("161175-19997", today: Self.today)
        let semester = SemesterRef(schoolYear: 2026, number: .first)

        let draft = try await pool.withTransaction {
            try drafts.create(institutionId: school, personalCode: code, semester: semester, actor: preparer, correlationId: UUID(), on: $0)
        }
        #expect(draft.status == "draft")

        await #expect(throws: PlanDraftError.duplicate(existing: draft.id)) {
            try await pool.withTransaction {
                try drafts.create(institutionId: school, personalCode: code, semester: semester, actor: preparer, correlationId: UUID(), on: $0)
            }
        }
        // The next semester is a new plan for the same student.
        let next = try await pool.withTransaction {
            try drafts.create(institutionId: school, personalCode: code, semester: SemesterRef(schoolYear: 2026, number: .second),
                              actor: preparer, correlationId: UUID(), on: $0)
        }
        #expect(next.studentCode == draft.studentCode && next.id != draft.id)

        // A transaction that fails after creating a draft leaves no student, plan, history or audit.
        let other = try PersonalCode.parse("328673-00679", today: Self.today)
        await #expect(throws: Failure.self) {
            try await pool.withTransaction { connection in
                _ = try drafts.create(institutionId: school, personalCode: other, semester: semester, actor: preparer,
                                      correlationId: UUID(), on: connection)
                throw Failure()
            }
        }
        let counts = try await pool.withConnection { c in
            try ["students", "plans", "plan_history", "audit"].map { table in
                try c.query("SELECT count(*) AS n FROM \(table)").single().decode("n", as: Int.self)
            }
        }
        #expect(counts == [1, 2, 2, 2])
        let audit = try await pool.withConnection { c in
            try c.query("SELECT role, scope, action, subject FROM audit ORDER BY id").map {
                "\(try $0.decode("role", as: String.self)) \(try $0.decode("scope", as: String.self)) \(try $0.decode("action", as: String.self)) \(try $0.decode("subject", as: String.self))"
            }
        }
        #expect(audit.first == "preparer institution:\(school.uuidString.lowercased()) plan.create plan:\(draft.id.uuidString.lowercased())")
        #expect(audit.allSatisfy { !$0.contains("161175") && !$0.contains("16117519997") })
        await pool.shutdown()
    }
}

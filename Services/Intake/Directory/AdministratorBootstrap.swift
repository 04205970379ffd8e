import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// The first IKVD administrator. Every directory change needs someone who already holds a role,
/// so the first one is made by the operator (`pumpurs directory bootstrap-admin`), with direct
/// access to intake's database, recorded as made by the operator tool, audited, and announced
/// to the other services' directory copies like any other person and assignment.
public enum AdministratorBootstrap {
    /// The `created_by` / `assigned_by` of the bootstrap (no person did it).
    public static let operatorId = UUID(uuidString: "00000000-0000-0000-0000-000000000000") ?? UUID()

    /// The administrator with `email`: created with a national `ikvd_admin` assignment when
    /// missing (an existing person with the email gets the assignment). Returns their id.
    public static func ensure(name: String, email: String, outbox: OutboxWriter, on connection: PostgresConnection) throws -> UUID {
        let name = try DirectoryText.name(name, field: "name")
        let email = try DirectoryText.email(email, field: "email")
        let personId: UUID
        if let existing = try connection.query("SELECT id FROM people WHERE lower(email) = lower($1)", [email]).first {
            personId = try existing.decode("id")
        } else {
            personId = UUID.timeOrdered()
            try connection.execute("INSERT INTO people (id, name, email, language, created_by) VALUES ($1, $2, $3, 'lv', $4)",
                                   [personId, name, email, operatorId])
            try outbox.enqueue(PersonRegistered(personId: personId, name: name, email: email, language: "lv"), on: connection)
        }
        let held = try connection.query("""
            SELECT 1 FROM role_assignments WHERE person_id = $1 AND role = 'ikvd_admin' AND scope_kind = 'national' AND revoked_at IS NULL
            """, [personId]).first != nil
        if !held {
            let assignmentId = UUID.timeOrdered()
            try connection.execute("""
                INSERT INTO role_assignments (id, person_id, role, scope_kind, assigned_by) VALUES ($1, $2, 'ikvd_admin', 'national', $3)
                """, [assignmentId, personId, operatorId])
            let operatorPrincipal = try Principal(personId: operatorId, role: .ikvdAdmin, scope: .national)
            try Audit.record(actor: operatorPrincipal, action: "directory.bootstrap_admin", subject: "assignment:\(assignmentId.lowercased)",
                             correlationId: outbox.correlationId, on: connection)
            try outbox.enqueue(RoleAssigned(assignment: RoleAssignmentChanged(
                assignmentId: assignmentId, personId: personId, role: Role.ikvdAdmin.rawValue, scopeKind: "national",
                scopeId: nil, scopeName: nil, assignedBy: operatorId)), on: connection)
        }
        return personId
    }
}

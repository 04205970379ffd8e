import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// One role assignment with its history, for IKVD's directory: who gave it and when, who took it
/// back and when (nothing is deleted, so a revoked role stays listed), and the place's name.
struct AssignmentHistoryView: Codable, Sendable {
    var id: UUID
    var personId: UUID
    var role: String
    var scope: ScopeInput
    /// The institution's or municipality's name (nil for national and region scopes).
    var scopeName: String?
    var assignedBy: UUID
    var assignedByName: String?
    var assignedAt: String
    var revokedBy: UUID?
    var revokedByName: String?
    var revokedAt: String?
}

/// `GET /directory/people/{id}/assignments`'s answer.
struct AssignmentHistory: Codable, Sendable {
    /// Who (without assignments: they are the items).
    var person: PersonView
    var items: [AssignmentHistoryView]
}

extension DirectoryStore {
    /// Every assignment the person ever held, newest first, or nil when there is no such person.
    func assignmentHistory(personId: UUID, on connection: PostgresConnection) throws -> AssignmentHistory? {
        guard let found = try connection.query("SELECT name, email, language FROM people WHERE id = $1", [personId]).first else { return nil }
        let person = PersonView(id: personId, name: try found.decode("name"), email: try found.decode("email"),
                                language: try found.decode("language"), assignments: [])
        let rows = try connection.query("""
            SELECT a.*, coalesce(i.name, m.name) AS scope_name, ab.name AS assigned_by_name, rb.name AS revoked_by_name
            FROM role_assignments a
            LEFT JOIN institutions i ON a.scope_kind = 'institution' AND i.id = a.scope_id
            LEFT JOIN municipalities m ON a.scope_kind = 'municipality' AND m.id = a.scope_id
            LEFT JOIN people ab ON ab.id = a.assigned_by
            LEFT JOIN people rb ON rb.id = a.revoked_by
            WHERE a.person_id = $1 ORDER BY a.assigned_at DESC, a.id DESC
            """, [personId])
        return AssignmentHistory(person: person, items: try rows.map { row in
            let current = try Self.assignment(from: row)
            return AssignmentHistoryView(
                id: current.id, personId: current.personId, role: current.role, scope: current.scope,
                scopeName: try row.decode("scope_name"), assignedBy: current.assignedBy,
                assignedByName: try row.decode("assigned_by_name"),
                assignedAt: Timestamp.format(try row.decode("assigned_at", as: Date.self)),
                revokedBy: try row.decode("revoked_by"), revokedByName: try row.decode("revoked_by_name"),
                revokedAt: try row.decode("revoked_at", as: Date?.self).map(Timestamp.format))
        })
    }

    /// Municipalities by name (not personal data: anyone signed in may list them).
    func municipalities(limit: Int, offset: Int, on connection: PostgresConnection) throws -> Page<MunicipalityView> {
        let rows = try connection.query("""
            SELECT id, name, region, count(*) OVER () AS total FROM municipalities ORDER BY name, id LIMIT \(limit) OFFSET \(offset)
            """)
        return Page(items: try rows.map { MunicipalityView(id: try $0.decode("id"), name: try $0.decode("name"), region: try $0.decode("region")) },
                    total: try rows.first?.decode("total", as: Int.self) ?? 0, limit: limit, offset: offset)
    }
}

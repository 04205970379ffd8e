import Auth
import Foundation
import Postgres
import ServiceKit

/// Who a signed-in person is *now*: their directory entry and active role assignments, with the
/// names of the places they hold them in (the portal's role switcher shows "IAP sagatavotājs,
/// Ludzas 2. vidusskola"). Read on every portal request, so a revoked role is gone at the next click.
struct SignedInPerson: Codable, Sendable, Equatable {
    struct Role: Codable, Sendable, Equatable {
        var assignmentId: UUID
        var role: String
        var scope: ScopeInput
        /// The institution's or municipality's name, or the region; nil for a national role.
        var placeName: String?
    }

    var personId: UUID
    var name: String
    var email: String
    var language: String
    var roles: [Role]
}

/// Reads ``SignedInPerson`` by sign-in subject hash or by id.
struct SignInDirectory {
    func person(subjectHash: Data, on connection: PostgresConnection) throws -> SignedInPerson? {
        guard let row = try connection.query("SELECT id FROM people WHERE sign_in_subject_hash = $1", [subjectHash]).first else { return nil }
        return try person(id: try row.decode("id", as: UUID.self), on: connection)
    }

    func person(id: UUID, on connection: PostgresConnection) throws -> SignedInPerson? {
        guard let row = try connection.query("SELECT id, name, email, language FROM people WHERE id = $1", [id]).first else { return nil }
        let roles = try connection.query("""
            SELECT a.id, a.role, a.scope_kind, a.scope_id, a.scope_region,
                   COALESCE(i.name, m.name, a.scope_region) AS place
            FROM role_assignments a
            LEFT JOIN institutions i ON a.scope_kind = 'institution' AND i.id = a.scope_id
            LEFT JOIN municipalities m ON a.scope_kind = 'municipality' AND m.id = a.scope_id
            WHERE a.person_id = $1 AND a.revoked_at IS NULL
            ORDER BY a.assigned_at, a.id
            """, [id]).compactMap { row -> SignedInPerson.Role? in
            guard let kind = Scope.Kind(rawValue: try row.decode("scope_kind", as: String.self)) else { return nil }
            return SignedInPerson.Role(assignmentId: try row.decode("id"), role: try row.decode("role"),
                                scope: ScopeInput(kind: kind, id: try row.decode("scope_id", as: UUID?.self),
                                                  region: try row.decode("scope_region", as: String?.self)),
                                placeName: try row.decode("place", as: String?.self))
        }
        return SignedInPerson(personId: try row.decode("id"), name: try row.decode("name"), email: try row.decode("email"),
                              language: try row.decode("language"), roles: roles)
    }
}

extension SignInDirectory {
    /// Links (or replaces) a registered person's sign-in subject hash: IKVD administrators link the
    /// people who were registered before the portal, or whose provider changed. Audited; a hash held
    /// by someone else is refused (409), so nobody can be made to sign in as another person.
    func link(personId: UUID, subjectHash: Data, actor: Principal, correlationId: UUID?, on connection: PostgresConnection) throws {
        try Self.requireFree(subjectHash, for: personId, field: "subject", on: connection)
        guard try connection.execute("UPDATE people SET sign_in_subject_hash = $2 WHERE id = $1", [personId, subjectHash]) == 1 else {
            throw CommonProblems.notFound("Persona / Person")
        }
        try Audit.record(actor: actor, action: "directory.sign_in_subject_link", subject: "person:\(personId.lowercased)",
                         correlationId: correlationId, on: connection)
    }

    /// 409 when the subject hash belongs to someone other than `personId` (nil: a new person):
    /// one subject signs in as one person only.
    static func requireFree(_ subjectHash: Data, for personId: UUID?, field: String, on connection: PostgresConnection) throws {
        guard let holder = try connection.query("SELECT id FROM people WHERE sign_in_subject_hash = $1", [subjectHash]).first,
              try holder.decode("id", as: UUID.self) != personId else { return }
        throw CommonProblems.conflict("person.sign_in_subject_taken", field: field,
                                      lv: "Šis pieteikšanās identifikators jau piesaistīts citai personai.",
                                      en: "This sign-in subject already belongs to another person.")
    }
}

import Auth
import Contracts
import Foundation
import Postgres

/// A service's own copy of the directory, built from intake's `directory.*` events (services
/// never read another schema). Each service takes the parts it needs; the tables come with the
/// kit's migration range (50–59) so every service names them the same way.
public enum DirectoryReplica {
    /// Which parts of the directory a service keeps.
    public enum Part: Sendable, Hashable, CaseIterable {
        /// Institutions (kind, founder, municipality, region) and municipalities.
        case institutions
        /// People (name, email, language) and their role assignments.
        case people
    }

    /// The replica's tables (all parts; unused ones stay empty).
    public static let migrations: [Migration] = [
        Migration(version: 50, name: "directory_replica", sql: """
            CREATE TABLE replica_municipalities (
                id          uuid PRIMARY KEY,
                name        text NOT NULL,
                region      text NOT NULL,
                updated_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE replica_institutions (
                id               uuid PRIMARY KEY,
                name             text NOT NULL,
                kind             text NOT NULL,
                founder          text NOT NULL,
                municipality_id  uuid,
                region           text NOT NULL,
                updated_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE replica_people (
                id          uuid PRIMARY KEY,
                name        text NOT NULL,
                email       text NOT NULL,
                language    text NOT NULL,
                updated_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE replica_assignments (
                id            uuid PRIMARY KEY,
                person_id     uuid NOT NULL,
                role          text NOT NULL,
                scope_kind    text NOT NULL,
                scope_id      uuid,
                scope_region  text,
                revoked       boolean NOT NULL DEFAULT false,
                updated_at    timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX replica_assignments_by_role ON replica_assignments (role, scope_kind, scope_id) WHERE NOT revoked;
            """),
    ]

    /// Adds the handlers that keep `parts` current. Upserts make replays harmless; a revocation
    /// that arrives before its assignment still wins (the row is created revoked).
    public static func register(_ parts: Set<Part>, on handlers: inout EventHandlers) {
        if parts.contains(.institutions) {
            handlers.on(MunicipalityRegistered.self) { envelope, context in
                let m = envelope.data
                try context.connection.execute("""
                    INSERT INTO replica_municipalities (id, name, region) VALUES ($1, $2, $3)
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, updated_at = now()
                    """, [m.municipalityId, m.name, m.region])
            }
            handlers.on(InstitutionRegistered.self) { envelope, context in
                let i = envelope.data
                try context.connection.execute("""
                    INSERT INTO replica_institutions (id, name, kind, founder, municipality_id, region) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, founder = EXCLUDED.founder,
                        municipality_id = EXCLUDED.municipality_id, region = EXCLUDED.region, updated_at = now()
                    """, [i.institutionId, i.name, i.kind, i.founder, i.municipalityId, i.region])
                context.connection.forget(institutionKey(i.institutionId))
            }
        }
        if parts.contains(.people) {
            handlers.on(PersonRegistered.self) { envelope, context in
                let p = envelope.data
                try context.connection.execute("""
                    INSERT INTO replica_people (id, name, email, language) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, language = EXCLUDED.language, updated_at = now()
                    """, [p.personId, p.name, p.email, p.language])
            }
            handlers.on(RoleAssigned.self) { envelope, context in
                try upsert(envelope.data.assignment, revoked: false, on: context.connection)
            }
            handlers.on(RoleRevoked.self) { envelope, context in
                try upsert(envelope.data.assignment, revoked: true, on: context.connection)
            }
        }
    }

    private static func upsert(_ a: RoleAssignmentChanged, revoked: Bool, on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO replica_assignments (id, person_id, role, scope_kind, scope_id, scope_region, revoked)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE SET revoked = replica_assignments.revoked OR EXCLUDED.revoked, updated_at = now()
            """, [a.assignmentId, a.personId, a.role, a.scopeKind, a.scopeId, a.scopeName, revoked])
    }

    // MARK: Reads

    /// An institution as the replica knows it.
    public struct Institution: Sendable, Hashable {
        /// Id.
        public var id: UUID
        /// Name.
        public var name: String
        /// `general` or `vocational`.
        public var kind: String
        /// `municipal` or `state`.
        public var founder: String
        /// Municipality (nil for state institutions).
        public var municipalityId: UUID?
        /// Planning region.
        public var region: String

        /// What scope checks need.
        public var scopeFacts: InstitutionScopeFacts {
            InstitutionScopeFacts(institutionId: id, municipalityId: municipalityId, region: region)
        }
    }

    /// The institution, if its event has arrived.
    /// Read once per transaction (a consumer batch asks for the same few schools again and again).
    public static func institution(_ id: UUID, on connection: PostgresConnection) throws -> Institution? {
        try connection.memoized(institutionKey(id)) {
            try connection.query("SELECT * FROM replica_institutions WHERE id = $1", [id]).first.map { row in
                Institution(id: try row.decode("id"), name: try row.decode("name"), kind: try row.decode("kind"),
                            founder: try row.decode("founder"), municipalityId: try row.decode("municipality_id"),
                            region: try row.decode("region"))
            }
        }
    }

    static func institutionKey(_ id: UUID) -> String { "replica_institutions:" + id.uuidString }

    /// A person with an email, for notifications.
    public struct Person: Sendable, Hashable {
        /// Id.
        public var id: UUID
        /// Display name.
        public var name: String
        /// Email address.
        public var email: String
        /// `lv` or `en`.
        public var language: String

        /// Creates a person.
        public init(id: UUID, name: String, email: String, language: String) {
            self.id = id
            self.name = name
            self.email = email
            self.language = language
        }

        init(row: PostgresRow) throws {
            self.init(id: try row.decode("id"), name: try row.decode("name"), email: try row.decode("email"),
                      language: try row.decode("language"))
        }
    }

    /// The person, if their event has arrived.
    public static func person(_ id: UUID, on connection: PostgresConnection) throws -> Person? {
        try connection.query("SELECT id, name, email, language FROM replica_people WHERE id = $1", [id]).first.map(Person.init(row:))
    }

    /// Everyone holding `role` (not revoked), in any scope.
    public static func people(withRole role: Role, on connection: PostgresConnection) throws -> [Person] {
        try connection.query("""
            SELECT DISTINCT p.id, p.name, p.email, p.language FROM replica_assignments a JOIN replica_people p ON p.id = a.person_id
            WHERE NOT a.revoked AND a.role = $1 ORDER BY p.id
            """, [role.rawValue]).map(Person.init(row:))
    }

    /// People holding `role` (not revoked) whose scope reaches `institution`.
    public static func people(withRole role: Role, reaching institution: Institution,
                              on connection: PostgresConnection) throws -> [Person] {
        try connection.query("""
            SELECT DISTINCT p.id, p.name, p.email, p.language FROM replica_assignments a JOIN replica_people p ON p.id = a.person_id
            WHERE NOT a.revoked AND a.role = $1 AND (
                a.scope_kind = 'national'
                OR (a.scope_kind = 'region' AND a.scope_region = $2)
                OR (a.scope_kind = 'municipality' AND a.scope_id = $3)
                OR (a.scope_kind = 'institution' AND a.scope_id = $4))
            ORDER BY p.name, p.id
            """, [role.rawValue, institution.region, institution.municipalityId, institution.id]).map(Person.init(row:))
    }
}

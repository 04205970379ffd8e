import Foundation

/// An institution was registered or changed in the directory.
public struct InstitutionRegistered: DomainEvent {
    public static let eventType: EventType = "directory.institution_registered"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Institution id.
    public var institutionId: UUID
    /// Name.
    public var name: String
    /// `general` or `vocational`.
    public var kind: String
    /// `municipal` or `state` (state vocational = VPII: no municipality approval step).
    public var founder: String
    /// Municipality (nil for a VPII).
    public var municipalityId: UUID?
    /// Region, e.g. `Latgale`.
    public var region: String
    /// Creates the event.
    public init(institutionId: UUID, name: String, kind: String, founder: String, municipalityId: UUID?, region: String) {
        self.institutionId = institutionId; self.name = name; self.kind = kind; self.founder = founder
        self.municipalityId = municipalityId; self.region = region
    }
}

/// A municipality was registered.
public struct MunicipalityRegistered: DomainEvent {
    public static let eventType: EventType = "directory.municipality_registered"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Municipality id.
    public var municipalityId: UUID
    /// Name.
    public var name: String
    /// Region.
    public var region: String
    /// Creates the event.
    public init(municipalityId: UUID, name: String, region: String) {
        self.municipalityId = municipalityId; self.name = name; self.region = region
    }
}

/// A person (staff member) was registered or changed; email is what notifications need.
public struct PersonRegistered: DomainEvent {
    public static let eventType: EventType = "directory.person_registered"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Person id.
    public var personId: UUID
    /// Display name.
    public var name: String
    /// Email address.
    public var email: String
    /// Preferred language: `lv` or `en`.
    public var language: String
    /// Creates the event.
    public init(personId: UUID, name: String, email: String, language: String) {
        self.personId = personId; self.name = name; self.email = email; self.language = language
    }
}

/// A role with scope was assigned or revoked.
public struct RoleAssignmentChanged: Codable, Sendable, Hashable {
    /// Assignment id.
    public var assignmentId: UUID
    /// Person.
    public var personId: UUID
    /// Role code.
    public var role: String
    /// Scope kind: `national`, `region`, `municipality`, `institution`.
    public var scopeKind: String
    /// Scope id (nil for national; region name for regions is carried in `scopeName`).
    public var scopeId: UUID?
    /// Region name for region scope.
    public var scopeName: String?
    /// Who assigned it.
    public var assignedBy: UUID
    /// Creates the payload.
    public init(assignmentId: UUID, personId: UUID, role: String, scopeKind: String, scopeId: UUID?, scopeName: String? = nil, assignedBy: UUID) {
        self.assignmentId = assignmentId; self.personId = personId; self.role = role; self.scopeKind = scopeKind
        self.scopeId = scopeId; self.scopeName = scopeName; self.assignedBy = assignedBy
    }
}

/// A role was assigned.
public struct RoleAssigned: DomainEvent {
    public static let eventType: EventType = "directory.role_assigned"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var assignment: RoleAssignmentChanged
    /// Creates the event.
    public init(assignment: RoleAssignmentChanged) { self.assignment = assignment }
}

/// A role was revoked.
public struct RoleRevoked: DomainEvent {
    public static let eventType: EventType = "directory.role_revoked"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Details.
    public var assignment: RoleAssignmentChanged
    /// Creates the event.
    public init(assignment: RoleAssignmentChanged) { self.assignment = assignment }
}

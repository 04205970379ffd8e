import Foundation

/// A municipality as the API shows it.
struct MunicipalityView: Codable, Sendable {
    var id: UUID
    var name: String
    var region: String
}

/// An institution as the API shows it.
struct InstitutionView: Codable, Sendable {
    var id: UUID
    var name: String
    var kind: String
    var founder: String
    var municipalityId: UUID?
    var region: String
    /// A state vocational institution: its plans skip the municipality step.
    var isStateVocational: Bool
}

/// A role assignment as the API shows it.
struct AssignmentView: Codable, Sendable {
    var id: UUID
    var personId: UUID
    var role: String
    var scope: ScopeInput
    var assignedBy: UUID
    var revoked: Bool
}

/// A person with their active assignments.
struct PersonView: Codable, Sendable {
    var id: UUID
    var name: String
    var email: String
    var language: String
    var assignments: [AssignmentView]
}

import Foundation

/// What a scope check needs to know about an institution, taken from the directory.
public struct InstitutionScopeFacts: Sendable, Hashable {
    /// The institution.
    public var institutionId: UUID
    /// Its municipality; `nil` for a state vocational institution (VPII).
    public var municipalityId: UUID?
    /// Its planning region, spelled as in ``Scope/region(_:)``.
    public var region: String

    /// Creates the facts for one institution.
    public init(institutionId: UUID, municipalityId: UUID?, region: String) {
        self.institutionId = institutionId
        self.municipalityId = municipalityId
        self.region = region
    }

    /// Whether this is a state vocational institution (no municipality step in its approval route).
    public var isStateVocational: Bool { municipalityId == nil }
}

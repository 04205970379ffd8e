import Foundation

/// Where a role applies: the whole country, one region, one municipality or one institution.
public enum Scope: Sendable, Hashable {
    /// Every institution.
    case national
    /// One planning region, by name as in the directory (e.g. `Latgale`).
    case region(String)
    /// One municipality's institutions, by municipality id.
    case municipality(UUID)
    /// One institution, by institution id.
    case institution(UUID)

    /// The scope without its value; this is the token's `scope` claim.
    public enum Kind: String, Codable, Sendable, CaseIterable, Hashable {
        /// See ``Scope/national``.
        case national
        /// See ``Scope/region(_:)``.
        case region
        /// See ``Scope/municipality(_:)``.
        case municipality
        /// See ``Scope/institution(_:)``.
        case institution
    }

    /// The kind of this scope.
    public var kind: Kind {
        switch self {
        case .national: .national
        case .region: .region
        case .municipality: .municipality
        case .institution: .institution
        }
    }
}

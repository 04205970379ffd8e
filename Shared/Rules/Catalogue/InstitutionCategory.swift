/// What an institution is as far as its approval route goes: general or vocational, founded by
/// a municipality or by the state. The one definition of a state vocational institution (VPII)
/// lives here; approval routing, the lifecycle and the directory ask it instead of testing the
/// founder or a missing municipality on their own.
public struct InstitutionCategory: Codable, Sendable, Hashable {
    /// General or vocational.
    public var kind: InstitutionKind
    /// Municipal or state.
    public var founder: InstitutionFounder

    /// Creates a category.
    public init(kind: InstitutionKind, founder: InstitutionFounder) {
        self.kind = kind
        self.founder = founder
    }

    /// From the directory's text fields; nil when either is a value the rules do not know.
    public init?(kind: String, founder: String) {
        guard let kind = InstitutionKind(rawValue: kind), let founder = InstitutionFounder(rawValue: founder) else { return nil }
        self.init(kind: kind, founder: founder)
    }

    /// A state vocational institution (valsts profesionālās izglītības iestāde, VPII): founded by
    /// the state AND vocational. Only these skip the municipality step; a municipal vocational
    /// school and a state general school do not.
    public var isStateVocational: Bool { founder == .state && kind == .vocational }
}

extension InstitutionProfile {
    /// The institution's category.
    public var category: InstitutionCategory { InstitutionCategory(kind: kind, founder: founder) }

    /// Whether this is a state vocational institution (VPII); see ``InstitutionCategory/isStateVocational``.
    public var isStateVocational: Bool { category.isStateVocational }
}

extension ApprovalLevel {
    /// The levels a plan passes (DOMAIN.md §3, FAQ IAP-01): a VPII's head → IKVD; every other
    /// institution's head → municipality → IKVD.
    public static func route(for institution: InstitutionCategory) -> [ApprovalLevel] {
        institution.isStateVocational ? [.institutionHead, .ikvd] : [.institutionHead, .municipality, .ikvd]
    }
}

import Rules

extension DirectoryReplica.Institution {
    /// The institution's category for the rules (its approval route, whether it is a VPII). Text
    /// the rules do not know takes the full route — one approval more rather than one fewer.
    public var category: InstitutionCategory {
        InstitutionCategory(kind: kind, founder: founder) ?? InstitutionCategory(kind: .general, founder: .municipal)
    }
}

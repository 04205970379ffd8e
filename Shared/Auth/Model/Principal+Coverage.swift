import Foundation

extension Principal {
    /// Whether the principal's scope reaches `institution`: national covers all, a region its
    /// region's institutions, a municipality its own institutions, an institution only itself.
    ///
    /// A `vpii_coordinator` is a partner for one state vocational institution, so its grant
    /// covers that institution only while the directory says it is a VPII (no municipality).
    public func covers(institution: InstitutionScopeFacts) -> Bool {
        switch scope {
        case .national:
            return true
        case .region(let name):
            return institution.region == name
        case .municipality(let municipalityId):
            return institution.municipalityId == municipalityId
        case .institution(let institutionId):
            guard institution.institutionId == institutionId else { return false }
            if role == .vpiiCoordinator { return institution.isStateVocational }
            return true
        }
    }

    /// Whether the principal's scope reaches every institution of `municipality` in `region`
    /// (work queues and statistics per municipality).
    public func covers(municipality municipalityId: UUID, region: String) -> Bool {
        switch scope {
        case .national: true
        case .region(let name): name == region
        case .municipality(let own): own == municipalityId
        case .institution: false
        }
    }
}

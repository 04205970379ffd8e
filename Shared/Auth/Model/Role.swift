/// What a person may do in the programme (DOMAIN.md §2). The raw values are the token's `role`
/// claim and never change.
public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
    /// IKVD administrator: registers institutions and municipalities, assigns partner roles.
    case ikvdAdmin = "ikvd_admin"
    /// IKVD expert: the final approval level, nationally or for one region.
    case ikvdExpert = "ikvd_expert"
    /// Municipality coordinator: second approval level for one municipality's institutions.
    case municipalityCoordinator = "municipality_coordinator"
    /// Partner coordinator of one state vocational institution (VPII); not an approval level.
    case vpiiCoordinator = "vpii_coordinator"
    /// Institution head (director): first approval level.
    case institutionHead = "institution_head"
    /// Institution coordinator: forwards plans, keeps timesheets.
    case institutionCoordinator = "institution_coordinator"
    /// Plan preparer (IAP sagatavotājs/uzraugs).
    case preparer
    /// Specialist who records delivered consultation hours.
    case specialist
    /// Finance: reads payout events and exports.
    case finance

    /// The scope kinds this role may hold; anything else is an inconsistent grant.
    public var allowedScopeKinds: Set<Scope.Kind> {
        switch self {
        case .ikvdAdmin, .finance: [.national]
        case .ikvdExpert: [.national, .region]
        case .municipalityCoordinator: [.municipality]
        case .vpiiCoordinator, .institutionHead, .institutionCoordinator, .preparer, .specialist: [.institution]
        }
    }

    /// Whether this role may hold `scope`.
    public func permits(_ scope: Scope) -> Bool {
        allowedScopeKinds.contains(scope.kind)
    }
}

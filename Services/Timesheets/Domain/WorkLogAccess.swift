import Auth
import Foundation

/// Who sees which work records: a person their own (inside their token's scope); the
/// institution's coordinator and head all of the institution's; municipality coordinators their
/// municipality's institutions; VPII coordinators their VPII; IKVD roles their region or the
/// country. Finance reads payouts, not timesheets.
enum WorkLogAccess {
    /// Roles that record work (and see only their own records).
    static let recorders: Set<Role> = [.specialist, .preparer]
    /// Roles that oversee every record of the institutions their scope reaches.
    static let overseers: Set<Role> = [.institutionCoordinator, .institutionHead, .municipalityCoordinator, .vpiiCoordinator,
                                       .ikvdAdmin, .ikvdExpert]
    /// Roles that may read work records at all (others get 403).
    static let readers = recorders.union(overseers)

    /// Whether `principal` sees the record of `owner` at `institution`.
    static func canSee(owner: UUID, institution: InstitutionScopeFacts, by principal: Principal) -> Bool {
        guard principal.covers(institution: institution) else { return false }
        return principal.personId == owner || overseers.contains(principal.role)
    }
}

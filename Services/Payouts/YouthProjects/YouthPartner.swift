import Auth
import Foundation
import HTTPTypes
import ServiceKit

/// Who runs a youth competition: a municipality or a state vocational institution (VPII), taken
/// from the coordinator's own scope, never from the request (DOMAIN.md §2).
struct YouthPartner: Sendable, Hashable {
    /// `municipality` or `vpii`.
    var kind: String
    /// The municipality's id or the VPII institution's id.
    var id: UUID

    /// The partner a coordinator acts for; nil for every other role.
    static func of(_ principal: Principal) -> YouthPartner? {
        switch (principal.role, principal.scope) {
        case (.municipalityCoordinator, .municipality(let id)): YouthPartner(kind: "municipality", id: id)
        case (.vpiiCoordinator, .institution(let id)): YouthPartner(kind: "vpii", id: id)
        default: nil
        }
    }

    /// IKVD and finance read every partner's competitions (they hold no student data).
    static let readers: Set<Role> = [.ikvdAdmin, .ikvdExpert, .finance]
    /// Everyone who may read something here; `mayRead` narrows it to the partner's own.
    static let roles: Set<Role> = readers.union([.municipalityCoordinator, .vpiiCoordinator])

    /// Whether the caller may see this partner's competition.
    static func mayRead(_ principal: Principal, kind: String, id: UUID) -> Bool {
        readers.contains(principal.role) || of(principal) == YouthPartner(kind: kind, id: id)
    }

    /// The acting partner, or 403: only a partner's coordinator runs competitions.
    static func require(_ principal: Principal) throws -> YouthPartner {
        guard let partner = of(principal) else { throw notAPartner }
        return partner
    }

    static let notAPartner = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:scope", title: "Ārpus jūsu tiesībām / Outside your scope",
        errors: [.init(field: "(token)", rule: "scope.youth_partner",
                       message: "Jauniešu iniciatīvu konkursus rīko pašvaldības vai VPII koordinators.",
                       messageEn: "Youth initiative competitions are run by a municipality's or a VPII's coordinator.")])
}

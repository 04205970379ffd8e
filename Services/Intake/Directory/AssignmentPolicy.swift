import Auth
import Foundation
import Rules

/// Who may give whom which role (DOMAIN.md §2, seed 000 item 5): IKVD administrators assign the
/// partners' coordinators and institution heads (and national staff); a head assigns the
/// institution coordinator, preparers and specialists of their own institution. Nobody assigns
/// a role above their own rights, and nobody gives a role to themselves. Pure: the caller
/// supplies the target institution's facts.
public enum AssignmentPolicy {
    /// Why an assignment is refused.
    public struct Refusal: Error, Sendable, Equatable {
        /// Stable code, e.g. `assignment.role_not_assignable`.
        public var code: String
        /// Latvian and English explanation.
        public var message: LocalizedText
    }

    /// Roles each role may hand out.
    public static func assignableRoles(by role: Role) -> Set<Role> {
        switch role {
        case .ikvdAdmin: [.ikvdExpert, .finance, .municipalityCoordinator, .vpiiCoordinator, .institutionHead]
        case .institutionHead: [.institutionCoordinator, .preparer, .specialist]
        default: []
        }
    }

    /// Nobody assigns a role to themselves (review #17): a head giving themselves the coordinator's
    /// role at their school (or an administrator giving themselves finance) would hold two roles
    /// that are meant to be held by two people. Someone else with the right assigns it.
    public static func checkTarget(assigner: Principal, personId: UUID) -> Result<Void, Refusal> {
        guard assigner.personId != personId else {
            return .failure(Refusal(code: "assignment.self", message: LocalizedText(
                lv: "Sev lomu piešķirt nevar: to dara cits darbinieks, kuram ir tiesības to piešķirt.",
                en: "You cannot assign a role to yourself: another person with the right to assign it must do so.")))
        }
        return .success(())
    }

    /// Checks that `assigner` may give `role` with `scope`; `institution` describes the scope's
    /// institution when the scope is one.
    public static func check(assigner: Principal, role: Role, scope: Scope,
                             institution: InstitutionScopeFacts?) -> Result<Void, Refusal> {
        guard assignableRoles(by: assigner.role).contains(role) else {
            return .failure(Refusal(code: "assignment.role_not_assignable", message: LocalizedText(
                lv: "Jūsu loma nedrīkst piešķirt lomu \(role.rawValue).",
                en: "Your role may not assign the role \(role.rawValue).")))
        }
        guard role.permits(scope) else {
            return .failure(Refusal(code: "assignment.scope_mismatch", message: LocalizedText(
                lv: "Lomai \(role.rawValue) šāda darbības joma nav iespējama.",
                en: "The role \(role.rawValue) cannot have this kind of scope.")))
        }
        if case .institution(let id) = scope {
            guard let institution, institution.institutionId == id else {
                return .failure(Refusal(code: "assignment.institution_unknown", message: LocalizedText(
                    lv: "Izglītības iestāde nav atrasta.", en: "The institution was not found.")))
            }
            guard assigner.covers(institution: institution) else {
                return .failure(Refusal(code: "assignment.out_of_scope", message: LocalizedText(
                    lv: "Šī iestāde nav jūsu darbības jomā.", en: "This institution is outside your scope.")))
            }
            if role == .vpiiCoordinator, !institution.isStateVocational {
                return .failure(Refusal(code: "assignment.vpii_only", message: LocalizedText(
                    lv: "VPII koordinatoru var piešķirt tikai valsts profesionālās izglītības iestādei.",
                    en: "A VPII coordinator can only be assigned to a state vocational institution.")))
            }
        }
        return .success(())
    }
}

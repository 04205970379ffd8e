import Auth
import Foundation
import Hummingbird

/// A delegate at work for their delegator (issue #20): `actingFor=<person>` on the queue, the
/// plan's page and its decisions. The delegation (its role and dates) is read from approval
/// routing, which checks it again at every decision; a link without one in force today is
/// simply the person's own view.
struct Substitution: Sendable {
    /// The delegator's person id (lowercase).
    let delegator: String
    /// The role the delegator holds and the delegate decides in.
    let role: String
    /// The delegator's name, for "acting for …".
    let name: String

    /// `?actingFor=…` to carry on a link.
    var query: String { "actingFor=" + delegator }

    /// The delegation in force on `today` that lets `me` act for `delegator`, among `delegations`
    /// (as `GET /approvals/delegations` lists them).
    static func inForce(_ delegations: [[String: Any]], delegator: String, me: String, today: String) -> [String: Any]? {
        delegations.first { delegation in
            (delegation["delegator"] as? String)?.lowercased() == delegator && (delegation["delegate"] as? String)?.lowercased() == me
                && delegation["revoked"] as? Bool != true
                && (delegation["validFrom"] as? String ?? "9999") <= today && today <= (delegation["validUntil"] as? String ?? "")
        }
    }
}

extension PortalApp {
    /// The substitution named by `actingFor` (a query parameter or a form field), when a delegation
    /// from that person to the signed-in one is in force today; nil otherwise.
    func substitution(_ actingFor: String?, _ visit: Visit) async throws -> Substitution? {
        guard let delegator = actingFor.flatMap(Self.planUUID) else { return nil }
        let today = Self.today()
        guard let delegation = Substitution.inForce(try await delegations(visit), delegator: delegator,
                                                    me: visit.principal.personId.uuidString.lowercased(), today: today),
              let role = delegation["role"] as? String else { return nil }
        let name = try await peopleNames(visit)[delegator] ?? renderer.text("approvals.delegator", visit.language)
        return Substitution(delegator: delegator, role: role, name: name)
    }

    /// The query parameter `actingFor` of `request`.
    static func actingFor(_ request: Request) -> String? {
        request.uri.queryParameters["actingFor"].map(String.init)
    }
}

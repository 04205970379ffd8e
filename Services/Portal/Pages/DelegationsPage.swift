import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

/// Delegations (issue #20): an approver (head, municipality coordinator, IKVD expert) lets a
/// colleague decide for them within a date window; the list shows what they gave and received;
/// revoking asks for confirmation first. Decisions made meanwhile stay, recorded "acting for".
extension PortalApp {
    func registerDelegations(on router: Router<BasicRequestContext>) {
        router.get("delegations", use: signedIn { request, _, visit in
            try await delegationsPage(request, visit, errors: FieldErrors(), form: nil)
        })
        router.post("delegations", use: posted { request, _, visit, form in
            var body: [String: Any] = [:]
            for name in ["delegateId", "validFrom", "validUntil"] { body[name] = (form[name] ?? "").trimmingCharacters(in: .whitespaces) }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.approval + "/approvals/delegations", json: Self.json(body))
            guard reply.status == 201 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await delegationsPage(request, visit, errors: FieldErrors.problem(reply.body, language: visit.language)
                    .placing(unplacedAt: "delegateId"), form: form)
            }
            return Response.redirect(to: "/delegations?notice=delegation_created", type: .normal)
        })
        router.get("delegations/:delegationId/revoke", use: signedIn { request, context, visit in
            let language = visit.language
            guard let id = context.parameters.get("delegationId").flatMap(Self.planUUID),
                  let delegation = try await delegations(visit).first(where: { ($0["id"] as? String)?.lowercased() == id }),
                  (delegation["delegator"] as? String)?.lowercased() == visit.principal.personId.uuidString.lowercased(),
                  delegation["revoked"] as? Bool != true else {
                return message(request, "notfound.title", "notfound.text", status: .notFound, language: language)
            }
            let names = try await peopleNames(visit)
            var page = layout(visit, title: renderer.text("approvals.revoke_title", language), path: "/delegations")
            page["id"] = id
            page["text"] = renderer.text("approvals.revoke_text", language, [
                "name": names[(delegation["delegate"] as? String ?? "").lowercased()] ?? renderer.text("approvals.delegate_unknown", language),
                "from": LatvianFormat.date(delegation["validFrom"] as? String ?? "", language: language),
                "until": LatvianFormat.date(delegation["validUntil"] as? String ?? "", language: language)])
            return renderer.response("delegation-revoke", page, language: language)
        })
        router.post("delegations/:delegationId/revoke", use: posted { request, context, visit, _ in
            guard let id = context.parameters.get("delegationId").flatMap(Self.planUUID) else { throw HTTPError(.notFound) }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.approval + "/approvals/delegations/\(id)/revoke", json: "{}")
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
            return Response.redirect(to: "/delegations?notice=delegation_revoked", type: .normal)
        })
    }

    func delegations(_ visit: Visit) async throws -> [[String: Any]] {
        let reply = try await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/delegations")
        guard reply.status == 200 else { return [] }
        return (try? JSONSerialization.jsonObject(with: reply.body)) as? [[String: Any]] ?? []
    }

    /// The names of the people this person may see in the directory, by id (empty when they may see none).
    func peopleNames(_ visit: Visit) async throws -> [String: String] {
        let reply = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=200")
        guard reply.status == 200 else { return [:] }
        var names: [String: String] = [:]
        for person in reply.json["items"] as? [[String: Any]] ?? [] {
            if let id = (person["id"] as? String)?.lowercased() { names[id] = person["name"] as? String ?? "" }
        }
        return names
    }

    func delegationsPage(_ request: Request, _ visit: Visit, errors: FieldErrors, form: FormData?) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        let me = visit.principal.personId.uuidString.lowercased()
        let names = try await peopleNames(visit)
        let today = Self.today()
        var page = layout(visit, title: t("approvals.delegations_title"), path: "/delegations", notice: notice(request, language))
        let list = try await delegations(visit)
        page["delegations"] = list.map { delegation -> [String: Any] in
            let given = (delegation["delegator"] as? String)?.lowercased() == me
            let other = ((given ? delegation["delegate"] : delegation["delegator"]) as? String ?? "").lowercased()
            let from = delegation["validFrom"] as? String ?? "", until = delegation["validUntil"] as? String ?? ""
            let revoked = delegation["revoked"] as? Bool == true
            let state = revoked ? "revoked" : until < today ? "ended" : from > today ? "future" : "active"
            var row: [String: Any] = ["id": (delegation["id"] as? String ?? "").lowercased(),
                                      "direction": t(given ? "approvals.delegation_given" : "approvals.delegation_received"),
                                      "person": names[other] ?? t("approvals.delegate_unknown"),
                                      "role": t("role.\(delegation["role"] as? String ?? "")"),
                                      "from": LatvianFormat.date(from, language: language), "until": LatvianFormat.date(until, language: language),
                                      "state": t("approvals.delegation_\(state)")]
            if given, !revoked, state != "ended" { row["revocable"] = true }
            // The delegate works the delegator's queue from here while the delegation is in force.
            if !given, state == "active" { row["actingQueue"] = "/queue?actingFor=" + other }
            return row
        }
        page["hasDelegations"] = !list.isEmpty
        // Only an approver's own rights can be delegated; the others see what they received.
        if PlanDecision.levels[visit.role.role] != nil {
            let people = names.filter { $0.key != me }.sorted { $0.value < $1.value }
            page["fields"] = [
                FieldView(path: "delegateId", label: t("approvals.delegate"), hint: t("approvals.delegate_hint"), value: form?["delegateId"] ?? "",
                          control: .select([("", t("risk.choose"))] + people.map { ($0.key, $0.value) })),
                FieldView(path: "validFrom", label: t("approvals.valid_from"), hint: t("approvals.date_hint"), value: form?["validFrom"] ?? today),
                FieldView(path: "validUntil", label: t("approvals.valid_until"), hint: t("approvals.valid_until_hint"), value: form?["validUntil"] ?? ""),
            ].map { $0.context(errors, prefixes: prefixes(language)) }
            page["canDelegate"] = true
        }
        page.merge(ErrorSummary.context(errors, anchors: ["delegateId", "validFrom", "validUntil"])) { $1 }
        return renderer.response("delegations", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

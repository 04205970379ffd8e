import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// Emergency periods (issue #19 item 8, seed 004), for IKVD: the periods declared with how many
/// plans each paused and resumed, a form to declare one (national, a region, or a region's
/// municipality is out of this form's reach: national or region here, a municipality through the
/// API), and ending one, which resumes its plans in bulk.
extension PortalApp {
    /// Who sees the page (the service still decides who may declare: national IKVD only).
    static let emergencyKeepers: Set<String> = ["ikvd_admin", "ikvd_expert"]

    func registerEmergencies(on router: Router<BasicRequestContext>) {
        router.get("emergencies", use: signedIn { request, _, visit in
            try await emergencyPage(request, visit, form: nil, errors: FieldErrors())
        })
        router.post("emergencies", use: posted { request, _, visit, form in
            var input: [String: Any] = ["name": form["name"] ?? "", "reason": form["reason"] ?? "", "startsOn": form["startsOn"] ?? ""]
            if let end = form["endsOn"], !end.isEmpty { input["endsOn"] = end }
            var scope: [String: Any] = ["kind": form["scopeKind"] ?? "national"]
            if form["scopeKind"] == "region" { scope["region"] = form["region"] ?? "" }
            input["scope"] = scope
            let reply = try await services.call(visit.principal, "POST", services.endpoints.approval + "/approvals/emergencies", json: Self.json(input))
            guard reply.status == 201 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await emergencyPage(request, visit, form: form,
                                               errors: FieldErrors.problem(reply.body, language: visit.language).placing(unplacedAt: "name"))
            }
            return Response.redirect(to: "/emergencies?notice=emergency_declared", type: .normal)
        })
        router.post("emergencies/:emergencyId/resume", use: posted { request, context, visit, form in
            guard let id = context.parameters.get("emergencyId").flatMap(UUID.init(uuidString:)) else { return serviceFailure(request, visit, 404) }
            var input: [String: Any] = [:]
            if let comment = form["comment"], !comment.isEmpty { input["comment"] = comment }
            if let last = form["endsOn"], !last.isEmpty { input["endsOn"] = last }
            let reply = try await services.call(visit.principal, "POST",
                                                services.endpoints.approval + "/approvals/emergencies/\(id.uuidString.lowercased())/resume",
                                                json: Self.json(input))
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await emergencyPage(request, visit, form: nil,
                                               errors: FieldErrors.problem(reply.body, language: visit.language)
                                                   .placing(allAt: "end-\(id.uuidString.lowercased())"))
            }
            return Response.redirect(to: "/emergencies?notice=emergency_ended", type: .normal)
        })
    }

    func emergencyPage(_ request: Request, _ visit: Visit, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.emergencyKeepers.contains(visit.role.role) else {
            return message(request, "emergency.title", "emergency.not_for_role", status: .forbidden, language: language)
        }
        let list = try await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/emergencies")
        guard list.status == 200 else { return serviceFailure(request, visit, list.status) }
        var page = layout(visit, title: t("emergency.title"), path: "/emergencies", notice: notice(request, language))
        page["emergencies"] = (list.json["items"] as? [[String: Any]] ?? []).map { item -> [String: Any] in
            let scope = item["scope"] as? [String: Any] ?? [:]
            let kind = scope["kind"] as? String ?? "national"
            let paused = (item["paused"] as? [String: Any] ?? [:])["paused"] as? Int ?? 0
            let resumed = (item["resumed"] as? [String: Any] ?? [:])["resumed"] as? Int ?? 0
            var row: [String: Any] = [
                "id": (item["id"] as? String ?? "").lowercased(), "name": item["name"] as? String ?? "",
                "from": LatvianFormat.date(item["startsOn"] as? String ?? "", language: language),
                "until": (item["endsOn"] as? String).map { LatvianFormat.date($0, language: language) } ?? "—",
                "scope": kind == "region" ? (scope["region"] as? String ?? "") : t("emergency.scope_\(kind)"),
                "paused": paused, "resumed": resumed,
            ]
            row["open"] = item["endedAt"] == nil
            let id = row["id"] as? String ?? ""
            row["endFields"] = [FieldView(path: "end-\(id)", name: "endsOn", label: t("emergency.last_day"), hint: t("emergency.last_day_hint"),
                                          value: "", control: .input(type: "text")).context(errors, prefixes: prefixes(language))]
            return row
        }
        page["hasEmergencies"] = !(page["emergencies"] as? [Any] ?? []).isEmpty
        let values = form ?? FormData()
        let p = prefixes(language)
        let fields = [
            FieldView(path: "name", label: t("emergency.name"), value: values["name"] ?? ""),
            FieldView(path: "reason", label: t("emergency.reason"), value: values["reason"] ?? "", control: .textarea),
            FieldView(path: "startsOn", label: t("emergency.starts_on"), hint: t("date.hint"), value: values["startsOn"] ?? "", control: .input(type: "text")),
            FieldView(path: "endsOn", label: t("emergency.ends_on"), hint: t("emergency.ends_on_hint"), value: values["endsOn"] ?? "",
                      control: .input(type: "text")),
            FieldView(path: "scope", name: "scopeKind", label: t("emergency.scope"), value: values["scopeKind"] ?? "national",
                      control: .select([("national", t("emergency.scope_national")), ("region", t("emergency.scope_region"))])),
            FieldView(path: "scope.region", name: "region", label: t("emergency.region"), hint: t("emergency.region_hint"),
                      value: values["region"] ?? "", control: .select([("", t("risk.choose"))] + PlanningRegion.ordered.map { ($0, $0) })),
        ]
        page["emergencyFields"] = fields.map { $0.context(errors, prefixes: p) }
        let rowAnchors = (page["emergencies"] as? [[String: Any]] ?? []).map { "end-\($0["id"] as? String ?? "")" }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor) + rowAnchors))) { $1 }
        return renderer.response("emergencies", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

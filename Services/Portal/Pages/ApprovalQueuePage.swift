import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The approver's day (issue #20, first part): the queue of plans waiting at the approver's level,
/// oldest first, with warnings and consent status; and on the plan's page, approve or return (a
/// comment required to return), refused in the person's words beside the comment.
extension PortalApp {
    /// The approval level each approver role decides.
    static let approverLevels: [String: String] = ["institution_head": "institution_head", "municipality_coordinator": "municipality",
                                                   "ikvd_expert": "ikvd"]

    func registerApprovals(on router: Router<BasicRequestContext>) {
        router.get("queue", use: signedIn { request, _, visit in try await queuePage(request, visit) })
        router.post("plans/:planId/decision", use: posted { request, context, visit, form in
            let id = try planId(context)
            let action = form["action"] == "return" ? "return" : "approve"
            var body: [String: Any] = [:]
            if let comment = form["comment"], !comment.isEmpty { body["comment"] = comment }
            if action == "return", body["comment"] == nil {
                var errors = FieldErrors()
                errors.add("comment", renderer.text("decision.comment_required", visit.language))
                return try await planPage(request, visit, id: id, errors: errors, decisionForm: form)
            }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.approval + "/approvals/plans/\(id)/\(action)",
                                                json: Self.json(body))
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await planPage(request, visit, id: id, errors: FieldErrors.problem(reply.body, language: visit.language)
                    .placing(allAt: "comment"), decisionForm: form)
            }
            return Response.redirect(to: "/queue?notice=decision_\(action)", type: .normal)
        })
    }

    func queuePage(_ request: Request, _ visit: Visit) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.approverLevels[visit.role.role] != nil else {
            return message(request, "queue.title", "queue.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/queue?limit=100")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        var page = layout(visit, title: t("queue.title"), path: "/queue", notice: notice(request, language))
        let items = reply.json["items"] as? [[String: Any]] ?? []
        page["items"] = items.map { item -> [String: Any] in
            let warnings = (item["warnings"] as? [Any])?.count ?? 0
            return ["planId": (item["planId"] as? String ?? "").lowercased(), "studentCode": item["studentCode"] as? String ?? "",
                    "institution": item["institutionName"] as? String ?? "", "semester": item["semester"] as? String ?? "",
                    "days": item["waitingDays"] as? Int ?? 0, "warnings": warnings,
                    "consent": t(item["consentOnFile"] as? Bool == true ? "queue.consent_on_file" : "queue.consent_pending")]
        }
        page["hasItems"] = !items.isEmpty
        page["total"] = reply.json["total"] as? Int ?? items.count
        return renderer.response("queue", page, language: language)
    }
}

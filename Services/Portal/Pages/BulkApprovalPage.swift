import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// Bulk approval from the queue (issue #20): the plans ticked in the queue are listed on a
/// confirmation page (GET, nothing changes); posting it approves them through approval routing's
/// bulk command, each plan on its own, and the result page has one line per plan (approved, or
/// refused and why).
extension PortalApp {
    func registerBulkApproval(on router: Router<BasicRequestContext>) {
        router.get("queue/approve", use: signedIn { request, _, visit in
            let chosen = FormData(urlEncoded: request.uri.query ?? "").all("planId").compactMap(Self.planUUID)
            return try await bulkConfirmation(request, visit, chosen: chosen, errors: FieldErrors(), comment: "")
        })
        router.post("queue/approve", use: posted { request, _, visit, form in
            let chosen = form.all("planId").compactMap(Self.planUUID)
            let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard Self.approverLevels[visit.role.role] != nil, !chosen.isEmpty else {
                return try await bulkConfirmation(request, visit, chosen: chosen, errors: FieldErrors(), comment: comment)
            }
            // The S-codes before approving: approved plans leave the queue.
            let waiting = try await waitingPlans(visit)
            var body: [String: Any] = ["planIds": chosen]
            if !comment.isEmpty { body["comment"] = comment }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.approval + "/approvals/bulk-approve", json: Self.json(body))
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) || reply.status == 403 { return serviceFailure(request, visit, reply.status) }
                return try await bulkConfirmation(request, visit, chosen: chosen,
                                                  errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "comment"),
                                                  comment: comment)
            }
            let results = reply.json["results"] as? [[String: Any]] ?? []
            // A plan decided by someone else meanwhile has left the queue: its S-code comes from its summary.
            var known = waiting ?? [:]
            for id in results.compactMap({ ($0["planId"] as? String)?.lowercased() }) where known[id] == nil {
                if case .success(let summary) = try await approvalSummary(request, visit, id: id), let plan = summary["plan"] as? [String: Any] {
                    known[id] = plan
                }
            }
            return bulkResult(visit, results: results, waiting: known)
        })
    }

    static func planUUID(_ text: String) -> String? { UUID(uuidString: text).map { $0.uuidString.lowercased() } }

    /// The plans waiting for this approver, by id (S-code, institution, semester); nil when the service failed.
    func waitingPlans(_ visit: Visit) async throws -> [String: [String: Any]]? {
        let reply = try await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/queue?limit=200")
        guard reply.status == 200 else { return nil }
        var plans: [String: [String: Any]] = [:]
        for item in reply.json["items"] as? [[String: Any]] ?? [] {
            if let id = (item["planId"] as? String)?.lowercased() { plans[id] = item }
        }
        return plans
    }

    func bulkConfirmation(_ request: Request, _ visit: Visit, chosen: [String], errors: FieldErrors, comment: String) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        guard Self.approverLevels[visit.role.role] != nil else {
            return message(request, "queue.title", "queue.not_for_role", status: .forbidden, language: language)
        }
        guard !chosen.isEmpty else {
            return message(request, "approvals.bulk_title", "approvals.bulk_none", status: .unprocessableContent, language: language)
        }
        guard let waiting = try await waitingPlans(visit) else { return serviceFailure(request, visit, 503) }
        let plans = chosen.compactMap { id in waiting[id].map { (id, $0) } }
        var page = layout(visit, title: t("approvals.bulk_title"), path: "/queue/approve")
        page["plans"] = plans.map { id, item -> [String: Any] in
            ["planId": id, "studentCode": item["studentCode"] as? String ?? "", "institution": item["institutionName"] as? String ?? "",
             "semester": item["semester"] as? String ?? "", "days": item["waitingDays"] as? Int ?? 0,
             "warnings": (item["warnings"] as? [Any])?.count ?? 0]
        }
        page["count"] = plans.count
        page["countText"] = t("approvals.bulk_count", ["count": String(plans.count)])
        page["hasPlans"] = !plans.isEmpty
        let gone = chosen.count - plans.count
        if gone > 0 { page["goneText"] = t("approvals.bulk_gone", ["count": String(gone)]) }
        let level = PlanDecision.levels[visit.role.role]
        page["nextText"] = t(level == .ikvd ? "approvals.next_approved" : level == .municipality ? "approvals.next_ikvd" : "approvals.bulk_next_head")
        page["fields"] = [FieldView(path: "comment", label: t("approvals.comment_optional"), hint: t("approvals.hint_bulk"),
                                    value: comment, control: .textarea).context(errors, prefixes: prefixes(language))]
        page.merge(ErrorSummary.context(errors, anchors: ["comment"])) { $1 }
        return renderer.response("bulk-confirm", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    func bulkResult(_ visit: Visit, results: [[String: Any]], waiting: [String: [String: Any]]) -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        var page = layout(visit, title: t("approvals.bulk_result_title"), path: "/queue/approve")
        var approved = 0
        page["results"] = results.map { result -> [String: Any] in
            let id = (result["planId"] as? String ?? "").lowercased()
            let outcome = result["outcome"] as? String ?? "error"
            let ok = outcome == "approved" || outcome == "advanced"
            if ok { approved += 1 }
            let state = (result["state"] as? String).flatMap(PlanState.init(rawValue:))
            var line: [String: Any] = ["planId": id, "studentCode": waiting[id]?["studentCode"] as? String ?? t("approvals.bulk_unknown_plan"),
                                       "ok": ok, "outcome": t(ok ? "approvals.bulk_ok" : "approvals.bulk_refused")]
            if ok {
                line["detail"] = state.map { t("approvals.bulk_now", ["status": language == "en" ? $0.label.en : $0.label.lv]) } ?? ""
            } else {
                line["detail"] = (language == "en" ? result["messageEn"] ?? result["message"] : result["message"]) as? String ?? ""
            }
            return line
        }
        page["summaryText"] = t("approvals.bulk_summary", ["approved": String(approved), "refused": String(results.count - approved)])
        return renderer.response("bulk-result", page, language: language)
    }
}

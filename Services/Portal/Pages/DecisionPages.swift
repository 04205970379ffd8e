import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// A decision on a plan (issue #20): every action the plan's page offers opens a confirmation
/// page (GET) that says what will happen, with the comment or reason there; posting it decides.
/// When someone else decided the plan between the two (the service answers 409 and the plan's
/// version moved), the second person gets a page saying who decided first, not an error.
extension PortalApp {
    func registerDecisions(on router: Router<BasicRequestContext>) {
        router.get("plans/:planId/decide/:decision", use: signedIn { request, context, visit in
            try await decisionPage(request, visit, id: try planId(context), decision: try decision(context), errors: FieldErrors(), form: nil)
        })
        router.post("plans/:planId/decide/:decision", use: posted { request, context, visit, form in
            let id = try planId(context)
            let decision = try decision(context)
            let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if decision.commentRequired, comment.isEmpty {
                var errors = FieldErrors()
                errors.add("comment", renderer.text(decision == .suspend ? "approvals.reason_required" : "approvals.comment_required", visit.language))
                return try await decisionPage(request, visit, id: id, decision: decision, errors: errors, form: form)
            }
            var body: [String: Any] = comment.isEmpty ? [:] : ["comment": comment]
            // A delegate decides for the delegator (approval routing checks the delegation again).
            let acting = try await substitution(form["actingFor"], visit)
            if let acting { body["actingFor"] = acting.delegator }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.approval + "/approvals/plans/\(id)/\(decision.rawValue)",
                                                json: Self.json(body))
            if reply.status == 200 {
                // An approver goes back to the queue; whoever manages the plan stays on its page.
                let back = [.approve, .return].contains(decision) ? "/queue" : "/plans/\(id)"
                return Response.redirect(to: "\(back)?notice=decision_\(decision.rawValue)" + (acting.map { "&" + $0.query } ?? ""), type: .normal)
            }
            if Self.serviceBroke(reply.status) || reply.status == 404 { return serviceFailure(request, visit, reply.status) }
            if reply.status == 409, let first = try await decidedFirst(request, visit, id: id, seenVersion: Int(form["version"] ?? "")) {
                return first
            }
            return try await decisionPage(request, visit, id: id, decision: decision,
                                          errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "comment"), form: form)
        })
    }

    func decision(_ context: BasicRequestContext) throws -> PlanDecision {
        guard let decision = PlanDecision(rawValue: context.parameters.get("decision") ?? "") else { throw HTTPError(.notFound) }
        return decision
    }

    /// The plan as approval routing sees it (state, version, decisions, money paid), or the failure page.
    func approvalSummary(_ request: Request, _ visit: Visit, id: String) async throws -> Result<[String: Any], PageFailure> {
        let reply = try await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/plans/\(id)")
        guard reply.status == 200 else { return .failure(PageFailure(response: serviceFailure(request, visit, reply.status))) }
        return .success(reply.json)
    }

    func decisionPage(_ request: Request, _ visit: Visit, id: String, decision: PlanDecision, errors: FieldErrors,
                      form: FormData?) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        let summary: [String: Any]
        switch try await approvalSummary(request, visit, id: id) {
        case .success(let json): summary = json
        case .failure(let failure): return failure.response
        }
        let plan = summary["plan"] as? [String: Any] ?? [:]
        let state = plan["state"] as? String ?? ""
        let paid = (summary["amountPaidCents"] as? NSNumber)?.int64Value ?? 0
        let acting = try await substitution(form?["actingFor"] ?? Self.actingFor(request), visit)
        // Offered only when it is possible now; a stale link (or a form shown again after a refusal) says so.
        // A delegate decides in the delegator's role, approve or return only.
        guard PlanDecision.available(role: acting?.role ?? visit.role.role, state: state, amountPaidCents: paid).contains(decision),
              acting == nil || decision == .approve || decision == .return else {
            if form != nil, let first = try await decidedFirst(request, visit, id: id, seenVersion: Int(form?["version"] ?? "")) { return first }
            return message(request, "approvals.not_now_title", "approvals.not_now_text", status: .conflict, language: language)
        }
        let code = plan["studentCode"] as? String ?? ""
        var page = layout(visit, title: t("approvals.confirm_\(decision.rawValue)") + " " + code, path: "/plans/\(id)/decide/\(decision.rawValue)")
        page["id"] = id
        page["decision"] = decision.rawValue
        page["heading"] = t("approvals.confirm_\(decision.rawValue)")
        page["confirmLabel"] = t("approvals.do_\(decision.rawValue)")
        page["studentCode"] = code
        page["institution"] = plan["institutionName"] as? String ?? ""
        page["semester"] = plan["semester"] as? String ?? ""
        page["statusLabel"] = PlanState(rawValue: state).map { language == "en" ? $0.label.en : $0.label.lv } ?? state
        page["version"] = form?["version"] ?? String(plan["version"] as? Int ?? 0)
        page["consequences"] = consequences(decision, plan: plan, language: language)
        if let acting {
            page["actingFor"] = acting.delegator
            page["actingBanner"] = t("approvals.acting_banner", ["name": acting.name, "role": t("role.\(acting.role)")])
        }
        page["danger"] = decision == .delete || decision == .suspend
        let label = decision == .suspend ? "approvals.reason" : decision.commentRequired ? "approvals.comment_required_label" : "approvals.comment_optional"
        page["fields"] = [FieldView(path: "comment", label: t(label), hint: t("approvals.hint_\(decision.rawValue)"),
                                    value: form?["comment"] ?? "", control: .textarea).context(errors, prefixes: prefixes(language))]
        page.merge(ErrorSummary.context(errors, anchors: ["comment"])) { $1 }
        return renderer.response("decision", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// What will happen, in plain words: where the plan goes, who is told, what it means for support.
    func consequences(_ decision: PlanDecision, plan: [String: Any], language: String) -> [String] {
        func t(_ key: String) -> String { renderer.text(key, language) }
        let state = plan["state"] as? String ?? ""
        var lines = [t(decision.nextStep(state: state, hasMunicipality: plan["municipalityId"] is String))]
        switch decision {
        case .approve:
            let final = decision.nextStep(state: state, hasMunicipality: plan["municipalityId"] is String) == "approvals.next_approved"
            lines.append(t(final ? "approvals.told_approved" : "approvals.told_next_level"))
            if plan["consentOnFile"] as? Bool != true { lines.append(t("approvals.consent_pending")) }
            else if state == PlanState.awaitingInstitutionHead.rawValue { lines.append(t("approvals.implementation_may_start")) }
            lines.append(t("approvals.leaves_queue"))
        case .return:
            lines += [t("approvals.told_preparer_comment"), t("approvals.leaves_queue")]
        case .review:
            lines.append(t("approvals.told_preparer_comment"))
        case .suspend, .resume, .delete:
            lines.append(t("approvals.recorded_in_history"))
        }
        return lines
    }

    /// The page for the second of two people deciding the same plan: who decided first (role,
    /// name, time, what) and where the plan is now. Nil when the plan's version did not move (the
    /// refusal is then about this decision itself and is shown beside the comment).
    func decidedFirst(_ request: Request, _ visit: Visit, id: String, seenVersion: Int?) async throws -> Response? {
        guard let seenVersion, case .success(let summary) = try await approvalSummary(request, visit, id: id) else { return nil }
        let plan = summary["plan"] as? [String: Any] ?? [:]
        guard let version = plan["version"] as? Int, version != seenVersion else { return nil }
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        let code = plan["studentCode"] as? String ?? ""
        var page = layout(visit, title: t("approvals.first_title"), path: "/plans/\(id)")
        page["id"] = id
        page["studentCode"] = code
        let state = plan["state"] as? String ?? ""
        page["statusLabel"] = PlanState(rawValue: state).map { language == "en" ? $0.label.en : $0.label.lv } ?? state
        if let last = (summary["decisions"] as? [[String: Any]])?.last {
            let role = t("role.\(last["role"] as? String ?? "")")
            let who = (last["decidedByName"] as? String).map { "\($0) (\(role))" } ?? role
            page["firstText"] = t("approvals.first_text", ["who": who, "what": t("approvals.did_\(last["command"] as? String ?? "")"),
                                                           "code": code, "at": LatvianFormat.dateTime(last["at"] as? String ?? "", language: language)])
            if let delegator = last["actingForName"] as? String { page["actingFor"] = t("approvals.acting_for", ["name": delegator]) }
            if let comment = last["comment"] as? String, !comment.isEmpty { page["comment"] = comment }
        } else {
            page["firstText"] = t("approvals.first_changed", ["code": code])
        }
        return renderer.response("decided-first", page, language: language, status: .conflict)
    }
}

/// A page to answer with instead of the one asked for (the service refused or failed).
struct PageFailure: Error {
    let response: Response
}

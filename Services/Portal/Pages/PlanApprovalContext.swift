import Foundation
import PlatformClient
import Rules

/// The plan's page, as approval routing sees the plan (issue #20): the approval trail (who
/// decided, in which role, "acting for" whom), which level it awaits, and the decisions this
/// person may take now, each a link to its confirmation page.
extension PortalApp {
    func approvalContext(_ summary: [String: Any], visit: Visit, acting: Substitution? = nil) -> [String: Any] {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        var page: [String: Any] = [:]
        let decisions = summary["decisions"] as? [[String: Any]] ?? []
        page["trail"] = decisions.map { decision -> [String: Any] in
            let role = t("role.\(decision["role"] as? String ?? "")")
            var item: [String: Any] = ["at": LatvianFormat.dateTime(decision["at"] as? String ?? "", language: language),
                                       "who": (decision["decidedByName"] as? String).map { "\($0) (\(role))" } ?? role,
                                       "command": t("approvals.command_\(decision["command"] as? String ?? "")")]
            if decision["actingFor"] is String {
                item["actingFor"] = t("approvals.acting_for", ["name": decision["actingForName"] as? String ?? t("approvals.delegator")])
            }
            if let comment = decision["comment"] as? String, !comment.isEmpty { item["comment"] = comment }
            return item
        }
        page["hasTrail"] = !decisions.isEmpty
        let plan = summary["plan"] as? [String: Any] ?? [:]
        if let level = plan["level"] as? String, !level.isEmpty {
            page["awaiting"] = t("plan.awaiting", ["level": t("approvals.level_\(level)")])
        }
        let id = (plan["planId"] as? String ?? "").lowercased()
        // A delegate decides in the delegator's role, and only what a delegation covers: approve or return.
        let role = acting?.role ?? visit.role.role
        let available = PlanDecision.available(role: role, state: plan["state"] as? String ?? "",
                                               amountPaidCents: (summary["amountPaidCents"] as? NSNumber)?.int64Value ?? 0)
            .filter { acting == nil || $0 == .approve || $0 == .return }
        page["decisions"] = available.map { decision -> [String: Any] in
            ["id": id, "decision": decision.rawValue, "label": t("approvals.action_\(decision.rawValue)"), "primary": decision == .approve,
             "suffix": acting.map { "?" + $0.query } ?? ""]
        }
        page["hasDecisions"] = !available.isEmpty
        if let acting {
            page["actingBanner"] = t("approvals.acting_banner", ["name": acting.name, "role": t("role.\(acting.role)")])
        }
        if PlanDecision.levels[role] != nil { page["approverSummary"] = approverSummary(summary, language: language) }
        return page
    }

    /// The one-screen summary an approver reads first: where the plan is, how long it waited, what
    /// it plans in hours and money, consent, warnings, and what was paid.
    func approverSummary(_ summary: [String: Any], language: String) -> [String: Any] {
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        let plan = summary["plan"] as? [String: Any] ?? [:]
        let measures = summary["measures"] as? [[String: Any]] ?? []
        func sum(_ key: String) -> Int { measures.reduce(0) { $0 + ((($1[key] as? NSNumber)?.intValue) ?? 0) } }
        var facts: [[String: String]] = [
            ["label": t("approvals.institution"), "value": plan["institutionName"] as? String ?? "", "id": "summary-institution"],
            ["label": t("approvals.summary_risks"), "value": (plan["riskCodes"] as? [String] ?? []).joined(separator: ", "), "id": "summary-risks"],
            ["label": t("approvals.summary_hours"), "value": LatvianFormat.hours(sum("plannedMinutes"), language: language) + " h", "id": "summary-hours"],
            ["label": t("approvals.summary_monthly"), "value": LatvianFormat.money(sum("monthlyAmountCents"), language: language), "id": "summary-monthly"],
            ["label": t("approvals.summary_semester"), "value": LatvianFormat.money(sum("semesterAmountCents"), language: language), "id": "summary-semester"],
            ["label": t("approvals.summary_paid"), "value": LatvianFormat.money((summary["amountPaidCents"] as? NSNumber)?.intValue ?? 0, language: language),
             "id": "summary-paid"],
            ["label": t("queue.warnings"), "value": String((plan["warnings"] as? [Any])?.count ?? 0), "id": "summary-warnings"],
            ["label": t("queue.consent"), "value": t(plan["consentOnFile"] as? Bool == true ? "queue.consent_on_file" : "queue.consent_pending"),
             "id": "summary-consent"],
        ]
        if let days = plan["waitingDays"] as? Int, plan["level"] as? String != "" {
            facts.insert(["label": t("queue.days"), "value": String(days), "id": "summary-waiting"], at: 1)
        }
        return ["facts": facts]
    }
}

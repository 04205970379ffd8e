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
        registerDecisions(on: router)
        registerBulkApproval(on: router)
        registerOverview(on: router)
        registerDelegations(on: router)
    }

    /// The queue's filters as the approval API takes them, read from the page's query (unknown values dropped).
    static func queueFilters(_ query: FormData) -> [(String, String)] {
        var filters: [(String, String)] = []
        if let id = query["institutionId"].flatMap(planUUID) { filters.append(("institutionId", id)) }
        if let risk = query["riskCode"], RiskCode(rawValue: risk) != nil { filters.append(("riskCode", risk)) }
        if let type = query["measureType"], MeasureType(rawValue: type) != nil { filters.append(("measureType", type)) }
        if let days = query["minWaitingDays"].flatMap(Int.init), waitChoices.contains(days) { filters.append(("minWaitingDays", String(days))) }
        return filters
    }

    /// The ages of the wait a person may filter by (days): the reminder and escalation thresholds and beyond.
    static let waitChoices = [5, 10, 20, 30]

    func queuePage(_ request: Request, _ visit: Visit) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        // A delegate works the delegator's queue (`?actingFor=`), whatever their own role.
        let acting = try await substitution(Self.actingFor(request), visit)
        guard Self.approverLevels[visit.role.role] != nil || acting != nil else {
            return message(request, "queue.title", "queue.not_for_role", status: .forbidden, language: language)
        }
        let query = FormData(urlEncoded: request.uri.query ?? "")
        let filters = Self.queueFilters(query)
        let filterQuery = filters.map { "&\($0.0)=\($0.1)" }.joined() + (acting.map { "&" + $0.query } ?? "")
        async let queueCall = services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/queue?limit=200" + filterQuery)
        async let countsCall = services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/queue/counts"
                                                 + (acting.map { "?" + $0.query } ?? ""))
        let (reply, counts) = try await (queueCall, countsCall)
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        var page = layout(visit, title: t("queue.title"), path: "/queue", notice: notice(request, language))
        if let acting {
            page["acting"] = ["delegator": acting.delegator, "query": acting.query,
                              "banner": t("approvals.acting_banner", ["name": acting.name, "role": t("role.\(acting.role)")])]
        }
        let items = reply.json["items"] as? [[String: Any]] ?? []
        page["items"] = items.map { item -> [String: Any] in
            let warnings = (item["warnings"] as? [Any])?.count ?? 0
            var entry: [String: Any] = ["planId": (item["planId"] as? String ?? "").lowercased(), "studentCode": item["studentCode"] as? String ?? "",
                                        "institution": item["institutionName"] as? String ?? "", "semester": item["semester"] as? String ?? "",
                                        "days": item["waitingDays"] as? Int ?? 0, "warnings": warnings,
                                        "consent": t(item["consentOnFile"] as? Bool == true ? "queue.consent_on_file" : "queue.consent_pending"),
                                        "risks": (item["riskCodes"] as? [String] ?? []).joined(separator: ", ")]
            if let overdue = item["overdue"] as? String { entry["overdue"] = t("approvals.overdue_\(overdue)"); entry["overdueKind"] = overdue }
            return entry
        }
        page["hasItems"] = !items.isEmpty
        page["total"] = reply.json["total"] as? Int ?? items.count
        page["filtered"] = !filters.isEmpty
        let chosen = Dictionary(filters, uniquingKeysWith: { $1 })
        if counts.status == 200 {
            page.merge(queueCounts(counts.json, language: language)) { $1 }
        }
        let institutions = (counts.status == 200 ? counts.json["institutions"] as? [[String: Any]] : nil) ?? []
        let any = t("approvals.filter_any")
        page["filterFields"] = [
            FieldView(path: "institutionId", label: t("queue.institution"), value: chosen["institutionId"] ?? "",
                      control: .select([("", any)] + institutions.map { (($0["institutionId"] as? String ?? "").lowercased(), $0["institutionName"] as? String ?? "") })),
            FieldView(path: "riskCode", label: t("approvals.filter_risk"), value: chosen["riskCode"] ?? "",
                      control: .select([("", any)] + RiskCode.allCases.map { ($0.rawValue, "\($0.rawValue) " + (language == "en" ? $0.label.en : $0.label.lv)) })),
            FieldView(path: "measureType", label: t("approvals.filter_measure"), value: chosen["measureType"] ?? "",
                      control: .select([("", any)] + MeasureType.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) })),
            FieldView(path: "minWaitingDays", label: t("approvals.filter_wait"), value: chosen["minWaitingDays"] ?? "",
                      control: .select([("", any)] + Self.waitChoices.map { (String($0), t("approvals.filter_days", ["days": String($0)])) })),
        ].map { $0.context(FieldErrors(), prefixes: prefixes(language)) }
        // IKVD decides last for the whole country: the longest waits are what it looks at first.
        page["longestFirst"] = (acting?.role ?? visit.role.role) == "ikvd_expert"
        return renderer.response("queue", page, language: language)
    }

    /// The counts panel: plans per status in the approver's scope, with waiting times, and the reminders and escalations raised.
    func queueCounts(_ counts: [String: Any], language: String, overseer: Bool = false) -> [String: Any] {
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        let states = counts["byState"] as? [[String: Any]] ?? []
        return ["statusCounts": states.map { entry -> [String: Any] in
                    let state = PlanState(rawValue: entry["state"] as? String ?? "")
                    var row: [String: Any] = ["state": entry["state"] as? String ?? "", "count": entry["count"] as? Int ?? 0,
                                              "label": state.map { language == "en" ? $0.label.en : $0.label.lv } ?? ""]
                    if let oldest = entry["oldestWaitingDays"] as? Int { row["oldest"] = oldest }
                    if let average = entry["averageWaitingDays"] as? Int { row["average"] = average }
                    return row
                },
                "hasCounts": !states.isEmpty,
                "remindersText": t(overseer ? "approvals.overdue_counts_overseen" : "approvals.overdue_counts", ["reminders": String(counts["reminders"] as? Int ?? 0),
                                                                 "escalations": String(counts["escalations"] as? Int ?? 0)])]
    }
}

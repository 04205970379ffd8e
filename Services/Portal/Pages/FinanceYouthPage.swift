import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

/// Youth initiative projects as finance sees them (issue #20, read only: the partners decide and
/// pay): each competition's budget, what was awarded and paid, and its applications with their
/// decisions and payments.
extension PortalApp {
    func registerFinanceYouth(on router: Router<BasicRequestContext>) {
        router.get("finance/youth", use: signedIn { request, _, visit in try await youthCompetitionsPage(request, visit) })
        router.get("finance/youth/:competitionId", use: signedIn { request, context, visit in
            try await youthCompetitionPage(request, visit, id: try uuidParameter(context, "competitionId"))
        })
    }

    /// A competition's figures as the pages show them.
    func youthCompetition(_ item: [String: Any], language: String) -> [String: Any] {
        func money(_ key: String) -> String { LatvianFormat.money(item[key] as? Int ?? 0, language: language) }
        return ["id": (item["competitionId"] as? String ?? "").lowercased(), "title": item["title"] as? String ?? "",
                "partner": renderer.text("finance.youth_partner_\(item["partnerKind"] as? String ?? "")", language),
                "opens": LatvianFormat.date(item["opensOn"] as? String ?? "", language: language),
                "closes": LatvianFormat.date(item["closesOn"] as? String ?? "", language: language),
                "budget": money("budgetCents"), "awarded": money("awardedCents"), "paid": money("paidCents"),
                "remaining": money("remainingBudgetCents"), "applications": item["applications"] as? Int ?? 0]
    }

    func youthCompetitionsPage(_ request: Request, _ visit: Visit) async throws -> Response {
        let language = visit.language
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.youth_title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/payouts/youth/competitions?limit=200")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        var page = layout(visit, title: renderer.text("finance.youth_title", language), path: "/finance/youth")
        let items = (reply.json["items"] as? [[String: Any]] ?? []).map { youthCompetition($0, language: language) }
        page["competitions"] = items
        page["hasCompetitions"] = !items.isEmpty
        return renderer.response("finance-youth", page, language: language)
    }

    func youthCompetitionPage(_ request: Request, _ visit: Visit, id: String) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.youth_title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let competition = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/payouts/youth/competitions/\(id)")
        guard competition.status == 200 else { return serviceFailure(request, visit, competition.status) }
        let applications = try await services.call(visit.principal, "GET",
                                                   services.endpoints.payouts + "/payouts/youth/competitions/\(id)/applications?limit=200")
        guard applications.status == 200 else { return serviceFailure(request, visit, applications.status) }
        let summary = youthCompetition(competition.json, language: language)
        var page = layout(visit, title: summary["title"] as? String ?? t("finance.youth_title"), path: "/finance/youth/\(id)")
        page["competition"] = summary
        let rows = (applications.json["items"] as? [[String: Any]] ?? []).map { item -> [String: Any] in
            let organisation = item["organisation"] as? [String: Any] ?? [:]
            var row: [String: Any] = [
                "id": (item["applicationId"] as? String ?? "").lowercased(), "title": item["projectTitle"] as? String ?? "",
                "organisation": organisation["name"] as? String ?? "",
                "requested": LatvianFormat.money(item["requestedCents"] as? Int ?? 0, language: language),
                "state": t("finance.youth_state_\(item["state"] as? String ?? "")"),
                "paid": LatvianFormat.money(item["paidCents"] as? Int ?? 0, language: language),
                "payments": (item["payments"] as? [[String: Any]] ?? []).map { payment in
                    "\(t("finance.youth_instalment_\(payment["instalment"] as? String ?? "")")) "
                        + "\(LatvianFormat.money(payment["amountCents"] as? Int ?? 0, language: language)) (\(t("finance.state_\(payment["state"] as? String ?? "")")))"
                },
            ]
            if let awarded = item["awardedCents"] as? Int { row["awarded"] = LatvianFormat.money(awarded, language: language) }
            if let reason = item["decisionReason"] as? String { row["reason"] = reason }
            return row
        }
        page["applications"] = rows
        page["hasApplications"] = !rows.isEmpty
        return renderer.response("finance-youth-competition", page, language: language)
    }
}

import Foundation
import Hummingbird
import PlatformClient
import Rules

/// The approver's overview of their institutions (issue #20): plans per status for each
/// institution in their scope, and how long the plans waiting at each level have waited.
extension PortalApp {
    /// Who reads the overview: the approvers, and the VPII coordinator who oversees their VPII
    /// without being an approval level.
    public static func readsOverview(_ role: String) -> Bool { approverLevels[role] != nil || role == "vpii_coordinator" }

    func registerOverview(on router: Router<BasicRequestContext>) {
        router.get("overview", use: signedIn { request, _, visit in
            let language = visit.language
            func t(_ key: String) -> String { renderer.text(key, language) }
            guard Self.readsOverview(visit.role.role) else {
                return message(request, "approvals.overview_title", "queue.not_for_role", status: .forbidden, language: language)
            }
            let reply = try await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/queue/counts")
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
            var page = layout(visit, title: t("approvals.overview_title"), path: "/overview")
            page.merge(Self.overviewTable(reply.json, label: { state in
                PlanState(rawValue: state).map { language == "en" ? $0.label.en : $0.label.lv } ?? state
            })) { $1 }
            // The VPII coordinator oversees without deciding: no queue of their own, counts at every level.
            let overseer = Self.approverLevels[visit.role.role] == nil
            page.merge(queueCounts(reply.json, language: language, overseer: overseer)) { $1 }
            if !overseer { page["queueBack"] = true }
            return renderer.response("overview", page, language: language)
        })
    }

    /// One row per institution, one column per state any of them has (in the lifecycle's order);
    /// a waiting state's cell also says the longest wait.
    static func overviewTable(_ counts: [String: Any], label: (String) -> String) -> [String: Any] {
        let institutions = counts["institutions"] as? [[String: Any]] ?? []
        let present = Set(institutions.flatMap { ($0["byState"] as? [[String: Any]] ?? []).compactMap { $0["state"] as? String } })
        let states = PlanState.allCases.map(\.rawValue).filter(present.contains)
        let rows = institutions.map { institution -> [String: Any] in
            let byState = Dictionary((institution["byState"] as? [[String: Any]] ?? []).map { ($0["state"] as? String ?? "", $0) }, uniquingKeysWith: { $1 })
            return ["name": institution["institutionName"] as? String ?? "",
                    "cells": states.map { state -> [String: Any] in
                        guard let entry = byState[state] else { return ["count": 0] }
                        var cell: [String: Any] = ["count": entry["count"] as? Int ?? 0]
                        if let oldest = entry["oldestWaitingDays"] as? Int { cell["oldest"] = oldest }
                        return cell
                    }]
        }
        return ["states": states.map { ["label": label($0)] }, "rows": rows, "hasRows": !rows.isEmpty]
    }
}

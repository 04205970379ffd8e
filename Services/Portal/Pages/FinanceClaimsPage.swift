import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// Finance's checks before money moves (issue #20): an expense claim with its receipt (the
/// receipt file opened through the portal, payouts checks the role and audits the read), and the
/// staff bank-account changes another finance officer proposed, waiting for a second one to
/// confirm. The claims themselves are listed on `/finance` (kind "expense claim").
extension PortalApp {
    func registerFinanceClaims(on router: Router<BasicRequestContext>) {
        router.get("finance/claims", use: signedIn { _, _, _ in
            Response.redirect(to: "/finance?kind=claim", type: .normal)
        })
        router.get("finance/claims/:claimId", use: signedIn { request, context, visit in
            try await claimPage(request, visit, id: try uuidParameter(context, "claimId"))
        })
        router.get("finance/claims/:claimId/receipt", use: signedIn { request, context, visit in
            let id = try uuidParameter(context, "claimId")
            guard FinanceRules.keepers.contains(visit.role.role) else {
                return message(request, "finance.claim_title", "finance.not_for_role", status: .forbidden, language: visit.language)
            }
            let claim = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/payouts/claims/\(id)")
            guard claim.status == 200, let receipt = (claim.json["receiptId"] as? String).flatMap(UUID.init(uuidString:)) else {
                return serviceFailure(request, visit, claim.status == 200 ? 404 : claim.status)
            }
            let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/payouts/receipts/\(receipt.uuidString.lowercased())")
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
            let type = FinanceRules.receiptType(reply.headers["content-type"])
            return Response(status: .ok, headers: [.contentType: type.mediaType,
                                                   .contentDisposition: "attachment; filename=\"receipt-\(receipt.uuidString.lowercased()).\(type.fileExtension)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        })
        router.get("finance/payee-changes", use: signedIn { request, _, visit in
            try await payeeChangesPage(request, visit, errors: FieldErrors())
        })
        router.post("finance/payee-changes/:changeId/confirm", use: posted { request, context, visit, _ in
            let id = try uuidParameter(context, "changeId")
            let reply = try await services.call(visit.principal, "POST", services.endpoints.payouts + "/finance/staff-payee-changes/\(id)/confirm",
                                                json: "{}")
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) || reply.status == 403 { return serviceFailure(request, visit, reply.status) }
                return try await payeeChangesPage(request, visit, errors: FieldErrors.problem(reply.body, language: visit.language)
                    .placing(allAt: "change-\(id)"))
            }
            return Response.redirect(to: "/finance/payee-changes?notice=payee_change_confirmed", type: .normal)
        })
    }

    func claimPage(_ request: Request, _ visit: Visit, id: String) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.claim_title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/payouts/claims/\(id)")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let claim = reply.json
        let payout = claim["payout"] as? [String: Any] ?? [:]
        let state = payout["state"] as? String ?? ""
        let measure = claim["measureType"] as? String ?? ""
        var page = layout(visit, title: t("finance.claim_title"), path: "/finance/claims/\(id)")
        var details: [String: Any] = [
            "id": id, "student": claim["studentCode"] as? String ?? "", "period": claim["period"] as? String ?? "",
            "measure": MeasureType(rawValue: measure).map { language == "en" ? $0.label.en : $0.label.lv } ?? measure,
            "description": claim["description"] as? String ?? "",
            "claimed": LatvianFormat.money(claim["claimedCents"] as? Int ?? 0, language: language),
            "paid": LatvianFormat.money(payout["amountCents"] as? Int ?? 0, language: language),
            "state": t("finance.state_\(state)"),
            "submittedAt": LatvianFormat.dateTime(claim["submittedAt"] as? String ?? "", language: language),
            "payoutId": (payout["payoutId"] as? String ?? "").lowercased(),
            "canReverse": FinanceRules.canReverse(state: state, role: visit.role.role),
        ]
        if let capped = payout["cappedByCents"] as? Int, capped > 0 { details["capped"] = LatvianFormat.money(capped, language: language) }
        if let hold = payout["holdReason"] as? String { details["hold"] = t("finance.hold_\(hold)") }
        if let reason = payout["voidReason"] as? String { details["reason"] = reason }
        page["claim"] = details
        page["findings"] = (claim["findings"] as? [[String: Any]] ?? []).map {
            ((language == "en" ? $0["messageEn"] : $0["message"]) as? String) ?? $0["message"] as? String ?? ""
        }
        page["hasFindings"] = !(page["findings"] as? [String] ?? []).isEmpty
        return renderer.response("finance-claim", page, language: language)
    }

    func payeeChangesPage(_ request: Request, _ visit: Visit, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.payee_changes_title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/staff-payee-changes")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        var page = layout(visit, title: t("finance.payee_changes_title"), path: "/finance/payee-changes", notice: notice(request, language))
        let own = visit.principal.personId.uuidString.lowercased()
        let changes = (reply.json["items"] as? [[String: Any]] ?? []).map { change -> [String: Any] in
            let id = (change["id"] as? String ?? "").lowercased()
            var row: [String: Any] = [
                "id": id, "anchor": "change-\(id)", "name": change["name"] as? String ?? "", "iban": change["iban"] as? String ?? "",
                "current": change["currentIbanMasked"] as? String ?? t("finance.no_account_yet"), "reason": change["reason"] as? String ?? "",
                "proposedAt": LatvianFormat.dateTime(change["proposedAt"] as? String ?? "", language: language),
                // The proposer cannot confirm their own proposal (payouts refuses it too).
                "canConfirm": FinanceRules.canConfirmPayeeChange(proposedBy: change["proposedBy"] as? String ?? "", me: own),
            ]
            if let bic = change["bic"] as? String { row["bic"] = bic }
            if let message = errors.messages(for: "change-\(id)").first { row["error"] = message.message }
            return row
        }
        page["changes"] = changes
        page["hasChanges"] = !changes.isEmpty
        page.merge(ErrorSummary.context(errors, anchors: Set(changes.compactMap { $0["anchor"] as? String }))) { $1 }
        return renderer.response("finance-payee-changes", page, language: language, status: errors.hasErrors ? .conflict : .ok)
    }
}

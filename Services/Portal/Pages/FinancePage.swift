import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// Finance's day (issue #20): the payouts with filters (period, state, institution, kind), the
/// staff pay lines, the ledger with its reversals, and a payout's reversal behind a page that
/// says what will happen and asks for the reason. The batches are `FinanceBatchPage`.
extension PortalApp {
    func registerFinance(on router: Router<BasicRequestContext>) {
        router.get("finance", use: signedIn { request, _, visit in try await financePage(request, visit) })
        router.get("finance/payouts/:payoutId/reverse", use: signedIn { request, context, visit in
            try await reversalPage(request, visit, id: try uuidParameter(context, "payoutId"), reason: "", errors: FieldErrors())
        })
        router.post("finance/payouts/:payoutId/reverse", use: posted { request, context, visit, form in
            let id = try uuidParameter(context, "payoutId")
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                var errors = FieldErrors()
                errors.add("reason", renderer.text("finance.reason_required", visit.language))
                return try await reversalPage(request, visit, id: id, reason: reason, errors: errors)
            }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.payouts + "/finance/payouts/\(id)/reverse",
                                                json: Self.json(["reason": reason]))
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) || reply.status == 403 || reply.status == 404 { return serviceFailure(request, visit, reply.status) }
                return try await reversalPage(request, visit, id: id, reason: reason,
                                              errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "reason"))
            }
            return Response.redirect(to: "/finance?state=reversed&notice=payout_reversed#reversals", type: .normal)
        })
        registerFinanceBatches(on: router)
        registerFinanceClaims(on: router)
        registerFinanceYouth(on: router)
    }

    /// A UUID route parameter, lowercased (a value that is no UUID is a 404, as in the services).
    func uuidParameter(_ context: BasicRequestContext, _ name: String) throws -> String {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else { throw HTTPError(.notFound) }
        return id.uuidString.lowercased()
    }

    /// Institution names by id, as the directory shows them to finance (national scope).
    func institutionNames(_ visit: Visit) async throws -> [String: String] {
        var names: [String: String] = [:]
        var offset = 0
        // A few pages at most: finance's select lists every institution of the programme.
        for _ in 0..<10 {
            let reply = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/institutions?limit=200&offset=\(offset)")
            guard reply.status == 200 else { break }
            let items = reply.json["items"] as? [[String: Any]] ?? []
            for item in items {
                if let id = item["id"] as? String, let name = item["name"] as? String { names[id.lowercased()] = name }
            }
            offset += items.count
            if items.isEmpty || offset >= reply.json["total"] as? Int ?? 0 { break }
        }
        return names
    }

    /// A payout as a table row.
    func payoutRow(_ payout: [String: Any], names: [String: String], visit: Visit) -> [String: Any] {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        let id = (payout["payoutId"] as? String ?? "").lowercased()
        let state = payout["state"] as? String ?? ""
        let measure = payout["measure"] as? String ?? ""
        let role = (payout["role"] as? String).flatMap(StaffRole.init(rawValue:)).map { language == "en" ? $0.label.en : $0.label.lv }
        var row: [String: Any] = [
            "id": id, "kind": t("finance.kind_\(payout["kind"] as? String ?? "")"),
            "student": payout["studentCode"] as? String ?? "—",
            "institution": (payout["institutionId"] as? String).flatMap { names[$0.lowercased()] } ?? "—",
            "measure": MeasureType(rawValue: measure).map { language == "en" ? $0.label.en : $0.label.lv } ?? t("finance.measure_\(measure)"),
            "period": payout["period"] as? String ?? "", "state": t("finance.state_\(state)"), "stateCode": state,
            "amount": LatvianFormat.money(payout["amountCents"] as? Int ?? 0, language: language),
            "canReverse": FinanceRules.canReverse(state: state, role: visit.role.role),
            "inFile": FinanceRules.inBankFile(state: state),
        ]
        if let role { row["role"] = role }
        if let minutes = payout["minutes"] as? Int { row["hours"] = LatvianFormat.hours(minutes, language: language) }
        if let reason = payout["voidReason"] as? String { row["reason"] = reason }
        if let hold = payout["holdReason"] as? String { row["hold"] = t("finance.hold_\(hold)") }
        if let batch = (payout["batchId"] as? String)?.lowercased() { row["batchId"] = batch }
        if let claim = (payout["claimId"] as? String)?.lowercased() { row["claimId"] = claim }
        return row
    }

    func financePage(_ request: Request, _ visit: Visit) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.title", "finance.not_for_role", status: .forbidden, language: language)
        }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let filters = FinanceRules.filters(query)
        let chosen = Dictionary(filters.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let limit = 50
        let offset = max(0, Int(query["offset"] ?? "") ?? 0)
        let names = try await institutionNames(visit)
        let base = services.endpoints.payouts + "/finance/payouts?"
        let filterText = FinanceRules.queryString(filters)
        let payouts = try await services.call(visit.principal, "GET", base + filterText + "&limit=\(limit)&offset=\(offset)")
        if Self.serviceBroke(payouts.status) || payouts.status == 403 { return serviceFailure(request, visit, payouts.status) }
        var errors = FieldErrors()
        if payouts.status != 200 { errors = FieldErrors.problem(payouts.body, language: language).placing(unplacedAt: "period") }

        var page = layout(visit, title: t("finance.title"), path: "/finance", notice: notice(request, language))
        let p = prefixes(language)
        let institutionOptions = [("", t("finance.all"))] + names.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        let fields = [
            FieldView(path: "period", label: t("finance.period"), hint: t("finance.period_hint"), value: chosen["period"] ?? ""),
            FieldView(path: "state", label: t("finance.state"), value: chosen["state"] ?? "",
                      control: .select([("", t("finance.all"))] + FinanceRules.states.map { ($0, t("finance.state_\($0)")) })),
            FieldView(path: "institutionId", label: t("finance.institution"), value: chosen["institutionId"]?.lowercased() ?? "",
                      control: .select(institutionOptions)),
            FieldView(path: "kind", label: t("finance.kind"), value: chosen["kind"] ?? "",
                      control: .select([("", t("finance.all"))] + FinanceRules.kinds.map { ($0, t("finance.kind_\($0)")) })),
        ]
        page["filterFields"] = fields.map { $0.context(errors, prefixes: p) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        let items = payouts.status == 200 ? payouts.json["items"] as? [[String: Any]] ?? [] : []
        page["payouts"] = items.map { payoutRow($0, names: names, visit: visit) }
        page["hasPayouts"] = !items.isEmpty
        let total = payouts.json["total"] as? Int ?? items.count
        page["total"] = total
        let pages = FinanceRules.pages(offset: offset, limit: limit, total: total)
        let keep = filterText.isEmpty ? "" : filterText + "&"
        if let previous = pages.previous { page["previousHref"] = "/finance?\(keep)offset=\(previous)" }
        if let next = pages.next { page["nextHref"] = "/finance?\(keep)offset=\(next)" }
        page["hasPaging"] = pages.previous != nil || pages.next != nil

        // The staff pay lines of the same period and institution (approved months' pay, per plan and role).
        let staffFilters = filters.filter { $0.name == "period" || $0.name == "institutionId" } + [("kind", "staff")]
        let staff = try await services.call(visit.principal, "GET", base + FinanceRules.queryString(staffFilters) + "&limit=200")
        let staffItems = staff.status == 200 ? staff.json["items"] as? [[String: Any]] ?? [] : []
        page["staffLines"] = staffItems.map { payoutRow($0, names: names, visit: visit) }
        page["hasStaffLines"] = !staffItems.isEmpty

        // The ledger: released, reversed and net per group, and the reversals with their reasons.
        let grouping = FinanceRules.groupings.contains(query["groupBy"] ?? "") ? query["groupBy"] ?? "period" : "period"
        var ledgerQuery = [("groupBy", grouping)]
        if let period = chosen["period"], payouts.status == 200 { ledgerQuery.append(("period", period)) }
        let ledger = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/ledger?" + FinanceRules.queryString(ledgerQuery))
        page["groupFields"] = [FieldView(path: "groupBy", label: t("finance.group_by"), value: grouping,
                                         control: .select(FinanceRules.groupings.map { ($0, t("finance.group_\($0)")) })).context(FieldErrors(), prefixes: p)]
        page["keptFilters"] = filters.map { ["name": $0.name, "value": $0.value] }
        if ledger.status == 200 {
            page["ledgerGroups"] = (ledger.json["groups"] as? [[String: Any]] ?? []).map { group -> [String: Any] in
                let key = group["key"] as? String ?? ""
                let name = group["name"] as? String
                    ?? (grouping == "measure" ? MeasureType(rawValue: key).map { language == "en" ? $0.label.en : $0.label.lv } ?? t("finance.measure_\(key)") : key)
                return ["name": name, "entries": group["entries"] as? Int ?? 0,
                        "released": LatvianFormat.money(group["releasedCents"] as? Int ?? 0, language: language),
                        "reversed": LatvianFormat.money(group["reversedCents"] as? Int ?? 0, language: language),
                        "net": LatvianFormat.money(group["netCents"] as? Int ?? 0, language: language)]
            }
            page["ledgerTotal"] = ["entries": ledger.json["entries"] as? Int ?? 0,
                                   "released": LatvianFormat.money(ledger.json["releasedCents"] as? Int ?? 0, language: language),
                                   "reversed": LatvianFormat.money(ledger.json["reversedCents"] as? Int ?? 0, language: language),
                                   "net": LatvianFormat.money(ledger.json["netCents"] as? Int ?? 0, language: language)]
        }
        var reversalFilters = filters.filter { $0.name == "period" || $0.name == "institutionId" || $0.name == "kind" }
        reversalFilters.append(("state", "reversed"))
        let reversals = try await services.call(visit.principal, "GET", base + FinanceRules.queryString(reversalFilters) + "&limit=200")
        let reversedItems = reversals.status == 200 ? reversals.json["items"] as? [[String: Any]] ?? [] : []
        page["reversals"] = reversedItems.map { payoutRow($0, names: names, visit: visit) }
        page["hasReversals"] = !reversedItems.isEmpty
        return renderer.response("finance", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// The reversal's confirmation page: the payout, what reversing it does, and the reason asked for.
    func reversalPage(_ request: Request, _ visit: Visit, id: String, reason: String, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/payouts/\(id)")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let names = try await institutionNames(visit)
        var page = layout(visit, title: t("finance.reverse_title"), path: "/finance/payouts/\(id)/reverse")
        let row = payoutRow(reply.json, names: names, visit: visit)
        page["payout"] = row
        page["canReverse"] = row["canReverse"] as? Bool ?? false
        let amount = LatvianFormat.money(-(reply.json["amountCents"] as? Int ?? 0), language: language)
        var effects = [renderer.text("finance.reverse_effect_ledger", language, ["amount": amount]),
                       t("finance.reverse_effect_state")]
        if row["batchId"] != nil { effects.append(t("finance.reverse_effect_batch")) }
        effects += [t("finance.reverse_effect_event"), t("finance.reverse_effect_final")]
        page["effects"] = effects
        let field = FieldView(path: "reason", label: t("finance.reason"), hint: t("finance.reason_hint"), value: reason, control: .textarea)
        page["reasonField"] = field.context(errors, prefixes: prefixes(language))
        page.merge(ErrorSummary.context(errors, anchors: [field.anchor])) { $1 }
        return renderer.response("finance-reverse", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

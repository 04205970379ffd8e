import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

/// The month's payment batch (issue #20): the batches and a form to make the period's batch, one
/// batch's lines and totals, its SEPA pain.001 file and CSV downloaded through the portal, and
/// "sent to the bank". `<portal>/finance/batches/<id>` is the address the `payout.batch_ready`
/// email links to.
extension PortalApp {
    func registerFinanceBatches(on router: Router<BasicRequestContext>) {
        router.get("finance/batches", use: signedIn { request, _, visit in
            try await batchesPage(request, visit, form: FormData(), errors: FieldErrors())
        })
        router.post("finance/batches", use: posted { request, _, visit, form in
            var body: [String: Any] = ["period": (form["period"] ?? "").trimmingCharacters(in: .whitespaces)]
            if let date = form["executionDate"]?.trimmingCharacters(in: .whitespaces), !date.isEmpty { body["executionDate"] = date }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.payouts + "/finance/batches", json: Self.json(body))
            guard reply.status == 201, let id = (reply.json["batchId"] as? String)?.lowercased() else {
                if Self.serviceBroke(reply.status) || reply.status == 403 { return serviceFailure(request, visit, reply.status) }
                return try await batchesPage(request, visit, form: form,
                                             errors: FieldErrors.problem(reply.body, language: visit.language).placing(unplacedAt: "period"))
            }
            return Response.redirect(to: "/finance/batches/\(id)?notice=batch_created", type: .normal)
        })
        router.get("finance/batches/:batchId", use: signedIn { request, context, visit in
            try await batchPage(request, visit, id: try uuidParameter(context, "batchId"), errors: FieldErrors())
        })
        for file in ["sepa.xml", "payouts.csv"] {
            router.get(RouterPath("finance/batches/:batchId/\(file)"), use: signedIn { request, context, visit in
                try await batchFile(request, visit, id: try uuidParameter(context, "batchId"), file: file)
            })
        }
        router.post("finance/batches/:batchId/sent", use: posted { request, context, visit, _ in
            let id = try uuidParameter(context, "batchId")
            let reply = try await services.call(visit.principal, "POST", services.endpoints.payouts + "/finance/batches/\(id)/sent", json: "{}")
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) || reply.status == 403 || reply.status == 404 { return serviceFailure(request, visit, reply.status) }
                return try await batchPage(request, visit, id: id,
                                           errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "mark-sent"))
            }
            return Response.redirect(to: "/finance/batches/\(id)?notice=batch_sent", type: .normal)
        })
    }

    func batchesPage(_ request: Request, _ visit: Visit, form: FormData, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.batches_title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/batches?limit=100")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        var page = layout(visit, title: t("finance.batches_title"), path: "/finance/batches", notice: notice(request, language))
        page["batches"] = (reply.json["items"] as? [[String: Any]] ?? []).map { batchSummary($0, language: language) }
        page["hasBatches"] = !(page["batches"] as? [Any] ?? []).isEmpty
        let fields = [
            FieldView(path: "period", label: t("finance.batch_period"), hint: t("finance.period_hint"),
                      value: form["period"] ?? Self.currentMonth()),
            FieldView(path: "executionDate", label: t("finance.execution_date"), hint: t("finance.execution_date_hint"),
                      value: form["executionDate"] ?? ""),
        ]
        page["batchFields"] = fields.map { $0.context(errors, prefixes: prefixes(language)) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        return renderer.response("finance-batches", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// A batch's figures as the pages show them.
    func batchSummary(_ batch: [String: Any], language: String) -> [String: Any] {
        var summary: [String: Any] = [
            "id": (batch["batchId"] as? String ?? "").lowercased(), "period": batch["period"] as? String ?? "",
            "count": batch["count"] as? Int ?? 0, "total": LatvianFormat.money(batch["totalCents"] as? Int ?? 0, language: language),
            "executionDate": LatvianFormat.date(batch["executionDate"] as? String ?? "", language: language),
            "createdAt": LatvianFormat.dateTime(batch["createdAt"] as? String ?? "", language: language),
        ]
        if let sent = batch["sentAt"] as? String { summary["sentAt"] = LatvianFormat.dateTime(sent, language: language) }
        return summary
    }

    func batchPage(_ request: Request, _ visit: Visit, id: String, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard FinanceRules.keepers.contains(visit.role.role) else {
            return message(request, "finance.batch_title", "finance.not_for_role", status: .forbidden, language: language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/batches/\(id)")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let lines = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/payouts?batchId=\(id)&limit=200")
        guard lines.status == 200 else { return serviceFailure(request, visit, lines.status) }
        let names = try await institutionNames(visit)
        let summary = batchSummary(reply.json, language: language)
        var page = layout(visit, title: "\(t("finance.batch_title")) \(summary["period"] ?? "")", path: "/finance/batches/\(id)",
                          notice: notice(request, language))
        page["batch"] = summary
        let items = lines.json["items"] as? [[String: Any]] ?? []
        page["lines"] = items.map { payoutRow($0, names: names, visit: visit) }
        page["hasLines"] = !items.isEmpty
        // What the bank file holds: the batch's payouts not reversed since.
        let inFile = items.filter { FinanceRules.inBankFile(state: $0["state"] as? String ?? "") }
        page["fileCount"] = inFile.count
        page["fileTotal"] = LatvianFormat.money(inFile.reduce(0) { $0 + ($1["amountCents"] as? Int ?? 0) }, language: language)
        page["canMarkSent"] = FinanceRules.canMarkSent(sentAt: reply.json["sentAt"] as? String, role: visit.role.role)
        page["sentMessages"] = errors.messages(for: "mark-sent").map(\.message)
        page["downloadMessages"] = errors.messages(for: "downloads").map(\.message)
        page.merge(ErrorSummary.context(errors, anchors: ["mark-sent", "downloads"])) { $1 }
        return renderer.response("finance-batch", page, language: language, status: errors.hasErrors ? .conflict : .ok)
    }

    /// The batch's bank file or CSV, proxied byte for byte with its own type and a file name; a file
    /// no bank would accept (payouts says what is wrong, 409) is shown on the batch's page instead.
    func batchFile(_ request: Request, _ visit: Visit, id: String, file: String) async throws -> Response {
        guard FinanceRules.keepers.contains(visit.role.role), let batchId = UUID(uuidString: id) else {
            return message(request, "finance.batch_title", "finance.not_for_role", status: .forbidden, language: visit.language)
        }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.payouts + "/finance/batches/\(id)/\(file)")
        guard reply.status == 200 else {
            if reply.status == 409 {
                return try await batchPage(request, visit, id: id,
                                           errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "downloads"))
            }
            return serviceFailure(request, visit, reply.status)
        }
        let type = file == "sepa.xml" ? "application/xml; charset=utf-8" : "text/csv; charset=utf-8"
        let name = FinanceRules.fileName(batchId: batchId, file: file)
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

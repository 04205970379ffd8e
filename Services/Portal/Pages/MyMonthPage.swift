import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// "My month" (issue #20): a specialist's sessions, or a preparer's own hours, for one month:
/// the entries, what is left of each plan's measures and limits, the warnings before they turn
/// into refusals, a form to add an entry, withdraw one, and submit the month.
extension PortalApp {
    /// Who records their own work.
    static let monthKeepers: Set<String> = ["specialist", "preparer"]

    func registerMyMonth(on router: Router<BasicRequestContext>) {
        router.get("my-month", use: signedIn { request, _, visit in
            try await myMonthPage(request, visit, form: nil, errors: FieldErrors())
        })
        router.post("my-month/entries", use: posted { request, _, visit, form in
            guard Self.monthKeepers.contains(visit.role.role) else { return serviceFailure(request, visit, 403) }
            let (body, errors) = entryBody(form, personId: nil, language: visit.language)
            guard let body else { return try await myMonthPage(request, visit, form: form, errors: errors) }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.timesheets + "/timesheets/entries", json: body,
                                                idempotencyKey: "portal-entry-\(visit.session.id)-\(UUID())")
            guard reply.status == 201 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await myMonthPage(request, visit, form: form, errors: entryRefusal(reply.body, language: visit.language))
            }
            let month = String((form["workDate"] ?? "").trimmingCharacters(in: .whitespaces).prefix(7))
            return Response.redirect(to: "/my-month?month=\(month)&notice=entry_saved#entries-title", type: .normal)
        })
        router.post("my-month/entries/:entryId/withdraw", use: posted { request, context, visit, form in
            guard let id = context.parameters.get("entryId").flatMap(UUID.init(uuidString:)) else { return serviceFailure(request, visit, 404) }
            let month = Self.month(form["month"])
            let reply = try await services.call(visit.principal, "POST",
                                                services.endpoints.timesheets + "/timesheets/entries/\(id.uuidString.lowercased())/withdraw", json: "{}")
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await myMonthPage(request, visit, form: FormData(["month": [month]]),
                                             errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "entry-\(id.uuidString.lowercased())"))
            }
            return Response.redirect(to: "/my-month?month=\(month)&notice=entry_withdrawn", type: .normal)
        })
    }

    /// `YYYY-MM` from a form or query value, or this month.
    static func month(_ text: String?) -> String {
        text.flatMap { CalendarDate(iso: $0 + "-01") }.map { String($0.iso.prefix(7)) } ?? currentMonth()
    }

    func myMonthPage(_ request: Request, _ visit: Visit, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        guard Self.monthKeepers.contains(visit.role.role) else {
            return message(request, "month.title", "month.not_for_role", status: .forbidden, language: language)
        }
        let preparer = visit.role.role == "preparer"
        let month = Self.month(request.uri.queryParameters["month"].map(String.init) ?? form?["month"]
                                ?? form?["workDate"].map { String($0.prefix(7)) })
        guard let plans = try await recordablePlans(visit) else { return serviceFailure(request, visit, 503) }
        let me = visit.person.personId.uuidString.lowercased()
        let logs = try await services.call(visit.principal, "GET",
                                           services.endpoints.timesheets + "/timesheets/worklogs?month=\(month)&personId=\(me)&limit=20")
        guard logs.status == 200 else { return serviceFailure(request, visit, logs.status) }
        let institution = visit.role.scope.id?.uuidString.lowercased()
        let summary = (logs.json["items"] as? [[String: Any]] ?? []).first { ($0["institutionId"] as? String)?.lowercased() == institution }
        var detail: [String: Any] = [:]
        if let id = summary?["id"] as? String {
            let reply = try await services.call(visit.principal, "GET", services.endpoints.timesheets + "/timesheets/worklogs/\(id.lowercased())")
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
            detail = reply.json
        }

        var page = layout(visit, title: t("month.title"), path: "/my-month", notice: notice(request, language))
        page["month"] = month
        page["preparer"] = preparer
        let p = prefixes(language)
        var warnings: [String] = []

        // What is left of each plan: the measures' planned hours (specialists) or the preparers' limit.
        var rows: [[String: Any]] = []
        for plan in plans {
            let code = plan["studentCode"] as? String ?? ""
            var items: [(what: String, limit: Int, used: Int)] = []
            if preparer {
                let minutes = plan["preparer"] as? [String: Any] ?? [:]
                items.append((t("entry.preparer_work"), minutes["limitMinutes"] as? Int ?? 0, minutes["usedMinutes"] as? Int ?? 0))
            } else {
                for measure in plan["measures"] as? [[String: Any]] ?? [] {
                    items.append((measureLabel(providers: measure["providers"] as? [String] ?? [], language: language),
                                  measure["plannedMinutes"] as? Int ?? 0, measure["deliveredMinutes"] as? Int ?? 0))
                }
            }
            for item in items {
                let state = HoursHeadroom.of(used: item.used, limit: item.limit)
                let values = ["student": code, "what": item.what, "left": LatvianFormat.hours(max(0, item.limit - item.used), language: language),
                              "limit": LatvianFormat.hours(item.limit, language: language)]
                if state != .fine { warnings.append(t("month.headroom_\(state.rawValue)", values)) }
                rows.append(["student": code, "what": item.what, "limit": LatvianFormat.hours(item.limit, language: language),
                             "used": LatvianFormat.hours(item.used, language: language), "left": values["left"] ?? "",
                             "state": t("month.state_\(state.rawValue)"), "attention": state != .fine])
            }
        }
        page["plans"] = rows
        page["hasPlans"] = !rows.isEmpty

        // The month's record: its entries, state, and why it came back if it did.
        if let summary {
            let id = (summary["id"] as? String ?? "").lowercased()
            let state = summary["state"] as? String ?? ""
            let editable = state == "open" || state == "returned"
            page["record"] = ["id": id, "state": t("worklog.state_\(state)"),
                              "hours": LatvianFormat.hours(summary["totalMinutes"] as? Int ?? 0, language: language)] as [String: Any]
            let entries = detail["entries"] as? [[String: Any]] ?? []
            page["entries"] = entries.sorted { ($0["workDate"] as? String ?? "") < ($1["workDate"] as? String ?? "") }.map { entry -> [String: Any] in
                let entryId = (entry["id"] as? String ?? "").lowercased()
                let withdrawn = entry["withdrawn"] as? Bool ?? false
                var row: [String: Any] = [
                    "id": entryId, "anchor": "entry-\(entryId)", "date": LatvianFormat.date(entry["workDate"] as? String ?? "", language: language),
                    "student": entry["studentCode"] as? String ?? "", "minutes": entry["minutes"] as? Int ?? 0,
                    "what": (entry["providerType"] as? String).flatMap(ProviderType.init(rawValue:)).map { language == "en" ? $0.label.en : $0.label.lv }
                        ?? t("entry.preparer_work"),
                    "subject": entry["subject"] as? String ?? "",
                    "remote": (entry["remote"] as? Bool).map { t($0 ? "entry.remotely" : "entry.in_person") } ?? "",
                    "withdrawn": withdrawn, "canWithdraw": editable && !withdrawn,
                ]
                if let message = errors.messages(for: "entry-\(entryId)").first { row["error"] = message.message }
                return row
            }
            page["hasEntries"] = !entries.isEmpty
            if editable && entries.contains(where: { !($0["withdrawn"] as? Bool ?? false) }) { page["canSubmit"] = true }
            if state == "returned",
               let returned = (detail["history"] as? [[String: Any]] ?? []).last(where: { $0["command"] as? String == "return" }) {
                page["returnComment"] = returned["comment"] as? String ?? ""
            }
            for warning in detail["weeklyWarnings"] as? [[String: Any]] ?? [] {
                let text = (language == "en" ? warning["messageEn"] : warning["message"]) as? String ?? ""
                warnings.append(t("month.week_of", ["date": LatvianFormat.date(warning["weekStart"] as? String ?? "", language: language)]) + " " + text)
            }
            if let message = errors.messages(for: "submit").first { page["submitError"] = message.message }
        }
        page["monthWarnings"] = warnings
        page["hasMonthWarnings"] = !warnings.isEmpty

        let fields = entryFields(targets: entryTargets(plans, consultations: !preparer, preparerWork: preparer, language: language),
                                 consultation: !preparer, values: form ?? FormData(), language: language)
        page["entryFields"] = fields.map { $0.context(errors, prefixes: p) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor) + ["submit"]))) { $1 }
        return renderer.response("my-month", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

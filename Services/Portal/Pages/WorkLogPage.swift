import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// One month's work record, `/worklogs/<id>` (the address the "submitted" and "returned" emails
/// link to): its lines, totals, state and history; the institution coordinator approves or
/// returns it here (a comment is required to return); its author sees why it came back and
/// fixes it on "my month". Who may not see it gets the service's refusal as a polite page.
extension PortalApp {
    func registerWorkLogs(on router: Router<BasicRequestContext>) {
        router.get("worklogs/:workLogId", use: signedIn { request, context, visit in
            guard let id = context.parameters.get("workLogId").flatMap(UUID.init(uuidString:)) else { return serviceFailure(request, visit, 404) }
            return try await workLogPage(request, visit, id: id, form: nil, errors: FieldErrors())
        })
        router.post("worklogs/:workLogId/:command", use: posted { request, context, visit, form in
            guard let id = context.parameters.get("workLogId").flatMap(UUID.init(uuidString:)),
                  let command = context.parameters.get("command"), ["submit", "approve", "return"].contains(command) else {
                return serviceFailure(request, visit, 404)
            }
            let path = id.uuidString.lowercased()
            let body = command == "return" ? Self.json(["comment": form["comment"] ?? ""]) : "{}"
            let reply = try await services.call(visit.principal, "POST", services.endpoints.timesheets + "/timesheets/worklogs/\(path)/\(command)",
                                                json: body)
            // Submitting happens on "my month"; its refusals (an empty month) go back there.
            if command == "submit" {
                let month = Self.month(form["month"])
                guard reply.status == 200 else {
                    if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                    return try await myMonthPage(request, visit, form: FormData(["month": [month]]),
                                                 errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "submit"))
                }
                return Response.redirect(to: "/my-month?month=\(month)&notice=month_submitted", type: .normal)
            }
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await workLogPage(request, visit, id: id, form: form,
                                             errors: FieldErrors.problem(reply.body, language: visit.language).placing(unplacedAt: "comment"))
            }
            return Response.redirect(to: "/worklogs/\(path)?notice=worklog_\(command)", type: .normal)
        })
    }

    /// Names of the people the caller may list (the school's overseers may; staff may not, and see ids as "—").
    func personNames(_ visit: Visit) async throws -> [String: String] {
        var names = [visit.person.personId.uuidString.lowercased(): visit.person.name]
        guard Self.staffKeepers.contains(visit.role.role) else { return names }
        let people = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=200")
        for person in people.status == 200 ? people.json["items"] as? [[String: Any]] ?? [] : [] {
            if let id = person["id"] as? String, let name = person["name"] as? String { names[id.lowercased()] = name }
        }
        return names
    }

    func workLogPage(_ request: Request, _ visit: Visit, id: UUID, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        let path = id.uuidString.lowercased()
        let reply = try await services.call(visit.principal, "GET", services.endpoints.timesheets + "/timesheets/worklogs/\(path)")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status == 401 ? 503 : reply.status) }
        let log = reply.json["workLog"] as? [String: Any] ?? [:]
        let names = try await personNames(visit)
        func name(_ id: Any?) -> String { names[(id as? String ?? "").lowercased()] ?? t("staff.unknown_person") }
        func provider(_ raw: Any?) -> String {
            (raw as? String).flatMap(ProviderType.init(rawValue:)).map { language == "en" ? $0.label.en : $0.label.lv } ?? t("entry.preparer_work")
        }
        let state = log["state"] as? String ?? ""
        let month = log["month"] as? String ?? ""
        let owner = (log["personId"] as? String ?? "").lowercased() == visit.person.personId.uuidString.lowercased()

        var page = layout(visit, title: t("record.title", ["person": name(log["personId"]), "month": month]), path: "/worklogs/\(path)",
                          notice: notice(request, language))
        page["id"] = path
        page["heading"] = t("record.title", ["person": name(log["personId"]), "month": month])
        page["state"] = t("worklog.state_\(state)")
        page["month"] = month
        page["hours"] = LatvianFormat.hours(log["totalMinutes"] as? Int ?? 0, language: language)
        if let confirmation = log["confirmation"] as? String { page["confirmation"] = t("worklog.confirmation_\(confirmation)") }
        let entries = (reply.json["entries"] as? [[String: Any]] ?? []).sorted { ($0["workDate"] as? String ?? "") < ($1["workDate"] as? String ?? "") }
        page["entries"] = entries.map { entry -> [String: Any] in
            ["date": LatvianFormat.date(entry["workDate"] as? String ?? "", language: language), "student": entry["studentCode"] as? String ?? "",
             "what": provider(entry["providerType"]), "minutes": entry["minutes"] as? Int ?? 0, "subject": entry["subject"] as? String ?? "",
             "remote": (entry["remote"] as? Bool).map { t($0 ? "entry.remotely" : "entry.in_person") } ?? "",
             "withdrawn": entry["withdrawn"] as? Bool ?? false,
             "byOther": (entry["recordedBy"] as? String)?.lowercased() != (log["personId"] as? String)?.lowercased()]
        }
        page["hasEntries"] = !entries.isEmpty
        page["totals"] = (reply.json["totals"] as? [[String: Any]] ?? []).map { total -> [String: Any] in
            ["student": total["studentCode"] as? String ?? "", "what": provider(total["providerType"]),
             "hours": LatvianFormat.hours(total["minutes"] as? Int ?? 0, language: language)]
        }
        page["hasTotals"] = !(page["totals"] as? [Any] ?? []).isEmpty
        page["weeklyWarnings"] = (reply.json["weeklyWarnings"] as? [[String: Any]] ?? []).map { warning -> String in
            t("month.week_of", ["date": LatvianFormat.date(warning["weekStart"] as? String ?? "", language: language)]) + " "
                + ((language == "en" ? warning["messageEn"] : warning["message"]) as? String ?? "")
        }
        page["hasWeeklyWarnings"] = !(page["weeklyWarnings"] as? [Any] ?? []).isEmpty
        let history = reply.json["history"] as? [[String: Any]] ?? []
        page["history"] = history.map { step -> [String: Any] in
            var row: [String: Any] = ["at": LatvianFormat.dateTime(step["at"] as? String ?? "", language: language),
                                      "what": t("record.command_\(step["command"] as? String ?? "")"),
                                      "to": t("worklog.state_\(step["to"] as? String ?? "")"), "role": t("role.\(step["role"] as? String ?? "")"),
                                      "comment": step["comment"] as? String ?? ""]
            // Staff may not list people: whoever they cannot name is shown by role alone.
            if let by = names[(step["by"] as? String ?? "").lowercased()] { row["by"] = by }
            return row
        }
        page["hasHistory"] = !history.isEmpty
        if state == "returned", let returned = history.last(where: { $0["command"] as? String == "return" }) {
            page["returnComment"] = returned["comment"] as? String ?? ""
        }
        if owner && (state == "open" || state == "returned") { page["fixLink"] = "/my-month?month=\(month)" }
        // Deciding is the institution coordinator's (the head's for a record the coordinator attested),
        // never on their own record (the service says so too).
        if Self.decidesWorkLog(visit.role.role, attested: log["confirmation"] as? String == "coordinator") && state == "submitted" && !owner {
            page["canDecide"] = true
            let comment = FieldView(path: "comment", label: t("record.comment"), hint: t("record.comment_hint"), value: form?["comment"] ?? "",
                                    control: .textarea)
            page["commentField"] = comment.context(errors, prefixes: prefixes(language))
            page.merge(ErrorSummary.context(errors, anchors: [comment.anchor])) { $1 }
        } else {
            page.merge(ErrorSummary.context(errors, anchors: [])) { $1 }
        }
        return renderer.response("worklog", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

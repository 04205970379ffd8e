import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules
import ServiceKit

/// The school's staff in the project (issue #19 items 5 and 6), for its coordinator and head:
/// the staff contracts (register one, end one), and a month's work records and services delivered
/// (hand in a record the coordinator made, approve or return one). Employment first: nobody
/// records hours without a contract here.
extension PortalApp {
    /// Whether `role` may approve or return a submitted record (timesheets decides; this only keeps
    /// a button off the page that would be refused): the coordinator, and the head for one the
    /// coordinator attested.
    public static func decidesWorkLog(_ role: String, attested: Bool) -> Bool {
        role == "institution_coordinator" || (role == "institution_head" && attested)
    }

    /// Who sees the page.
    static let staffKeepers: Set<String> = ["institution_coordinator", "institution_head"]

    func registerStaff(on router: Router<BasicRequestContext>) {
        router.get("staff", use: signedIn { request, _, visit in
            try await staffPage(request, visit, form: nil, errors: FieldErrors())
        })
        registerStaffEntries(on: router)
        router.post("staff/contracts", use: posted { request, _, visit, form in
            try await registerContract(request, visit, form)
        })
        router.post("staff/contracts/:contractId/end", use: posted { request, context, visit, form in
            guard let id = context.parameters.get("contractId").flatMap(UUID.init(uuidString:)) else {
                return serviceFailure(request, visit, 404)
            }
            var errors = FieldErrors()
            guard let lastDay = form["validUntil"].flatMap(CalendarDate.init(iso:)) else {
                errors.add("end-\(id.uuidString.lowercased())", renderer.text("staff.end_date_invalid", visit.language))
                return try await staffPage(request, visit, form: nil, errors: errors)
            }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.timesheets + "/timesheets/contracts/\(id.uuidString.lowercased())/end",
                                                json: Self.json(["validUntil": lastDay.iso, "reason": form["reason"] ?? ""]))
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await staffPage(request, visit, form: nil,
                                           errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "end-\(id.uuidString.lowercased())"))
            }
            return Response.redirect(to: "/staff?notice=contract_ended", type: .normal)
        })
        router.post("staff/worklogs/:workLogId/:command", use: posted { request, context, visit, form in
            guard let id = context.parameters.get("workLogId").flatMap(UUID.init(uuidString:)),
                  let command = context.parameters.get("command"), ["attest", "approve", "return"].contains(command) else {
                return serviceFailure(request, visit, 404)
            }
            let month = form["month"].flatMap { CalendarDate(iso: $0 + "-01") }.map { String($0.iso.prefix(7)) } ?? ""
            let body = command == "return" ? Self.json(["comment": form["comment"] ?? ""]) : "{}"
            let reply = try await services.call(visit.principal, "POST",
                                                services.endpoints.timesheets + "/timesheets/worklogs/\(id.uuidString.lowercased())/\(command)", json: body)
            guard reply.status == 200 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await staffPage(request, visit, form: FormData(["month": [month]]),
                                           errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "worklog-\(id.uuidString.lowercased())"))
            }
            return Response.redirect(to: "/staff?month=\(month)&notice=worklog_\(command)", type: .normal)
        })
    }

    func registerContract(_ request: Request, _ visit: Visit, _ form: FormData) async throws -> Response {
        var errors = FieldErrors()
        guard case .institution(let institution) = visit.principal.scope else { return serviceFailure(request, visit, 403) }
        guard let cents = form["rate"].flatMap(LatvianFormat.cents), cents > 0 else {
            errors.add("hourlyRateCents", renderer.text("staff.rate_invalid", visit.language))
            return try await staffPage(request, visit, form: form, errors: errors)
        }
        var terms: [String: Any] = ["personId": form["personId"] ?? "", "institutionId": institution.uuidString.lowercased(),
                                    "profession": form["profession"] ?? "", "hourlyRateCents": cents, "validFrom": form["validFrom"] ?? ""]
        if let until = form["validUntil"], !until.isEmpty { terms["validUntil"] = until }
        let reply = try await services.call(visit.principal, "POST", services.endpoints.timesheets + "/timesheets/contracts", json: Self.json(terms))
        guard reply.status == 201 else {
            if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
            return try await staffPage(request, visit, form: form, errors: FieldErrors.problem(reply.body, language: visit.language)
                .placing(unplacedAt: "personId"))
        }
        return Response.redirect(to: "/staff?notice=contract_saved", type: .normal)
    }

    func staffPage(_ request: Request, _ visit: Visit, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.staffKeepers.contains(visit.role.role) else {
            return message(request, "staff.title", "staff.not_for_role", status: .forbidden, language: language)
        }
        let people = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=200")
        let contracts = try await services.call(visit.principal, "GET", services.endpoints.timesheets + "/timesheets/contracts")
        guard people.status == 200, contracts.status == 200 else { return serviceFailure(request, visit, max(people.status, contracts.status)) }
        var names: [String: String] = [:]
        for person in people.json["items"] as? [[String: Any]] ?? [] {
            if let id = person["id"] as? String, let name = person["name"] as? String { names[id.lowercased()] = name }
        }
        func profession(_ raw: String) -> String {
            StaffRole(rawValue: raw).map { language == "en" ? $0.label.en : $0.label.lv } ?? raw
        }
        var page = layout(visit, title: t("staff.title"), path: "/staff", notice: notice(request, language))
        let p = prefixes(language)
        page["contracts"] = (contracts.json["items"] as? [[String: Any]] ?? []).map { contract -> [String: Any] in
            let id = (contract["id"] as? String ?? "").lowercased()
            var row: [String: Any] = [
                "id": id, "person": names[(contract["personId"] as? String ?? "").lowercased()] ?? t("staff.unknown_person"),
                "profession": profession(contract["profession"] as? String ?? ""),
                "rate": LatvianFormat.money(contract["hourlyRateCents"] as? Int ?? 0, language: language),
                "from": LatvianFormat.date(contract["validFrom"] as? String ?? "", language: language),
                "until": (contract["validUntil"] as? String).map { LatvianFormat.date($0, language: language) } ?? t("staff.open_ended"),
                "endFields": [FieldView(path: "end-\(id)", name: "validUntil", label: t("staff.end_date"), hint: t("date.hint"), value: "", control: .input(type: "text"))
                    .context(errors, prefixes: p),
                              FieldView(path: "end-\(id)-reason", name: "reason", label: t("staff.end_reason"), value: "").context(errors, prefixes: p)],
            ]
            row["open"] = contract["validUntil"] == nil
            return row
        }
        page["hasContracts"] = !(page["contracts"] as? [Any] ?? []).isEmpty
        let values = form ?? FormData()
        let personOptions = [("", t("risk.choose"))] + names.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        let professionOptions = [("", t("risk.choose"))] + StaffRole.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
        var fields = [
            FieldView(path: "personId", label: t("staff.person"), value: values["personId"] ?? "", control: .select(personOptions)),
            FieldView(path: "profession", label: t("staff.profession"), value: values["profession"] ?? "", control: .select(professionOptions)),
            FieldView(path: "hourlyRateCents", name: "rate", label: t("staff.rate"), hint: t("staff.rate_hint"), value: values["rate"] ?? ""),
            FieldView(path: "validFrom", label: t("staff.valid_from"), hint: t("date.hint"), value: values["validFrom"] ?? "", control: .input(type: "text")),
            FieldView(path: "validUntil", label: t("staff.valid_until"), hint: t("staff.valid_until_hint"), value: values["validUntil"] ?? "",
                      control: .input(type: "text")),
        ]
        fields[2].inputmode = "decimal"
        page["contractFields"] = fields.map { $0.context(errors, prefixes: p) }
        // The coordinator's form to write down a staff member's session (StaffEntryForm.swift).
        let entry = try await staffEntrySection(visit, contracts: contracts.json["items"] as? [[String: Any]] ?? [], names: names,
                                                form: form, errors: errors)
        page.merge(entry.context) { $1 }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor) + entry.anchors))) { $1 }

        // The month's work records and what was delivered (the coordinator's oversight).
        let month = (request.uri.queryParameters["month"].map(String.init) ?? form?["month"])
            .flatMap { CalendarDate(iso: $0 + "-01") }.map { String($0.iso.prefix(7)) }
            ?? Self.currentMonth()
        page["month"] = month
        let logs = try await services.call(visit.principal, "GET", services.endpoints.timesheets + "/timesheets/worklogs?month=\(month)&limit=200")
        page["worklogs"] = (logs.status == 200 ? logs.json["items"] as? [[String: Any]] ?? [] : []).map { log -> [String: Any] in
            let id = (log["id"] as? String ?? "").lowercased()
            let state = log["state"] as? String ?? ""
            var row: [String: Any] = ["id": id, "anchor": "worklog-\(id)", "person": names[(log["personId"] as? String ?? "").lowercased()] ?? t("staff.unknown_person"),
                                      "state": t("worklog.state_\(state)"), "hours": LatvianFormat.hours(log["totalMinutes"] as? Int ?? 0, language: language),
                                      "canAttest": visit.role.role == "institution_coordinator" && (state == "open" || state == "returned"),
                                      "canDecide": state == "submitted" && Self.decidesWorkLog(visit.role.role, attested: log["confirmation"] as? String == "coordinator")]
            if let confirmation = log["confirmation"] as? String { row["confirmation"] = t("worklog.confirmation_\(confirmation)") }
            if let messages = errors.messages(for: "worklog-\(id)").first { row["error"] = messages.message }
            return row
        }
        page["hasWorklogs"] = !(page["worklogs"] as? [Any] ?? []).isEmpty
        let deliveries = try await services.call(visit.principal, "GET", services.endpoints.timesheets + "/timesheets/deliveries?month=\(month)")
        page["deliveries"] = (deliveries.status == 200 ? deliveries.json["lines"] as? [[String: Any]] ?? [] : []).map { line -> [String: Any] in
            ["student": line["studentCode"] as? String ?? "",
             "provider": (line["providerType"] as? String).flatMap(ProviderType.init(rawValue:)).map { language == "en" ? $0.label.en : $0.label.lv }
                ?? t("staff.preparer_work"),
             "person": names[(line["personId"] as? String ?? "").lowercased()] ?? t("staff.unknown_person"),
             "sessions": line["sessions"] as? Int ?? 0, "hours": LatvianFormat.hours(line["minutes"] as? Int ?? 0, language: language),
             "remote": line["remoteSessions"] as? Int ?? 0, "byCoordinator": line["recordedByOthers"] as? Int ?? 0]
        }
        page["hasDeliveries"] = !(page["deliveries"] as? [Any] ?? []).isEmpty
        return renderer.response("staff", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// Today in UTC, `YYYY-MM-DD` (delegation windows are compared with it).
    static func today() -> String { CalendarDate.todayUTC()?.iso ?? "" }

    /// This month in UTC, `YYYY-MM`.
    static func currentMonth(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        return String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1)
    }
}

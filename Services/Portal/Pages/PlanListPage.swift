import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// "My plans": filters (semester, status, risk), a sortable table, paging.
extension PortalApp {
    static let pageSize = 20
    static let statuses = ["draft", "submitted", "returned", "approved", "rejected", "suspended", "closed"]

    /// Where a role starts when it has no plans to list: finance on its payouts, IKVD's administrator
    /// on the directory; nil for everyone else ("my plans").
    public static func startPage(for role: String) -> String? {
        if FinanceRules.keepers.contains(role) { return "/finance" }
        if directoryKeepers.contains(role) { return "/directory" }
        return nil
    }

    func planList(_ request: Request, _ visit: Visit) async throws -> Response {
        // Roles intake lists no plans for start on their own page (after sign-in, the brand link).
        if let start = Self.startPage(for: visit.role.role) { return Response.redirect(to: start, type: .found) }
        let language = visit.language
        let query = request.uri.queryParameters
        let semester = query["semester"].map(String.init).flatMap { SemesterRef(code: $0) != nil ? $0 : nil }
        let status = query["status"].map(String.init).flatMap { Self.statuses.contains($0) ? $0 : nil }
        let risk = query["risk"].map(String.init).flatMap { RiskCode(rawValue: $0) != nil ? $0 : nil }
        let sort = query["sort"].map(String.init).flatMap { ["student", "semester", "status", "updated"].contains($0) ? $0 : nil } ?? "updated"
        let page = max(1, Int(query["page"].map(String.init) ?? "1") ?? 1)
        var parameters = ["limit=\(Self.pageSize)", "offset=\((page - 1) * Self.pageSize)", "sort=\(sort)"]
        if let semester { parameters.append("semester=\(semester)") }
        if let status { parameters.append("status=\(status)") }
        if let risk { parameters.append("risk=\(risk)") }
        let reply = try await services.call(visit.principal, "GET", services.endpoints.intake + "/plans?" + parameters.joined(separator: "&"))
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let total = reply.json["total"] as? Int ?? 0
        // Intake sorts the whole list (not just this page) and pages it.
        let items = reply.json["items"] as? [[String: Any]] ?? []
        let rows: [[String: Any]] = items.map { item in
            let statusInfo = item["status"] as? [String: Any] ?? [:]
            return ["id": item["id"] as? String ?? "", "studentCode": item["studentCode"] as? String ?? "",
                    "semester": item["semester"] as? String ?? "", "statusCode": statusInfo["code"] as? String ?? "",
                    "statusLabel": (language == "en" ? statusInfo["labelEn"] : statusInfo["label"]) as? String ?? "",
                    "risks": (item["riskCodes"] as? [String] ?? []).joined(separator: ", "),
                    "updated": LatvianFormat.dateTime(item["updatedAt"] as? String ?? "", language: language)]
        }
        func link(sort: String? = nil, page: Int? = nil) -> String {
            var items: [String] = []
            if let semester { items.append("semester=\(semester)") }
            if let status { items.append("status=\(status)") }
            if let risk { items.append("risk=\(risk)") }
            items.append("sort=\(sort ?? sortValue)")
            if let page { items.append("page=\(page)") }
            return "/plans?" + items.joined(separator: "&")
        }
        let sortValue = sort
        let columns: [[String: Any]] = [("student", "plans.student"), ("semester", "plans.semester"), ("status", "plans.status"),
                                        (nil, "plans.risks"), ("updated", "plans.updated")].map { column, label in
            var entry: [String: Any] = ["label": renderer.text(label, language)]
            if let column {
                entry["href"] = link(sort: column)
                if column == sort { entry["sortedAria"] = ["updated", "semester"].contains(column) ? "descending" : "ascending" }
            }
            return entry
        }
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        var paging: [String: Any] = ["pageText": renderer.text("paging.page", language, ["page": "\(page)", "pages": "\(pages)"])]
        if page > 1 { paging["previous"] = link(page: page - 1) }
        if page < pages { paging["next"] = link(page: page + 1) }
        let errors = FieldErrors()
        let prefixes = (renderer.text("error.prefix", language), renderer.text("warning.prefix", language))
        let any = renderer.text("plans.any", language)
        let filterFields = [
            FieldView(path: "semester", label: renderer.text("plans.semester", language), hint: renderer.text("plans.semester_hint", language),
                      value: semester ?? ""),
            FieldView(path: "status", label: renderer.text("plans.status", language), value: status ?? "",
                      control: .select([("", any)] + Self.statuses.map { ($0, renderer.text("status.\($0)", language)) })),
            FieldView(path: "risk", label: renderer.text("plans.risk", language), value: risk ?? "",
                      control: .select([("", any)] + RiskCode.allCases.map { ($0.rawValue, "\($0.rawValue) \(language == "en" ? $0.label.en : $0.label.lv)") })),
        ].map { $0.context(errors, prefixes: prefixes) }
        var page2 = layout(visit, title: renderer.text("plans.title", language), path: request.uri.description,
                           notice: notice(request, language))
        page2["rows"] = rows
        page2["hasRows"] = !rows.isEmpty
        page2["columns"] = columns
        page2["paging"] = paging
        page2["filterFields"] = filterFields
        page2["countText"] = renderer.text("plans.count", language, ["total": "\(total)"])
        page2["canCreate"] = ["preparer", "institution_head"].contains(visit.role.role)
        return renderer.response("plans", page2, language: language)
    }

    /// The service said no or is down: a page in the person's words, never the JSON.
    /// Whether a service's answer to a form is not a refusal the person can act on (the service
    /// failed, or the person's session no longer stands): the failure page, not the form again.
    static func serviceBroke(_ status: Int) -> Bool { status >= 500 || status == 401 }

    func serviceFailure(_ request: Request, _ visit: Visit, _ status: Int) -> Response {
        switch status {
        case 403: return refusal(visit, "forbidden.title", "forbidden.text", status: .forbidden)
        case 404: return refusal(visit, "notfound.title", "notfound.text", status: .notFound)
        default: return message(request, "unavailable.title", "unavailable.text", status: .serviceUnavailable, language: visit.language)
        }
    }

    /// A polite "not for you" inside the signed-in layout (an email's link may reach someone who
    /// has no right, or the right in another of their roles): what happened, the role they act in
    /// now, and the way back; never the service's error.
    func refusal(_ visit: Visit, _ title: String, _ text: String, status: HTTPResponse.Status) -> Response {
        let language = visit.language
        var page = layout(visit, title: renderer.text(title, language), path: "/")
        page["heading"] = renderer.text(title, language)
        page["text"] = renderer.text(text, language)
        let role = renderer.text("role.\(visit.role.role)", language)
        page["roleNote"] = renderer.text(visit.person.roles.count > 1 ? "refusal.other_role" : "refusal.one_role", language,
                                         ["role": visit.role.placeName.map { "\(role), \($0)" } ?? role])
        page["action"] = true
        page["actionId"] = "go-home"
        page["actionHref"] = Self.startPage(for: visit.role.role) ?? "/plans"
        page["actionLabel"] = renderer.text("refusal.home", language)
        return renderer.response("message", page, language: language, status: status)
    }
}

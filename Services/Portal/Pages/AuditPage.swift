import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The audit log (issue #20), for IKVD's administrator: who read or changed what, in every
/// service, newest first. Each service keeps and serves its own rows (`GET /audit`, the shared
/// `AuditLog` with its person, plan and date filters); the page asks them all with the same
/// filters and merges the answers by time. A service that does not answer is named, the rest shown.
extension PortalApp {
    static let auditKeepers: Set<String> = ["ikvd_admin"]
    static let auditPageSize = 50
    /// How deep the merged list can be paged (each service is read from its newest row).
    static let auditDepth = 1_000

    func registerAudit(on router: Router<BasicRequestContext>) {
        router.get("audit", use: signedIn { request, _, visit in try await auditPage(request, visit) })
    }

    var auditServices: [(name: String, url: String)] {
        var list = [("intake", services.endpoints.intake), ("approval", services.endpoints.approval),
                    ("timesheets", services.endpoints.timesheets), ("payouts", services.endpoints.payouts)]
        if let reporting = services.endpoints.reporting { list.append(("reporting", reporting)) }
        return list
    }

    func auditPage(_ request: Request, _ visit: Visit) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.auditKeepers.contains(visit.role.role) else {
            return message(request, "audit.title", "audit.not_for_role", status: .forbidden, language: language)
        }
        let query = request.uri.queryParameters
        func value(_ key: String) -> String { query[Substring(key)].map { String($0).trimmingCharacters(in: .whitespaces) } ?? "" }
        let (person, plan, from, to) = (value("person"), value("planId"), value("from"), value("to"))
        var errors = FieldErrors()
        if !person.isEmpty, UUID(uuidString: person) == nil { errors.add("person", t("audit.person_invalid")) }
        if !plan.isEmpty, UUID(uuidString: plan) == nil { errors.add("planId", t("audit.plan_invalid")) }
        if !from.isEmpty, CalendarDate(iso: from) == nil { errors.add("from", t("audit.date_invalid")) }
        if !to.isEmpty, CalendarDate(iso: to) == nil { errors.add("to", t("audit.date_invalid")) }
        if let start = CalendarDate(iso: from), let end = CalendarDate(iso: to), end < start { errors.add("to", t("audit.range_invalid")) }
        let offset = min(DirectoryRules.offset(value("offset")), Self.auditDepth)

        // Names for the actors and the person filter (the administrator sees the whole directory).
        let people = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=200")
        guard people.status == 200 else { return serviceFailure(request, visit, people.status) }
        var names: [String: String] = [:]
        for item in people.json["items"] as? [[String: Any]] ?? [] {
            names[(item["id"] as? String ?? "").lowercased()] = item["name"] as? String ?? ""
        }

        var filter: [String] = []
        if !person.isEmpty { filter.append("person=\(person.lowercased())") }
        if !plan.isEmpty { filter.append("planId=\(plan.lowercased())") }
        if !from.isEmpty { filter.append("from=\(from)") }
        if !to.isEmpty { filter.append("to=\(to)") }
        var lists: [[DirectoryRules.AuditRow]] = []
        var silent: [String] = []
        var total = 0
        if !errors.hasErrors {
            for service in auditServices {
                do {
                    let (rows, count) = try await auditRows(visit, service: service, filter: filter, wanted: offset + Self.auditPageSize)
                    lists.append(rows)
                    total += count
                } catch {
                    silent.append(t("audit.service_\(service.name)"))
                }
            }
        }
        let shown = DirectoryRules.merge(lists, offset: offset, limit: Self.auditPageSize)

        var page = layout(visit, title: t("audit.title"), path: "/audit")
        page["rows"] = shown.map { row -> [String: Any] in
            let actor = row.fields["actor"] ?? ""
            var context: [String: Any] = [
                "at": LatvianFormat.dateTime(row.at, language: language), "person": names[actor] ?? actor,
                "role": t("role.\(row.fields["role"] ?? "")"), "action": row.fields["action"] ?? "", "subject": row.fields["subject"] ?? "",
                "service": t("audit.service_\(row.service)"),
            ]
            if let planId = row.fields["planId"] { context["planId"] = planId }
            return context
        }
        page["hasRows"] = !shown.isEmpty
        if !silent.isEmpty { page["silent"] = silent.joined(separator: ", ") }   // (an empty string still opens a section)
        var links = DirectoryRules.paging(offset: offset, limit: Self.auditPageSize, total: min(total, Self.auditDepth + Self.auditPageSize))
        if errors.hasErrors { links = (nil, nil) }
        let base = "/audit?" + (filter.isEmpty ? "" : filter.joined(separator: "&") + "&")
        page["total"] = total
        page["from"] = shown.isEmpty ? 0 : offset + 1
        page["to"] = offset + shown.count
        if let previous = links.previous { page["previousHref"] = base + "offset=\(previous)" }
        if let next = links.next { page["nextHref"] = base + "offset=\(next)" }
        let personOptions = [("", t("audit.anyone"))] + names.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        let fields = [
            FieldView(path: "person", label: t("audit.person"), value: person.lowercased(), control: .select(personOptions)),
            FieldView(path: "planId", label: t("audit.plan"), hint: t("audit.plan_hint"), value: plan),
            FieldView(path: "from", label: t("audit.from"), hint: t("date.hint"), value: from),
            FieldView(path: "to", label: t("audit.to"), hint: t("date.hint"), value: to),
        ]
        page["filterFields"] = fields.map { $0.context(errors, prefixes: prefixes(language)) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        return renderer.response("audit", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// The newest `wanted` rows of one service (read 200 at a time) and its total; throws when the
    /// service does not answer as expected.
    func auditRows(_ visit: Visit, service: (name: String, url: String), filter: [String], wanted: Int) async throws -> ([DirectoryRules.AuditRow], Int) {
        var rows: [DirectoryRules.AuditRow] = []
        var total = 0
        repeat {
            let limit = min(200, wanted - rows.count)
            let query = (filter + ["limit=\(limit)", "offset=\(rows.count)"]).joined(separator: "&")
            let reply = try await services.call(visit.principal, "GET", service.url + "/audit?" + query)
            guard reply.status == 200 else { throw HTTPError(.badGateway) }
            total = reply.json["total"] as? Int ?? 0
            let items = reply.json["items"] as? [[String: Any]] ?? []
            rows += items.map { item in
                var fields: [String: String] = [:]
                for key in ["actor", "role", "action", "subject", "planId"] {
                    if let text = item[key] as? String { fields[key] = key == "actor" || key == "planId" ? text.lowercased() : text }
                }
                return DirectoryRules.AuditRow(service: service.name, id: item["id"] as? Int ?? 0, at: item["at"] as? String ?? "", fields: fields)
            }
            if items.isEmpty { break }
        } while rows.count < min(wanted, total)
        return (rows, total)
    }
}

import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// IKVD's directory (issue #20), for its administrator: everyone registered (paged), a person's
/// page with every role they ever held (who gave it when, who took it back when), giving any role
/// the administrator may give, taking one back, and linking a sign-in subject to a person
/// registered before (the subject may be a personal code: it is sent once and never shown).
extension PortalApp {
    static let directoryKeepers: Set<String> = ["ikvd_admin"]
    static let directoryPageSize = 50

    func registerDirectory(on router: Router<BasicRequestContext>) {
        router.get("directory", use: signedIn { request, _, visit in try await directoryPeople(request, visit, form: nil, errors: FieldErrors()) })
        router.post("directory/people", use: posted { request, _, visit, form in
            guard Self.directoryKeepers.contains(visit.role.role) else { return serviceFailure(request, visit, 403) }
            var input: [String: Any] = ["name": form["name"] ?? "", "email": form["email"] ?? "", "language": form["language"] == "en" ? "en" : "lv"]
            if let subject = form["signInSubject"], !subject.isEmpty { input["signInSubject"] = subject }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/directory/people", json: Self.json(input))
            guard reply.status == 201, let id = reply.json["id"] as? String else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await directoryPeople(request, visit, form: form, errors: FieldErrors.problem(reply.body, language: visit.language)
                    .placing(unplacedAt: "email"))
            }
            return Response.redirect(to: "/directory/people/\(id.lowercased())?notice=person_added", type: .normal)
        })
        router.get("directory/people/:personId", use: signedIn { request, context, visit in
            try await directoryPerson(request, visit, id: try directoryPersonId(context), form: nil, errors: FieldErrors())
        })
        router.post("directory/people/:personId/assignments", use: posted { request, context, visit, form in
            let id = try directoryPersonId(context)
            guard let scope = DirectoryRules.scope(form["scope"] ?? "") else {
                var errors = FieldErrors()
                errors.add("scope", renderer.text("directory.scope_required", visit.language))
                return try await directoryPerson(request, visit, id: id, form: form, errors: errors)
            }
            let reply = try await assignRole(visit, person: id, role: form["role"] ?? "", scope: scope)
            guard reply.status == 201 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                var errors = FieldErrors()
                // The service names `role`, `scope.id`, `scope.region` or `personId`: beside the role or the place.
                for entry in FieldErrors.problem(reply.body, language: visit.language).entries {
                    errors.add(entry.anchor.hasPrefix("scope") ? "scope" : "role", entry.message, severity: entry.severity)
                }
                return try await directoryPerson(request, visit, id: id, form: form, errors: errors)
            }
            return Response.redirect(to: "/directory/people/\(id)?notice=role_assigned", type: .normal)
        })
        router.post("directory/people/:personId/sign-in-subject", use: posted { request, context, visit, form in
            let id = try directoryPersonId(context)
            let reply = try await services.call(visit.principal, "PUT", services.endpoints.intake + "/directory/people/\(id)/sign-in-subject",
                                                json: Self.json(["subject": form["subject"] ?? ""]))
            guard reply.status == 204 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await directoryPerson(request, visit, id: id, form: nil,
                                                 errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: "subject"))
            }
            return Response.redirect(to: "/directory/people/\(id)?notice=subject_linked", type: .normal)
        })
        router.get("directory/people/:personId/revoke/:assignmentId", use: signedIn { request, context, visit in
            let id = try directoryPersonId(context)
            let assignment = (context.parameters.get("assignmentId").flatMap(UUID.init(uuidString:))?.uuidString ?? "").lowercased()
            guard Self.directoryKeepers.contains(visit.role.role) else { return serviceFailure(request, visit, 403) }
            let history = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people/\(id)/assignments")
            guard history.status == 200 else { return serviceFailure(request, visit, history.status) }
            guard let item = (history.json["items"] as? [[String: Any]] ?? []).first(where: {
                ($0["id"] as? String)?.lowercased() == assignment && $0["revokedAt"] as? String == nil
            }) else { return serviceFailure(request, visit, 404) }
            return revokeConfirmation(visit, assignmentId: assignment, personName: (history.json["person"] as? [String: Any])?["name"] as? String ?? "",
                                      role: item["role"] as? String ?? "", place: scopeLabel(item, visit.language),
                                      action: "/directory/people/\(id)/revoke/\(assignment)", back: "/directory/people/\(id)")
        })
        router.post("directory/people/:personId/revoke/:assignmentId", use: posted { request, context, visit, _ in
            let id = try directoryPersonId(context)
            guard let assignment = context.parameters.get("assignmentId").flatMap(UUID.init(uuidString:)) else { return serviceFailure(request, visit, 404) }
            return try await revokeRole(request, visit, id: assignment, then: "/directory/people/\(id)")
        })
        registerDirectoryPlaces(on: router)
    }

    func directoryPersonId(_ context: BasicRequestContext) throws -> String {
        guard let text = context.parameters.get("personId"), let id = UUID(uuidString: text) else { throw HTTPError(.notFound) }
        return id.uuidString.lowercased()
    }

    /// "Latgale", "Ludzas novads", "Valsts" — where a role holds.
    func scopeLabel(_ assignment: [String: Any], _ language: String) -> String {
        let scope = assignment["scope"] as? [String: Any] ?? [:]
        switch scope["kind"] as? String {
        case "national": return renderer.text("directory.national", language)
        case "region": return scope["region"] as? String ?? ""
        default: return assignment["scopeName"] as? String ?? (scope["id"] as? String ?? "")
        }
    }

    func directoryPeople(_ request: Request, _ visit: Visit, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.directoryKeepers.contains(visit.role.role) else {
            return message(request, "directory.title", "directory.not_for_role", status: .forbidden, language: language)
        }
        let offset = DirectoryRules.offset(request.uri.queryParameters["offset"].map(String.init))
        let list = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=\(Self.directoryPageSize)&offset=\(offset)")
        guard list.status == 200 else { return serviceFailure(request, visit, list.status) }
        var page = layout(visit, title: t("directory.title"), path: "/directory", notice: notice(request, language))
        page["people"] = (list.json["items"] as? [[String: Any]] ?? []).map { person -> [String: Any] in
            ["id": (person["id"] as? String ?? "").lowercased(), "name": person["name"] as? String ?? "", "email": person["email"] as? String ?? "",
             "roles": (person["assignments"] as? [[String: Any]] ?? []).map { t("role.\($0["role"] as? String ?? "")") }.joined(separator: ", ")]
        }
        page.merge(pagingContext(list, offset: offset, size: Self.directoryPageSize, base: "/directory")) { $1 }
        let values = form ?? FormData()
        var subject = FieldView(path: "signInSubject", label: t("people.sign_in_subject"), hint: t("people.sign_in_subject_hint"))
        subject.autocompleteOff = true
        let fields = [
            FieldView(path: "name", label: t("people.name"), value: values["name"] ?? ""),
            FieldView(path: "email", label: t("people.email"), value: values["email"] ?? "", control: .input(type: "email")),
            subject,
            FieldView(path: "language", label: t("people.language"), value: values["language"] ?? "lv", control: .select([("lv", "latviešu"), ("en", "English")])),
        ]
        page["personFields"] = fields.map { $0.context(errors, prefixes: prefixes(language)) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        return renderer.response("directory", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// Total, shown range and previous/next links of a `Page` answer.
    func pagingContext(_ reply: PlatformHTTP.Reply, offset: Int, size: Int, base: String) -> [String: Any] {
        let total = reply.json["total"] as? Int ?? 0
        let links = DirectoryRules.paging(offset: offset, limit: size, total: total)
        var context: [String: Any] = ["total": total, "from": total == 0 ? 0 : offset + 1,
                                      "to": offset + (reply.json["items"] as? [Any] ?? []).count]
        if let previous = links.previous { context["previousHref"] = "\(base)?offset=\(previous)" }
        if let next = links.next { context["nextHref"] = "\(base)?offset=\(next)" }
        return context
    }

    func directoryPerson(_ request: Request, _ visit: Visit, id: String, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.directoryKeepers.contains(visit.role.role) else {
            return message(request, "directory.title", "directory.not_for_role", status: .forbidden, language: language)
        }
        let history = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people/\(id)/assignments")
        guard history.status == 200 else { return serviceFailure(request, visit, history.status) }
        let person = history.json["person"] as? [String: Any] ?? [:]
        let name = person["name"] as? String ?? ""
        var page = layout(visit, title: name, path: "/directory/people/\(id)", notice: notice(request, language))
        page["id"] = id
        page["personId"] = id
        page["name"] = name
        page["email"] = person["email"] as? String ?? ""
        page["assignments"] = (history.json["items"] as? [[String: Any]] ?? []).map { item -> [String: Any] in
            var row: [String: Any] = [
                "id": (item["id"] as? String ?? "").lowercased(), "role": t("role.\(item["role"] as? String ?? "")"),
                "place": scopeLabel(item, language),
                "assigned": LatvianFormat.dateTime(item["assignedAt"] as? String ?? "", language: language),
                "assignedBy": item["assignedByName"] as? String ?? t("directory.system"),
            ]
            if let revokedAt = item["revokedAt"] as? String {
                row["revoked"] = LatvianFormat.dateTime(revokedAt, language: language)
                row["revokedBy"] = item["revokedByName"] as? String ?? t("directory.system")
            } else {
                row["active"] = true
            }
            return row
        }
        page["hasAssignments"] = !(page["assignments"] as? [Any] ?? []).isEmpty
        // Where a role may hold: the whole country, a region, a municipality, an institution.
        let municipalities = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/municipalities?limit=200")
        let institutions = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/institutions?limit=200")
        var places: [(String, String)] = [("", t("risk.choose")), ("national", t("directory.national"))]
        places += PlanningRegion.ordered.map { ("region:\($0)", "\(t("directory.region")): \($0)") }
        places += (municipalities.json["items"] as? [[String: Any]] ?? []).map {
            ("municipality:\(($0["id"] as? String ?? "").lowercased())", "\(t("directory.municipality")): \($0["name"] as? String ?? "")")
        }
        places += (institutions.json["items"] as? [[String: Any]] ?? []).map {
            ("institution:\(($0["id"] as? String ?? "").lowercased())", "\(t("directory.institution")): \($0["name"] as? String ?? "")")
        }
        let values = form ?? FormData()
        let roleOptions = [("", t("risk.choose"))] + DirectoryRules.adminAssignable.map { ($0, t("role.\($0)")) }
        let assignFields = [
            FieldView(path: "role", label: t("directory.role"), value: values["role"] ?? "", control: .select(roleOptions)),
            FieldView(path: "scope", label: t("directory.scope"), hint: t("directory.scope_hint"), value: values["scope"] ?? "", control: .select(places)),
        ]
        var subject = FieldView(path: "subject", label: t("people.sign_in_subject"), hint: t("directory.subject_hint"))
        subject.autocompleteOff = true
        page["assignFields"] = assignFields.map { $0.context(errors, prefixes: prefixes(language)) }
        page["subjectFields"] = [subject.context(errors, prefixes: prefixes(language))]
        page.merge(ErrorSummary.context(errors, anchors: Set(assignFields.map(\.anchor) + [subject.anchor]))) { $1 }
        return renderer.response("directory-person", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

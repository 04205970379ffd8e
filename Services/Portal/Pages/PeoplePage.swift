import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

/// The school's people (issue #20), for its head: who works in the project and in which role; add
/// a person (with their first role), give someone another role, take one back after a page that
/// says what will happen. The directory decides who may give what (`AssignmentPolicy`); a revoked
/// role stops working at the person's next click, because the portal asks the directory on each.
extension PortalApp {
    static let peopleKeepers: Set<String> = ["institution_head"]
    static let peoplePageSize = 50

    func registerPeople(on router: Router<BasicRequestContext>) {
        router.get("people", use: signedIn { request, _, visit in
            try await peoplePage(request, visit, form: nil, errors: FieldErrors())
        })
        router.post("people", use: posted { request, _, visit, form in try await addPerson(request, visit, form) })
        router.post("people/:personId/assignments", use: posted { request, context, visit, form in
            guard Self.peopleKeepers.contains(visit.role.role), case .institution(let school) = visit.principal.scope,
                  let person = context.parameters.get("personId").flatMap(UUID.init(uuidString:)) else { return serviceFailure(request, visit, 403) }
            let anchor = "assign-\(person.uuidString.lowercased())"
            let reply = try await assignRole(visit, person: person.uuidString.lowercased(), role: form["role"] ?? "",
                                             scope: ["kind": "institution", "id": school.uuidString.lowercased()])
            guard reply.status == 201 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                return try await peoplePage(request, visit, form: nil, errors: FieldErrors.problem(reply.body, language: visit.language).placing(allAt: anchor))
            }
            return Response.redirect(to: "/people?notice=role_assigned", type: .normal)
        })
        router.get("people/revoke/:assignmentId", use: signedIn { request, context, visit in
            guard Self.peopleKeepers.contains(visit.role.role) else { return serviceFailure(request, visit, 403) }
            let id = (context.parameters.get("assignmentId").flatMap(UUID.init(uuidString:))?.uuidString ?? "").lowercased()
            let people = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=200")
            guard people.status == 200 else { return serviceFailure(request, visit, people.status) }
            for person in people.json["items"] as? [[String: Any]] ?? [] {
                for assignment in person["assignments"] as? [[String: Any]] ?? [] where (assignment["id"] as? String)?.lowercased() == id {
                    return revokeConfirmation(visit, assignmentId: id, personName: person["name"] as? String ?? "",
                                              role: assignment["role"] as? String ?? "", place: visit.role.placeName ?? "",
                                              action: "/people/revoke/\(id)", back: "/people")
                }
            }
            return serviceFailure(request, visit, 404)
        })
        router.post("people/revoke/:assignmentId", use: posted { request, context, visit, _ in
            guard let id = context.parameters.get("assignmentId").flatMap(UUID.init(uuidString:)) else { return serviceFailure(request, visit, 404) }
            return try await revokeRole(request, visit, id: id, then: "/people")
        })
    }

    /// Adds a person and gives them their first role in the school: both or, when the role is
    /// refused, the person stays registered and the refusal is shown beside the role (sending the
    /// form again links the same email, it does not make a second person).
    func addPerson(_ request: Request, _ visit: Visit, _ form: FormData) async throws -> Response {
        guard Self.peopleKeepers.contains(visit.role.role), case .institution(let school) = visit.principal.scope else {
            return serviceFailure(request, visit, 403)
        }
        let role = form["role"] ?? ""
        guard DirectoryRules.headAssignable.contains(role) else {
            var errors = FieldErrors()
            errors.add("role", renderer.text("people.role_required", visit.language))
            return try await peoplePage(request, visit, form: form, errors: errors)
        }
        var input: [String: Any] = ["name": form["name"] ?? "", "email": form["email"] ?? "", "language": form["language"] == "en" ? "en" : "lv"]
        if let subject = form["signInSubject"], !subject.isEmpty { input["signInSubject"] = subject }
        let created = try await services.call(visit.principal, "POST", services.endpoints.intake + "/directory/people", json: Self.json(input))
        guard created.status == 201, let personId = created.json["id"] as? String else {
            if Self.serviceBroke(created.status) { return serviceFailure(request, visit, created.status) }
            return try await peoplePage(request, visit, form: form, errors: FieldErrors.problem(created.body, language: visit.language).placing(unplacedAt: "email"))
        }
        let assigned = try await assignRole(visit, person: personId.lowercased(), role: role, scope: ["kind": "institution", "id": school.uuidString.lowercased()])
        guard assigned.status == 201 else {
            if Self.serviceBroke(assigned.status) { return serviceFailure(request, visit, assigned.status) }
            return try await peoplePage(request, visit, form: form, errors: FieldErrors.problem(assigned.body, language: visit.language).placing(allAt: "role"))
        }
        return Response.redirect(to: "/people?notice=person_added", type: .normal)
    }

    func assignRole(_ visit: Visit, person: String, role: String, scope: [String: String]) async throws -> PlatformHTTP.Reply {
        try await services.call(visit.principal, "POST", services.endpoints.intake + "/directory/assignments",
                                json: Self.json(["personId": person, "role": role, "scope": scope]))
    }

    func revokeRole(_ request: Request, _ visit: Visit, id: UUID, then back: String) async throws -> Response {
        let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/directory/assignments/\(id.uuidString.lowercased())/revoke",
                                            json: "{}", idempotencyKey: "portal-revoke-\(visit.session.id)-\(id.uuidString.lowercased())")
        // Already revoked (someone was quicker): the person's roles are as wanted; say so on the list.
        guard reply.status == 200 || reply.status == 409 else { return serviceFailure(request, visit, reply.status) }
        return Response.redirect(to: "\(back)\(back.contains("?") ? "&" : "?")notice=role_revoked", type: .normal)
    }

    /// The page before a role is taken back: whose, which, and what happens then.
    func revokeConfirmation(_ visit: Visit, assignmentId: String, personName: String, role: String, place: String,
                            action: String, back: String) -> Response {
        let language = visit.language
        var page = layout(visit, title: renderer.text("revoke.title", language), path: back)
        page["personName"] = personName
        page["roleLabel"] = renderer.text("role.\(role)", language)
        page["place"] = place
        page["action"] = action
        page["back"] = back
        page["assignmentId"] = assignmentId
        return renderer.response("revoke", page, language: language)
    }

    func peoplePage(_ request: Request, _ visit: Visit, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.peopleKeepers.contains(visit.role.role) else {
            return message(request, "people.title", "people.not_for_role", status: .forbidden, language: language)
        }
        let offset = DirectoryRules.offset(request.uri.queryParameters["offset"].map(String.init))
        let list = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/people?limit=\(Self.peoplePageSize)&offset=\(offset)")
        guard list.status == 200 else { return serviceFailure(request, visit, list.status) }
        var page = layout(visit, title: t("people.title"), path: "/people", notice: notice(request, language))
        let p = prefixes(language)
        let roleOptions = [("", t("risk.choose"))] + DirectoryRules.headAssignable.map { ($0, t("role.\($0)")) }
        page["place"] = visit.role.placeName ?? ""
        page["people"] = (list.json["items"] as? [[String: Any]] ?? []).map { person -> [String: Any] in
            let id = (person["id"] as? String ?? "").lowercased()
            let roles = (person["assignments"] as? [[String: Any]] ?? []).map { assignment -> [String: Any] in
                let role = assignment["role"] as? String ?? ""
                var row: [String: Any] = ["id": (assignment["id"] as? String ?? "").lowercased(), "label": t("role.\(role)")]
                row["revocable"] = DirectoryRules.headAssignable.contains(role) && id != visit.person.personId.uuidString.lowercased()
                return row
            }
            return ["id": id, "name": person["name"] as? String ?? "", "email": person["email"] as? String ?? "", "roles": roles,
                    "assignField": FieldView(path: "assign-\(id)", name: "role", label: t("people.assign_role"), control: .select(roleOptions))
                        .context(errors, prefixes: p)]
        }
        let total = list.json["total"] as? Int ?? 0
        let paging = DirectoryRules.paging(offset: offset, limit: Self.peoplePageSize, total: total)
        page["total"] = total
        if let previous = paging.previous { page["previousHref"] = "/people?offset=\(previous)" }
        if let next = paging.next { page["nextHref"] = "/people?offset=\(next)" }
        let values = form ?? FormData()
        var subject = FieldView(path: "signInSubject", label: t("people.sign_in_subject"), hint: t("people.sign_in_subject_hint"))
        subject.autocompleteOff = true   // may be a personal code: never put back into the page
        let fields = [
            FieldView(path: "name", label: t("people.name"), value: values["name"] ?? ""),
            FieldView(path: "email", label: t("people.email"), value: values["email"] ?? "", control: .input(type: "email")),
            subject,
            FieldView(path: "language", label: t("people.language"), value: values["language"] ?? "lv",
                      control: .select([("lv", "latviešu"), ("en", "English")])),
            FieldView(path: "role", label: t("people.first_role"), value: values["role"] ?? "", control: .select(roleOptions)),
        ]
        page["personFields"] = fields.map { $0.context(errors, prefixes: p) }
        let rowAnchors = (page["people"] as? [[String: Any]] ?? []).map { "assign-\($0["id"] as? String ?? "")" }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor) + rowAnchors))) { $1 }
        return renderer.response("people", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The preparer's path: a new plan, the plan's page, and the actions on it.
extension PortalApp {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    /// A page for a signed-in person (others get the landing page or the session-ended page).
    func signedIn(_ handler: @escaping @Sendable (Request, BasicRequestContext, Visit) async throws -> Response) -> Handler {
        { request, context in
            switch try await visitOrRedirect(request) {
            case .success(let visit): try await handler(request, context, visit)
            case .failure(let response): response
            }
        }
    }

    /// A state-changing form: its form token and origin are checked before anything else.
    func posted(_ handler: @escaping @Sendable (Request, BasicRequestContext, Visit, FormData) async throws -> Response) -> Handler {
        signedIn { request, context, visit in
            let form = try await formData(request)
            guard crossSiteAllowed(request, form["form_token"], visit.session) else { return refused(request, language: visit.language) }
            return try await handler(request, context, visit, form)
        }
    }

    func registerPlans(on router: Router<BasicRequestContext>) {
        router.get("plans", use: signedIn { request, _, visit in try await planList(request, visit) })
        router.get("plans/new", use: signedIn { request, _, visit in newPlanPage(request, visit, form: FormData(), errors: FieldErrors()) })
        router.post("plans/new", use: posted { request, _, visit, form in try await createPlan(request, visit, form) })
        router.get("plans/:planId", use: signedIn { request, context, visit in
            try await planPage(request, visit, id: try planId(context), errors: FieldErrors())
        })
        router.get("plans/:planId/edit", use: signedIn { request, context, visit in
            try await editPage(request, visit, id: try planId(context), form: nil, errors: FieldErrors())
        })
        router.post("plans/:planId/edit", use: posted { request, context, visit, form in
            try await savePlan(request, visit, id: try planId(context), form: form)
        })
        router.post("plans/:planId/check", use: posted { request, context, visit, _ in
            let id = try planId(context)
            let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/plans/\(id)/check", json: "{}")
            guard reply.status == 200 else { return try await planPage(request, visit, id: id, errors: FieldErrors.problem(reply.body, language: visit.language)) }
            let findings = reply.json["findings"] as? [[String: Any]] ?? []
            if findings.isEmpty { return Response.redirect(to: "/plans/\(id)?notice=checked", type: .normal) }
            return try await editPage(request, visit, id: id, form: nil, errors: FieldErrors.findings(findings, language: visit.language))
        })
        router.post("plans/:planId/submit", use: posted { request, context, visit, _ in
            let id = try planId(context)
            let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/plans/\(id)/submit", json: "{}",
                                                idempotencyKey: "portal-submit-\(visit.session.id)-\(id)-\(UUID())")
            guard reply.status == 202 else {
                // Refused findings go beside the fields they concern, on the edit form.
                let errors = FieldErrors.problem(reply.body, language: visit.language)
                return try await editPage(request, visit, id: id, form: nil, errors: errors)
            }
            return Response.redirect(to: "/plans/\(id)/submitted", type: .normal)
        })
        // The confirmation after submitting: what happens next, and who is told.
        router.get("plans/:planId/submitted", use: signedIn { request, context, visit in
            let id = try planId(context)
            let language = visit.language
            let reply = try await services.call(visit.principal, "GET", services.endpoints.intake + "/plans/\(id)")
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
            // A state vocational institution (VPII) has no municipality step (its institution has no municipality).
            let institution = try? await services.call(visit.principal, "GET", services.endpoints.intake
                + "/directory/institutions/\(reply.json["institutionId"] as? String ?? "")")
            let municipal = institution.map { $0.status != 200 || $0.json["municipalityId"] is String } ?? true
            var steps = [renderer.text("confirm.step_head", language)]
            if municipal { steps.append(renderer.text("confirm.step_municipality", language)) }
            steps.append(renderer.text("confirm.step_ikvd", language))
            var page = layout(visit, title: renderer.text("confirm.title", language), path: "/plans/\(id)/submitted")
            page["heading"] = renderer.text("confirm.title", language)
            page["id"] = id
            page["studentCode"] = reply.json["studentCode"] as? String ?? ""
            page["steps"] = steps
            return renderer.response("confirmation", page, language: language)
        })
        // A document opens through the portal as the person (intake checks the scope and audits the read).
        router.get("plans/:planId/documents/:documentId", use: signedIn { request, context, visit in
            let id = try planId(context)
            guard let text = context.parameters.get("documentId"), let document = UUID(uuidString: text) else { throw HTTPError(.notFound) }
            let reply = try await services.call(visit.principal, "GET",
                                                services.endpoints.intake + "/plans/\(id)/documents/\(document.uuidString.lowercased())")
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
            let allowed = ["application/pdf", "image/png", "image/jpeg"]
            let type = reply.headers["content-type"].flatMap { allowed.contains($0) ? $0 : nil } ?? "application/octet-stream"
            let disposition = reply.headers["content-disposition"] ?? "attachment"
            return Response(status: .ok, headers: [.contentType: type, .contentDisposition: disposition],
                            body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        })
        router.post("plans/:planId/documents", use: signedIn { request, context, visit in
            try await upload(request, visit, id: try planId(context))
        })
        router.post("plans/:planId/consent", use: posted { request, context, visit, form in
            let id = try planId(context)
            var body: [String: Any] = ["signer": form["signer"] ?? "", "signedOn": form["signedOn"] ?? ""]
            if let document = form["documentId"] { body["documentId"] = document }
            let reply = try await services.call(visit.principal, "PUT", services.endpoints.intake + "/plans/\(id)/consent", json: Self.json(body))
            guard reply.status == 200 else {
                return try await planPage(request, visit, id: id, errors: FieldErrors.problem(reply.body, language: visit.language), consentForm: form)
            }
            return Response.redirect(to: "/plans/\(id)?notice=consent", type: .normal)
        })
        // Declarations of other ESF support: the list as it stands plus the new one, or without the one removed.
        router.post("plans/:planId/esf-declarations", use: posted { request, context, visit, form in
            let id = try planId(context)
            let current = try await services.call(visit.principal, "GET", services.endpoints.intake + "/plans/\(id)")
            guard current.status == 200 else { return serviceFailure(request, visit, current.status) }
            var list = (current.json["esfDeclarations"] as? [[String: Any]] ?? []).map {
                ["project": $0["project"] as? String ?? "", "measures": $0["measures"] as? [String] ?? []] as [String: Any]
            }
            if let remove = form["remove"].flatMap(Int.init), list.indices.contains(remove) {
                list.remove(at: remove)
            } else {
                var errors = FieldErrors()
                if form["project"] == nil { errors.add("declarations.project", renderer.text("esf.project_required", visit.language)) }
                if form.all("measures").isEmpty { errors.add("declarations.measures", renderer.text("esf.measures_required", visit.language)) }
                guard errors.isEmpty else { return try await planPage(request, visit, id: id, errors: errors, esfForm: form) }
                list.append(["project": form["project"] ?? "", "measures": form.all("measures")])
            }
            let reply = try await services.call(visit.principal, "PUT", services.endpoints.intake + "/plans/\(id)/esf-declarations",
                                                json: Self.json(["declarations": list]))
            guard reply.status == 200 else {
                return try await planPage(request, visit, id: id, errors: FieldErrors.problem(reply.body, language: visit.language), esfForm: form)
            }
            return Response.redirect(to: "/plans/\(id)?notice=declared", type: .normal)
        })
        router.post("plans/:planId/copy-forward", use: posted { request, context, visit, form in
            let id = try planId(context)
            let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/plans/\(id)/copy-forward",
                                                json: Self.json(["semester": form["semester"] ?? ""]),
                                                idempotencyKey: "portal-copy-\(visit.session.id)-\(id)-\(UUID())")
            guard reply.status == 201, let newId = reply.json["id"] as? String else {
                let errors = FieldErrors.problem(reply.body, language: visit.language).placing(unplacedAt: "semester")
                return try await planPage(request, visit, id: id, errors: errors, copyForm: form)
            }
            return Response.redirect(to: "/plans/\(newId.lowercased())?notice=copied", type: .normal)
        })
    }

    func planId(_ context: BasicRequestContext) throws -> String {
        guard let text = context.parameters.get("planId"), let id = UUID(uuidString: text) else { throw HTTPError(.notFound) }
        return id.uuidString.lowercased()
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    func prefixes(_ language: String) -> (error: String, warning: String) {
        (renderer.text("error.prefix", language), renderer.text("warning.prefix", language))
    }

    // MARK: new plan

    func newPlanPage(_ request: Request, _ visit: Visit, form: FormData, errors: FieldErrors, status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        let place = visit.role.placeName ?? ""
        // The personal code is never put back into the page: after a refusal the field is empty.
        let fields = [
            FieldView(path: "institutionId", label: renderer.text("new.institution", language), value: visit.role.scope.id?.uuidString.lowercased() ?? "",
                      control: .select([(visit.role.scope.id?.uuidString.lowercased() ?? "", place)])),
            { var field = FieldView(path: "personalCode", label: renderer.text("new.personal_code", language),
                                    hint: renderer.text("new.personal_code_hint", language))
              field.autocompleteOff = true
              return field }(),
            FieldView(path: "semester", label: renderer.text("new.semester", language), hint: renderer.text("new.semester_hint", language),
                      value: form["semester"] ?? ""),
        ]
        var page = layout(visit, title: renderer.text("new.title", language), path: "/plans/new")
        page["fields"] = fields.map { $0.context(errors, prefixes: prefixes(language)) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        return renderer.response("plan-new", page, language: language, status: status)
    }

    func createPlan(_ request: Request, _ visit: Visit, _ form: FormData) async throws -> Response {
        var errors = FieldErrors()
        let language = visit.language
        if form["personalCode"] == nil { errors.add("personalCode", renderer.text("new.required_code", language)) }
        if form["semester"] == nil { errors.add("semester", renderer.text("new.required_semester", language)) }
        guard errors.isEmpty, let institution = visit.role.scope.id?.uuidString.lowercased() else {
            return newPlanPage(request, visit, form: form, errors: errors, status: .unprocessableContent)
        }
        // The code goes to intake once, in this body; it is not logged, not echoed, not in a URL.
        let body = Self.json(["institutionId": institution, "personalCode": form["personalCode"] ?? "", "semester": form["semester"] ?? ""])
        let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/plans", json: body)
        guard reply.status == 201, let id = reply.json["id"] as? String else {
            if Self.serviceBroke(reply.status) || reply.status == 403 { return serviceFailure(request, visit, reply.status) }
            let refusal = FieldErrors.problem(reply.body, language: language).placing(unplacedAt: "personalCode")
            return newPlanPage(request, visit, form: form, errors: refusal, status: .unprocessableContent)
        }
        return Response.redirect(to: "/plans/\(id.lowercased())/edit", type: .normal)
    }

    // MARK: upload

    func upload(_ request: Request, _ visit: Visit, id: String) async throws -> Response {
        let language = visit.language
        let limit = 6 * 1024 * 1024
        let buffer = try await request.body.collect(upTo: limit)
        guard let boundary = MultipartForm.boundary(request.headers[.contentType]),
              let form = MultipartForm(bytes: Array(buffer: buffer), boundary: boundary) else {
            return refused(request, language: language)
        }
        guard crossSiteAllowed(request, form.fields["form_token"], visit.session) else { return refused(request, language: language) }
        var errors = FieldErrors()
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            errors.add("upload-file", renderer.text("upload.missing", language))
            return try await planPage(request, visit, id: id, errors: errors, uploadForm: form.fields)
        }
        // What the document is decides what it is for: the consent form, or evidence of one kind.
        let kind = form.fields["kind"] ?? ""
        guard kind == "consent_form" || EvidenceKind(rawValue: kind) != nil else {
            errors.add("kind", renderer.text("upload.kind_missing", language))
            return try await planPage(request, visit, id: id, errors: errors, uploadForm: form.fields)
        }
        let purpose = kind == "consent_form" ? "consent" : "evidence"
        var query = "purpose=\(purpose)&kind=\(kind)"
        if let until = form.fields["validUntil"], !until.isEmpty {
            guard purpose == "evidence", let date = CalendarDate(iso: until) else {
                errors.add("validUntil", renderer.text("upload.valid_until_invalid", language))
                return try await planPage(request, visit, id: id, errors: errors, uploadForm: form.fields)
            }
            query += "&validUntil=\(date.iso)"
        }
        let reply = try await services.call(visit.principal, "POST",
                                            services.endpoints.intake + "/plans/\(id)/documents?\(query)",
                                            bytes: file.bytes, contentType: file.contentType,
                                            idempotencyKey: "portal-upload-\(visit.session.id)-\(UUID())")
        guard reply.status == 201 else {
            let refusal = FieldErrors.problem(reply.body, language: language).placing(allAt: "upload-file")
            return try await planPage(request, visit, id: id, errors: refusal, uploadForm: form.fields)
        }
        return Response.redirect(to: "/plans/\(id)?notice=uploaded", type: .normal)
    }
}

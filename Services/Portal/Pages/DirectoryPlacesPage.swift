import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The places of IKVD's directory (issue #20): municipalities and institutions, each a paged list
/// with a form to register one. The directory checks the rules (a municipal institution names its
/// municipality, a state one its region and is vocational); refusals go beside the field.
extension PortalApp {
    func registerDirectoryPlaces(on router: Router<BasicRequestContext>) {
        router.get("directory/institutions", use: signedIn { request, _, visit in
            try await directoryPlaces(request, visit, kind: .institutions, form: nil, errors: FieldErrors())
        })
        router.get("directory/municipalities", use: signedIn { request, _, visit in
            try await directoryPlaces(request, visit, kind: .municipalities, form: nil, errors: FieldErrors())
        })
        router.post("directory/institutions", use: posted { request, _, visit, form in
            var input: [String: Any] = ["name": form["name"] ?? "", "kind": form["kind"] ?? "", "founder": form["founder"] ?? ""]
            if let municipality = form["municipalityId"], !municipality.isEmpty { input["municipalityId"] = municipality }
            if let region = form["region"], !region.isEmpty { input["region"] = region }
            return try await registerPlace(request, visit, .institutions, input, form)
        })
        router.post("directory/municipalities", use: posted { request, _, visit, form in
            try await registerPlace(request, visit, .municipalities, ["name": form["name"] ?? "", "region": form["region"] ?? ""], form)
        })
    }

    enum PlaceKind: String { case institutions, municipalities }

    func registerPlace(_ request: Request, _ visit: Visit, _ kind: PlaceKind, _ input: [String: Any], _ form: FormData) async throws -> Response {
        guard Self.directoryKeepers.contains(visit.role.role) else { return serviceFailure(request, visit, 403) }
        let reply = try await services.call(visit.principal, "POST", services.endpoints.intake + "/directory/\(kind.rawValue)", json: Self.json(input))
        guard reply.status == 201 else {
            if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
            return try await directoryPlaces(request, visit, kind: kind, form: form,
                                             errors: FieldErrors.problem(reply.body, language: visit.language).placing(unplacedAt: "name"))
        }
        return Response.redirect(to: "/directory/\(kind.rawValue)?notice=place_added", type: .normal)
    }

    func directoryPlaces(_ request: Request, _ visit: Visit, kind: PlaceKind, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard Self.directoryKeepers.contains(visit.role.role) else {
            return message(request, "directory.title", "directory.not_for_role", status: .forbidden, language: language)
        }
        let offset = DirectoryRules.offset(request.uri.queryParameters["offset"].map(String.init))
        let list = try await services.call(visit.principal, "GET",
                                           services.endpoints.intake + "/directory/\(kind.rawValue)?limit=\(Self.directoryPageSize)&offset=\(offset)")
        // Municipalities name an institution's municipality (the list and the form's choice).
        let municipalities = try await services.call(visit.principal, "GET", services.endpoints.intake + "/directory/municipalities?limit=200")
        guard list.status == 200, municipalities.status == 200 else { return serviceFailure(request, visit, max(list.status, municipalities.status)) }
        var names: [String: String] = [:]
        for item in municipalities.json["items"] as? [[String: Any]] ?? [] {
            names[(item["id"] as? String ?? "").lowercased()] = item["name"] as? String ?? ""
        }
        var page = layout(visit, title: t("directory.\(kind.rawValue)"), path: "/directory/\(kind.rawValue)", notice: notice(request, language))
        page["heading"] = t("directory.\(kind.rawValue)")
        page["action"] = "/directory/\(kind.rawValue)"
        page["formTitle"] = t("directory.new_\(kind.rawValue)")
        page[kind == .institutions ? "isInstitutions" : "isMunicipalities"] = true
        page["items"] = (list.json["items"] as? [[String: Any]] ?? []).map { item -> [String: Any] in
            let founder = item["founder"] as? String ?? ""
            return ["name": item["name"] as? String ?? "", "region": item["region"] as? String ?? "",
                    "kind": (item["kind"] as? String).map { t("directory.kind_\($0)") } ?? "",
                    "founder": founder.isEmpty ? "" : t("directory.founder_\(founder)"),
                    "municipality": (item["municipalityId"] as? String).flatMap { names[$0.lowercased()] } ?? "—"]
        }
        page.merge(pagingContext(list, offset: offset, size: Self.directoryPageSize, base: "/directory/\(kind.rawValue)")) { $1 }
        let values = form ?? FormData()
        let regions = [("", t("risk.choose"))] + PlanningRegion.ordered.map { ($0, $0) }
        var fields = [FieldView(path: "name", label: t("directory.place_name"), value: values["name"] ?? "")]
        if kind == .institutions {
            fields += [
                FieldView(path: "kind", label: t("directory.kind"), value: values["kind"] ?? "",
                          control: .select([("", t("risk.choose")), ("general", t("directory.kind_general")), ("vocational", t("directory.kind_vocational"))])),
                FieldView(path: "founder", label: t("directory.founder"), value: values["founder"] ?? "",
                          control: .select([("", t("risk.choose")), ("municipal", t("directory.founder_municipal")), ("state", t("directory.founder_state"))])),
                FieldView(path: "municipalityId", label: t("directory.municipality"), hint: t("directory.municipality_hint"), value: values["municipalityId"] ?? "",
                          control: .select([("", t("directory.none"))] + names.sorted { $0.value < $1.value }.map { ($0.key, $0.value) })),
                FieldView(path: "region", label: t("directory.region"), hint: t("directory.region_hint"), value: values["region"] ?? "", control: .select(regions)),
            ]
        } else {
            fields.append(FieldView(path: "region", label: t("directory.region"), value: values["region"] ?? "", control: .select(regions)))
        }
        page["fields"] = fields.map { $0.context(errors, prefixes: prefixes(language)) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        return renderer.response("directory-places", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The implementation report after the semester: planned next to delivered hours and paid money
/// (from reporting's figures), an outcome per risk written by the preparer, submitted, and
/// confirmed by the head (then the plan is closed).
extension PortalApp {
    static let outcomes = ["reduced", "unchanged", "worse"]

    func registerReport(on router: Router<BasicRequestContext>) {
        router.get("plans/:planId/report", use: signedIn { request, context, visit in
            try await reportPage(request, visit, id: try planId(context), form: nil, errors: FieldErrors())
        })
        router.post("plans/:planId/report", use: posted { request, context, visit, form in
            let id = try planId(context)
            let language = visit.language
            let url = services.endpoints.reporting.map { $0 + "/reports/\(id)" } ?? ""
            switch form["action"] {
            case "confirm":
                let reply = try await services.call(visit.principal, "POST", url + "/confirm", json: "{}")
                guard reply.status == 200 else {
                    return try await reportPage(request, visit, id: id, form: nil, errors: FieldErrors.problem(reply.body, language: language))
                }
                return Response.redirect(to: "/plans/\(id)/report?notice=report_confirmed", type: .normal)
            default:
                let input = Self.reportInput(form)
                let saved = try await services.call(visit.principal, "PUT", url, json: Self.json(input))
                guard saved.status == 200 else {
                    return try await reportPage(request, visit, id: id, form: form, errors: FieldErrors.problem(saved.body, language: language))
                }
                guard form["action"] == "submit" else { return Response.redirect(to: "/plans/\(id)/report?notice=report_saved", type: .normal) }
                let submitted = try await services.call(visit.principal, "POST", url + "/submit", json: "{}")
                guard submitted.status == 200 else {
                    return try await reportPage(request, visit, id: id, form: form, errors: FieldErrors.problem(submitted.body, language: language))
                }
                return Response.redirect(to: "/plans/\(id)/report?notice=report_submitted", type: .normal)
            }
        })
    }

    /// `PUT /reports/{id}`'s body from the form (rows without a risk code are skipped).
    static func reportInput(_ form: FormData) -> [String: Any] {
        var risks: [[String: Any]] = []
        for index in PlanForm.rowIndices(form, prefix: "risks") {
            guard let code = form["risks[\(index)].riskCode"] else { continue }
            risks.append(["riskCode": code, "done": form["risks[\(index)].done"] ?? "",
                          "outcome": form["risks[\(index)].outcome"] ?? "", "comment": form["risks[\(index)].comment"] ?? ""])
        }
        var input: [String: Any] = ["risks": risks]
        if let summary = form["summary"] { input["summary"] = summary }
        return input
    }

    func reportPage(_ request: Request, _ visit: Visit, id: String, form: FormData?, errors: FieldErrors) async throws -> Response {
        let language = visit.language
        func t(_ key: String) -> String { renderer.text(key, language) }
        guard let reporting = services.endpoints.reporting else { return serviceFailure(request, visit, 503) }
        let reply = try await services.call(visit.principal, "GET", reporting + "/reports/\(id)")
        if reply.status == 404 {
            return message(request, "plan.report", "report.not_yet", status: .notFound, language: language)
        }
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let report = reply.json
        let state = report["state"] as? String ?? "draft"
        let written = report["risks"] as? [[String: Any]] ?? []
        var values = form ?? FormData()
        if form == nil {
            var filled: [String: [String]] = [:]
            for (index, code) in (report["planRisks"] as? [String] ?? []).enumerated() {
                let entry = written.first { $0["riskCode"] as? String == code } ?? [:]
                filled["risks[\(index)].riskCode"] = [code]
                filled["risks[\(index)].done"] = [entry["done"] as? String ?? ""]
                filled["risks[\(index)].outcome"] = [entry["outcome"] as? String ?? ""]
                filled["risks[\(index)].comment"] = [entry["comment"] as? String ?? ""]
            }
            filled["summary"] = [report["summary"] as? String ?? ""]
            values = FormData(filled)
        }
        let p = prefixes(language)
        let outcomeOptions = [("", t("risk.choose"))] + Self.outcomes.map { ($0, t("report.outcome_\($0)")) }
        var anchors: Set<String> = ["summary"]
        let groups: [[String: Any]] = PlanForm.rowIndices(values, prefix: "risks").compactMap { index in
            guard let code = values["risks[\(index)].riskCode"] else { return nil }
            let path = "risks[\(index)]"
            let label = RiskCode(rawValue: code).map { language == "en" ? $0.label.en : $0.label.lv } ?? code
            let fields = [
                FieldView(path: "\(path).done", label: t("report.done"), value: values["\(path).done"] ?? "", control: .textarea),
                FieldView(path: "\(path).outcome", label: t("report.outcome"), value: values["\(path).outcome"] ?? "", control: .select(outcomeOptions)),
                FieldView(path: "\(path).comment", label: t("report.comment"), value: values["\(path).comment"] ?? "", control: .textarea),
            ]
            anchors.insert(FieldErrors.anchor(path))
            anchors.formUnion(fields.map(\.anchor))
            return ["anchor": FieldErrors.anchor(path), "legend": "\(code) \(label)", "code": code, "codeName": "\(path).riskCode",
                    "fields": fields.map { $0.context(errors, prefixes: p) }]
        }
        let figures = report["figures"] as? [String: Any] ?? [:]
        let rows: [[String: Any]] = (figures["measures"] as? [[String: Any]] ?? []).map { measure in
            let type = MeasureType(rawValue: measure["type"] as? String ?? "")
            func hours(_ key: String) -> String { (measure[key] as? Int).map { LatvianFormat.hours($0, language: language) + " h" } ?? "—" }
            func money(_ key: String) -> String { (measure[key] as? Int).map { LatvianFormat.money($0, language: language) } ?? "—" }
            return ["type": type.map { language == "en" ? $0.label.en : $0.label.lv } ?? "", "plannedHours": hours("plannedMinutes"),
                    "deliveredHours": hours("deliveredMinutes"), "plannedMoney": money("plannedCents"), "paidMoney": money("paidCents")]
        }
        var page = layout(visit, title: t("plan.report"), path: "/plans/\(id)/report", notice: notice(request, language))
        page["id"] = id
        page["studentCode"] = report["studentCode"] as? String ?? ""
        page["stateLabel"] = t("report.state_\(state)")
        page["figureRows"] = rows
        page["hasFigures"] = !rows.isEmpty
        page["riskGroups"] = groups
        page["summaryField"] = [FieldView(path: "summary", label: t("report.summary"), value: values["summary"] ?? "", control: .textarea)
            .context(errors, prefixes: p)]
        page["canWrite"] = visit.role.role == "preparer" && ["not_started", "draft"].contains(state)
        page["canConfirm"] = visit.role.role == "institution_head" && state == "submitted"
        page.merge(ErrorSummary.context(errors, anchors: anchors)) { $1 }
        return renderer.response("report", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }
}

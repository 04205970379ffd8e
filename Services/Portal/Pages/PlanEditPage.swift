import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The plan's edit form: the student card, the risks, the priority risk, the measures; saving
/// runs the programme rules at once and shows what they find beside the fields.
extension PortalApp {
    func editPage(_ request: Request, _ visit: Visit, id: String, form: FormData?, errors: FieldErrors,
                  status: HTTPResponse.Status? = nil) async throws -> Response {
        let language = visit.language
        let reply = try await services.call(visit.principal, "GET", services.endpoints.intake + "/plans/\(id)")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let plan = reply.json
        let values = form ?? Self.formValues(plan["content"] as? [String: Any] ?? [:])
        let p = prefixes(language)
        func t(_ key: String) -> String { renderer.text(key, language) }
        func field(_ path: String, _ name: String? = nil, _ label: String, hint: String? = nil, control: FieldView.Control = .input(type: "text")) -> FieldView {
            FieldView(path: path, name: name, label: t(label), hint: hint.map(t), value: values[name ?? path] ?? "", control: control)
        }
        let riskOptions = [("", t("risk.choose"))] + RiskCode.allCases.map { ($0.rawValue, "\($0.rawValue) \(language == "en" ? $0.label.en : $0.label.lv)") }
        let levelOptions = [("", t("risk.choose"))] + RiskLevel.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
        var anchors: Set<String> = ["card"]
        let cardFields = [
            field("card.gradeOrCourse", nil, "card.gradeOrCourse", control: .input(type: "text")),
            field("card.preparerName", nil, "card.preparerName"),
            field("card.situation", nil, "card.situation", hint: "card.situation_hint", control: .textarea),
            field("card.goal", nil, "card.goal", hint: "card.goal_hint", control: .textarea),
        ]
        anchors.formUnion(cardFields.map(\.anchor))
        let riskRows = PlanForm.rowIndices(values, prefix: "risks") .filter { values["risks[\($0)].code"] != nil }
        let riskIndices = riskRows + [(riskRows.max() ?? -1) + 1]
        var riskGroups: [[String: Any]] = []
        for (position, index) in riskIndices.enumerated() {
            let isNew = position == riskIndices.count - 1
            let path = "risks[\(index)]"
            let fields = [
                field("\(path).code", nil, "risk.code", control: .select(riskOptions)),
                field("\(path).justification", nil, "risk.justification", hint: "risk.justification_hint", control: .textarea),
                field("\(path).subjects", nil, "risk.subjects", hint: "risk.subjects_hint"),
                field("\(path).howSupportHelps", nil, "risk.howSupportHelps", control: .textarea),
                field("\(path).level", nil, "risk.level", hint: "risk.level_hint", control: .select(levelOptions)),
            ]
            anchors.insert(FieldErrors.anchor(path))
            anchors.formUnion(fields.map(\.anchor))
            riskGroups.append(["anchor": FieldErrors.anchor(path),
                               "legend": isNew ? t("risk.new_legend") : renderer.text("risk.legend", language, ["number": "\(position + 1)"]),
                               "fields": fields.map { $0.context(errors, prefixes: p) }])
        }
        let priority = field("priorityRisk", nil, "risk.priority", control: .select(riskOptions))
        anchors.insert(priority.anchor)
        let measureRows = PlanForm.rowIndices(values, prefix: "measures").filter { values["measures[\($0)].type"] != nil }
        let measureIndices = measureRows + [(measureRows.max() ?? -1) + 1]
        let typeOptions = [("", t("risk.choose"))] + MeasureType.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
        let providerOptions = [("", t("measure.none"))] + ProviderType.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
        let kindOptions = ConsultationKind.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
        var measureGroups: [[String: Any]] = []
        for (position, index) in measureIndices.enumerated() {
            let isNew = position == measureIndices.count - 1
            let path = "measures[\(index)]"
            var fields = [
                field("\(path).type", nil, "measure.type", control: .select(typeOptions)),
                field("\(path).addresses", nil, "measure.addresses", hint: "measure.addresses_hint"),
                field("\(path).kind", nil, "measure.kind", control: .select(kindOptions)),
                field("\(path).providers", "\(path).provider", "measure.provider", control: .select(providerOptions)),
                field("\(path).plannedMinutes", "\(path).hours", "measure.hours"),
                field("\(path).plannedAmount", "\(path).amount", "measure.amount"),
                FieldView(path: "\(path).fundedElsewhere", label: t("measure.fundedElsewhere"),
                          control: .checkbox(checked: values["\(path).fundedElsewhere"] == "yes")),
                field("\(path).holidayPeriod", "\(path).holidayStart", "measure.holiday_start", hint: "measure.holiday_hint",
                      control: .input(type: "text")),
                field("\(path).holidayPeriod.end", "\(path).holidayEnd", "measure.holiday_end", hint: "date.hint", control: .input(type: "text")),
            ]
            fields[4].inputmode = "decimal"
            fields[5].inputmode = "decimal"
            anchors.insert(FieldErrors.anchor(path))
            anchors.formUnion(fields.map(\.anchor))
            var group: [String: Any] = ["anchor": FieldErrors.anchor(path),
                                        "legend": isNew ? t("measure.new_legend") : renderer.text("measure.legend", language, ["number": "\(position + 1)"]),
                                        "fields": fields.map { $0.context(errors, prefixes: p) }]
            if let measureId = values["\(path).id"] { group["hiddenId"] = ["name": "\(path).id", "value": measureId] }
            measureGroups.append(group)
        }
        anchors.formUnion(["risks", "measures"].map { FieldErrors.anchor($0) })
        var page = layout(visit, title: t("edit.title"), path: "/plans/\(id)/edit", notice: notice(request, language))
        page["id"] = id
        page["studentCode"] = plan["studentCode"] as? String ?? ""
        page["cardFields"] = cardFields.map { $0.context(errors, prefixes: p) }
        page["riskGroups"] = riskGroups
        page["priorityFields"] = [priority.context(errors, prefixes: p)]
        page["measureGroups"] = measureGroups
        page.merge(ErrorSummary.context(errors, anchors: anchors)) { $1 }
        return renderer.response("plan-edit", page, language: language, status: status ?? (errors.hasErrors ? .unprocessableContent : .ok))
    }

    func savePlan(_ request: Request, _ visit: Visit, id: String, form: FormData) async throws -> Response {
        let language = visit.language
        let current = try await services.call(visit.principal, "GET", services.endpoints.intake + "/plans/\(id)")
        guard current.status == 200 else { return serviceFailure(request, visit, current.status) }
        let (content, formErrors) = PlanForm.content(from: form, previous: current.json["content"] as? [String: Any]) { renderer.text($0, language) }
        guard formErrors.isEmpty else { return try await editPage(request, visit, id: id, form: form, errors: formErrors) }
        let reply = try await services.call(visit.principal, "PUT", services.endpoints.intake + "/plans/\(id)/content", json: Self.json(content))
        guard reply.status == 200 else {
            if Self.serviceBroke(reply.status) || reply.status == 403 { return serviceFailure(request, visit, reply.status) }
            return try await editPage(request, visit, id: id, form: form, errors: FieldErrors.problem(reply.body, language: language))
        }
        // Saved; the rules run now. What they find about this form is shown beside its fields; what
        // concerns the plan's page (consent, documents) is shown there, after the redirect.
        let check = try await services.call(visit.principal, "POST", services.endpoints.intake + "/plans/\(id)/check", json: "{}")
        let findings = check.status == 200 ? check.json["findings"] as? [[String: Any]] ?? [] : []
        let onThisForm = findings.filter { Self.concernsEditForm($0["field"] as? String ?? "") }
        guard onThisForm.isEmpty else {
            return try await editPage(request, visit, id: id, form: nil, errors: FieldErrors.findings(findings, language: language), status: .ok)
        }
        return Response.redirect(to: "/plans/\(id)?notice=saved", type: .normal)
    }

    /// Whether a finding's field is on the edit form (the card, risks, measures, priority, load).
    static func concernsEditForm(_ field: String) -> Bool {
        // A risk's evidence is a document to upload on the plan's page, not a field of this form.
        guard !field.hasSuffix(".evidence") else { return false }
        return ["general", "card", "risks", "measures", "priorityRisk", "loadJustification"]
            .contains { field == $0 || field.hasPrefix($0 + ".") || field.hasPrefix($0 + "[") }
    }

    /// The form's values from stored content (hours and euros from minutes and cents).
    static func formValues(_ content: [String: Any]) -> FormData {
        var values: [String: [String]] = [:]
        func put(_ name: String, _ value: String?) { if let value, !value.isEmpty { values[name] = [value] } }
        let card = content["card"] as? [String: Any] ?? [:]
        put("card.gradeOrCourse", (card["gradeOrCourse"] as? Int).map(String.init))
        put("card.preparerName", card["preparerName"] as? String)
        put("card.situation", card["situation"] as? String)
        put("card.goal", card["goal"] as? String)
        put("priorityRisk", content["priorityRisk"] as? String)
        for (index, risk) in (content["risks"] as? [[String: Any]] ?? []).enumerated() {
            put("risks[\(index)].code", risk["code"] as? String)
            put("risks[\(index)].justification", risk["justification"] as? String)
            put("risks[\(index)].subjects", (risk["subjects"] as? [String] ?? []).joined(separator: ", "))
            put("risks[\(index)].howSupportHelps", risk["howSupportHelps"] as? String)
            put("risks[\(index)].level", risk["level"] as? String)
        }
        for (index, measure) in (content["measures"] as? [[String: Any]] ?? []).enumerated() {
            let path = "measures[\(index)]"
            put("\(path).id", measure["id"] as? String)
            put("\(path).type", measure["type"] as? String)
            put("\(path).addresses", (measure["addresses"] as? [String] ?? []).joined(separator: ", "))
            put("\(path).kind", measure["kind"] as? String)
            put("\(path).provider", (measure["providers"] as? [String])?.first)
            put("\(path).hours", (measure["plannedMinutes"] as? Int).map { LatvianFormat.hours($0, language: "lv") })
            put("\(path).amount", (measure["plannedAmount"] as? Int).map { LatvianFormat.money($0, language: "lv")
                .replacingOccurrences(of: "\u{00A0}€", with: "").replacingOccurrences(of: "\u{00A0}", with: "") })
            if measure["fundedElsewhere"] as? Bool == true { put("\(path).fundedElsewhere", "yes") }
            if let period = measure["holidayPeriod"] as? [String: Any] {
                put("\(path).holidayStart", period["start"] as? String)
                put("\(path).holidayEnd", period["end"] as? String)
            }
        }
        return FormData(values)
    }
}

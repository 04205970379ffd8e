import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Rules

/// The plan's page: status, findings, the plan's content, consent, documents (and the upload
/// and consent forms), the approval trail, history, copy forward.
extension PortalApp {
    func planPage(_ request: Request, _ visit: Visit, id: String, errors: FieldErrors, uploadForm: FormData? = nil,
                  consentForm: FormData? = nil, copyForm: FormData? = nil, esfForm: FormData? = nil) async throws -> Response {
        let language = visit.language
        let reply = try await services.call(visit.principal, "GET", services.endpoints.intake + "/plans/\(id)")
        guard reply.status == 200 else { return serviceFailure(request, visit, reply.status) }
        let plan = reply.json
        let statusInfo = plan["status"] as? [String: Any] ?? [:]
        let content = plan["content"] as? [String: Any]
        let priority = content?["priorityRisk"] as? String
        var page = layout(visit, title: renderer.text("plan.title", language) + " " + (plan["studentCode"] as? String ?? ""),
                          path: "/plans/\(id)", notice: notice(request, language))
        page["id"] = id
        page["planId"] = id
        page["studentCode"] = plan["studentCode"] as? String ?? ""
        page["semester"] = plan["semester"] as? String ?? ""
        page["statusCode"] = statusInfo["code"] as? String ?? ""
        page["statusLabel"] = (language == "en" ? statusInfo["labelEn"] : statusInfo["label"]) as? String ?? ""
        page["revision"] = plan["revision"] as? Int ?? 0
        if let note = plan["statusNote"] as? String { page["statusNote"] = note }
        let authors = ["preparer", "institution_head"].contains(visit.role.role)
        page["editable"] = (plan["editable"] as? Bool ?? false) && authors
        page["canCopy"] = authors
        page["canKeepDocuments"] = ["preparer", "institution_head", "institution_coordinator"].contains(visit.role.role)
        // While the plan can be edited, the findings are what submitting would meet now (a check that
        // writes nothing); after submission, what the rules found then.
        var findings = plan["findings"] as? [[String: Any]] ?? []
        if page["editable"] as? Bool == true,
           let check = try? await services.call(visit.principal, "POST", services.endpoints.intake + "/plans/\(id)/check", json: "{}"),
           check.status == 200 {
            findings = check.json["findings"] as? [[String: Any]] ?? []
        }
        page["findings"] = findings.map { finding -> [String: Any] in
            let severity = finding["severity"] as? String ?? "error"
            return ["severity": severity, "prefix": severity == "error" ? prefixes(language).error : prefixes(language).warning,
                    "message": ((language == "en" ? finding["messageEn"] : finding["message"]) as? String ?? "") + " (\(finding["rule"] as? String ?? ""))"]
        }
        page["hasFindings"] = !findings.isEmpty
        if let card = content?["card"] as? [String: Any] { page["card"] = card }
        page["risks"] = (content?["risks"] as? [[String: Any]] ?? []).map { risk -> [String: Any] in
            let code = risk["code"] as? String ?? ""
            let label = RiskCode(rawValue: code).map { language == "en" ? $0.label.en : $0.label.lv } ?? code
            var entry: [String: Any] = ["code": code, "label": label, "justification": risk["justification"] as? String ?? "",
                                        "priority": code == priority]
            if let level = (risk["level"] as? String).flatMap(RiskLevel.init(rawValue:)) {
                entry["level"] = language == "en" ? level.label.en : level.label.lv
            }
            return entry
        }
        page["measures"] = (content?["measures"] as? [[String: Any]] ?? []).map { measure -> [String: Any] in
            let type = MeasureType(rawValue: measure["type"] as? String ?? "")
            var entry: [String: Any] = ["label": type.map { language == "en" ? $0.label.en : $0.label.lv } ?? ""]
            let providers = (measure["providers"] as? [String] ?? []).compactMap(ProviderType.init(rawValue:))
                .map { language == "en" ? $0.label.en : $0.label.lv }
            if !providers.isEmpty { entry["providers"] = providers.joined(separator: ", ") }
            if let minutes = measure["plannedMinutes"] as? Int { entry["hours"] = LatvianFormat.hours(minutes, language: language) + " h" }
            if let cents = measure["plannedAmount"] as? Int { entry["amount"] = LatvianFormat.money(cents, language: language) }
            if let kind = (measure["kind"] as? String).flatMap(ConsultationKind.init(rawValue:)) {
                entry["kind"] = language == "en" ? kind.label.en : kind.label.lv
            }
            if let period = measure["holidayPeriod"] as? [String: Any] {
                entry["holidays"] = LatvianFormat.date(period["start"] as? String ?? "", language: language) + " – "
                    + LatvianFormat.date(period["end"] as? String ?? "", language: language)
            }
            return entry
        }
        if let consent = plan["consent"] as? [String: Any], consent["revoked"] as? Bool != true {
            let signer = renderer.text(Self.signerLabel(ConsentSigner(rawValue: consent["signer"] as? String ?? "") ?? .parentOrGuardian), language)
            page["consentText"] = renderer.text("plan.consent_on_file", language,
                                                ["signer": signer, "date": LatvianFormat.date(consent["signedOn"] as? String ?? "", language: language)])
        } else {
            // Consent gates implementation, not approval: a warning wherever the plan is shown.
            page["consentText"] = renderer.text("plan.no_consent", language)
            page["consentPending"] = true
        }
        let documents = plan["documents"] as? [[String: Any]] ?? []
        page["documents"] = documents.map { document -> [String: Any] in
            var entry: [String: Any] = [
                "id": document["id"] as? String ?? "",
                "purpose": renderer.text(document["purpose"] as? String == "consent" ? "upload.consent" : "upload.evidence", language),
                "kind": Self.documentKindLabel(document["kind"] as? String ?? "", language: language, renderer: renderer),
                "mediaType": document["mediaType"] as? String ?? "",
                "size": "\(max(1, (document["sizeBytes"] as? Int ?? 0) / 1024)) KB",
                "uploaded": LatvianFormat.dateTime(document["uploadedAt"] as? String ?? "", language: language)]
            if let until = document["validUntil"] as? String {
                entry["validUntil"] = renderer.text("document.valid_until", language, ["date": LatvianFormat.date(until, language: language)])
            }
            if document["carriedFrom"] is String { entry["carried"] = renderer.text("document.carried", language) }
            return entry
        }
        page["hasDocuments"] = !documents.isEmpty
        let consentDocuments = documents.filter { $0["purpose"] as? String == "consent" }
        page["hasConsentDocuments"] = !consentDocuments.isEmpty && page["editable"] as? Bool == true
        let p = prefixes(language)
        let upload = uploadForm ?? FormData()
        // One list of what a document is: the evidence kinds the rules know, and the consent form.
        let kinds = [("", renderer.text("risk.choose", language))]
            + EvidenceKind.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
            + [("consent_form", renderer.text("upload.consent", language))]
        page["uploadFields"] = [
            FieldView(path: "kind", label: renderer.text("upload.kind", language), hint: renderer.text("upload.kind_hint", language),
                      value: upload["kind"] ?? "", control: .select(kinds)),
            FieldView(path: "validUntil", label: renderer.text("upload.valid_until", language),
                      hint: renderer.text("upload.valid_until_hint", language), value: upload["validUntil"] ?? "",
                      control: .input(type: "text")),
        ].map { $0.context(errors, prefixes: p) }
        let consentValues = consentForm ?? FormData()
        page["consentFields"] = [
            FieldView(path: "signer", label: renderer.text("consent.signer", language),
                      value: consentValues["signer"] ?? ConsentSigner.parentOrGuardian.rawValue,
                      control: .select(ConsentSigner.allCases.map { ($0.rawValue, renderer.text(Self.signerLabel($0), language)) })),
            FieldView(path: "signedOn", label: renderer.text("consent.signed_on", language), hint: renderer.text("consent.signed_on_hint", language),
                      value: consentValues["signedOn"] ?? ""),
            FieldView(path: "documentId", label: renderer.text("consent.document", language), value: consentValues["documentId"] ?? "",
                      control: .select(consentDocuments.map { ($0["id"] as? String ?? "", renderer.text("upload.consent", language) + " — "
                          + LatvianFormat.dateTime($0["uploadedAt"] as? String ?? "", language: language)) })),
        ].map { $0.context(errors, prefixes: p) }
        page["copyFields"] = [FieldView(path: "semester", label: renderer.text("plan.copy_semester", language),
                                        hint: renderer.text("plan.copy_semester_hint", language), value: copyForm?["semester"] ?? "")
            .context(errors, prefixes: p)]
        page["history"] = (plan["history"] as? [[String: Any]] ?? []).map { entry -> [String: Any] in
            var item: [String: Any] = ["at": LatvianFormat.dateTime(entry["at"] as? String ?? "", language: language),
                                       "to": renderer.text("status.\(entry["to"] as? String ?? "")", language)]
            if let reason = entry["reason"] as? String { item["reason"] = reason }
            return item
        }
        // The approval trail and the decisions this person may take now (approval routing; issue #20).
        if let trail = try? await services.call(visit.principal, "GET", services.endpoints.approval + "/approvals/plans/\(id)"),
           trail.status == 200 {
            page.merge(approvalContext(trail.json, visit: visit, acting: try await substitution(Self.actingFor(request), visit))) { $1 }
        }
        // Support the student gets from other ESF projects (declared, so it is not paid twice).
        let declarations = plan["esfDeclarations"] as? [[String: Any]] ?? []
        page["declarations"] = declarations.enumerated().map { index, declaration -> [String: Any] in
            let measures = (declaration["measures"] as? [String] ?? []).compactMap(MeasureType.init(rawValue:))
                .map { language == "en" ? $0.label.en : $0.label.lv }
            return ["index": index, "project": declaration["project"] as? String ?? "", "measures": measures.joined(separator: ", ")]
        }
        page["hasDeclarations"] = !declarations.isEmpty
        let declared = esfForm ?? FormData()
        page["esfFields"] = [
            FieldView(path: "declarations.project", name: "project", label: renderer.text("esf.project", language),
                      hint: renderer.text("esf.project_hint", language), value: declared["project"] ?? ""),
            FieldView(path: "declarations.measures", name: "measures", label: renderer.text("esf.measures", language),
                      control: .checkboxes(MeasureType.allCases.map { type in
                          (type.rawValue, language == "en" ? type.label.en : type.label.lv, declared.all("measures").contains(type.rawValue))
                      })),
        ].map { $0.context(errors, prefixes: p) }
        let anchors: Set<String> = ["purpose", "kind", "upload-file", "signer", "signedOn", "documentId", "semester", "findings-title",
                                    "declarations-project", "declarations-measures", "declarations", "comment", "validUntil"]
        page.merge(ErrorSummary.context(errors, anchors: anchors)) { $1 }
        return renderer.response("plan", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    static func signerLabel(_ signer: ConsentSigner) -> String {
        switch signer {
        case .student: "consent.signer_student"
        case .parentOrGuardian: "consent.signer_parent"
        }
    }
}

extension PortalApp {
    /// A document kind's name in the reader's language (an evidence kind, or the consent form).
    static func documentKindLabel(_ kind: String, language: String, renderer: PageRenderer) -> String {
        if let evidence = EvidenceKind(rawValue: kind) { return language == "en" ? evidence.label.en : evidence.label.lv }
        return kind == "consent_form" ? renderer.text("upload.consent", language) : kind
    }
}

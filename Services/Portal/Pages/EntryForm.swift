import Foundation
import PlatformClient
import Rules

/// The form that writes down one session (or a preparer's own work) through `POST
/// /timesheets/entries`: on "my month" for oneself, on the staff page for the coordinator
/// writing it down for a staff member. One place for the fields and the body, so both pages
/// speak the same words and the service's refusals land beside the same fields.
extension PortalApp {
    /// The plans of the caller's institution open for recording (`GET /timesheets/plans`); nil when the service failed.
    func recordablePlans(_ visit: Visit) async throws -> [[String: Any]]? {
        let reply = try await services.call(visit.principal, "GET", services.endpoints.timesheets + "/timesheets/plans?limit=200")
        guard reply.status == 200 else { return nil }
        return reply.json["items"] as? [[String: Any]] ?? []
    }

    /// A measure named as a person knows it: "consultation: teacher, psychologist".
    func measureLabel(providers: [String], language: String) -> String {
        let names = providers.compactMap(ProviderType.init(rawValue:)).map { language == "en" ? $0.label.en : $0.label.lv }
        return renderer.text("entry.consultation", language) + (names.isEmpty ? "" : ": " + names.joined(separator: ", "))
    }

    /// What the "what" select offers: `planId|measureId` for a consultation, `planId|` for a
    /// preparer's own work on the plan (the coordinator may write down either).
    func entryTargets(_ plans: [[String: Any]], consultations: Bool, preparerWork: Bool, language: String) -> [(value: String, label: String)] {
        var options: [(value: String, label: String)] = [("", renderer.text("risk.choose", language))]
        for plan in plans {
            let id = (plan["planId"] as? String ?? "").lowercased()
            let code = plan["studentCode"] as? String ?? ""
            if consultations {
                for measure in plan["measures"] as? [[String: Any]] ?? [] {
                    let remaining = LatvianFormat.hours(measure["remainingMinutes"] as? Int ?? 0, language: language)
                    options.append(("\(id)|\((measure["measureId"] as? String ?? "").lowercased())",
                                    "\(code) — \(measureLabel(providers: measure["providers"] as? [String] ?? [], language: language)) "
                                        + renderer.text("entry.remaining", language, ["hours": remaining])))
                }
            }
            if preparerWork { options.append(("\(id)|", "\(code) — " + renderer.text("entry.preparer_work", language))) }
        }
        return options
    }

    /// The fields, in order; `consultation` adds provider, subject and remote.
    func entryFields(targets: [(value: String, label: String)], consultation: Bool, values: FormData, language: String) -> [FieldView] {
        func t(_ key: String) -> String { renderer.text(key, language) }
        var fields = [FieldView(path: "planId", name: "target", label: t("entry.target"), value: values["target"] ?? "", control: .select(targets)),
                      FieldView(path: "workDate", label: t("entry.date"), hint: t("date.hint"), value: values["workDate"] ?? "")]
        var minutes = FieldView(path: "minutes", label: t("entry.minutes"), hint: t("entry.minutes_hint"), value: values["minutes"] ?? "")
        minutes.inputmode = "numeric"
        fields.append(minutes)
        if consultation {
            let providers = [("", t("entry.provider_choose"))] + ProviderType.allCases.map { ($0.rawValue, language == "en" ? $0.label.en : $0.label.lv) }
            fields += [
                FieldView(path: "providerType", label: t("entry.provider"), hint: t("entry.provider_hint"), value: values["providerType"] ?? "",
                          control: .select(providers)),
                FieldView(path: "subject", label: t("entry.subject"), hint: t("entry.subject_hint"), value: values["subject"] ?? ""),
                FieldView(path: "remote", label: t("entry.remote"), value: values["remote"] ?? "",
                          control: .select([("", t("risk.choose")), ("no", t("entry.in_person")), ("yes", t("entry.remotely"))])),
            ]
        }
        return fields
    }

    /// The entry's JSON from the form, or the portal's own refusals (what the service cannot
    /// read: a date or minutes that are not one) beside their fields.
    func entryBody(_ form: FormData, personId: String?, language: String) -> (json: String?, errors: FieldErrors) {
        func t(_ key: String) -> String { renderer.text(key, language) }
        var errors = FieldErrors()
        let parts = (form["target"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let planId = parts.first.flatMap(UUID.init(uuidString:))
        let measureId = parts.count > 1 ? UUID(uuidString: parts[1]) : nil
        if planId == nil { errors.add("planId", t("entry.target_required")) }
        let date = (form["workDate"] ?? "").trimmingCharacters(in: .whitespaces)
        if CalendarDate(iso: date) == nil { errors.add("workDate", t("entry.date_invalid")) }
        let minutes = Int((form["minutes"] ?? "").trimmingCharacters(in: .whitespaces))
        if minutes == nil { errors.add("minutes", t("entry.minutes_invalid")) }
        guard let planId, let minutes, !errors.hasErrors else { return (nil, errors) }
        var body: [String: Any] = ["planId": planId.uuidString.lowercased(), "workDate": date, "minutes": minutes]
        if let measureId {
            body["measureId"] = measureId.uuidString.lowercased()
            if let provider = form["providerType"], !provider.isEmpty { body["providerType"] = provider }
            if let subject = form["subject"]?.trimmingCharacters(in: .whitespaces), !subject.isEmpty { body["subject"] = subject }
            if let remote = form["remote"], remote == "yes" || remote == "no" { body["remote"] = remote == "yes" }
        }
        if let personId { body["personId"] = personId }
        return (Self.json(body), errors)
    }

    /// A service refusal of an entry, beside the fields: the measure is chosen in the "what" field.
    func entryRefusal(_ body: Data, language: String) -> FieldErrors {
        var placed = FieldErrors()
        for entry in FieldErrors.problem(body, language: language).placing(unplacedAt: "planId").entries {
            placed.add(entry.anchor == "measureId" || entry.anchor == "form" ? "planId" : entry.anchor, entry.message, severity: entry.severity)
        }
        return placed
    }
}

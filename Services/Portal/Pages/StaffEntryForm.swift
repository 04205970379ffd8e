import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

/// The institution coordinator writes down a staff member's session (or a preparer's own work)
/// on the staff page (seed 000 item 6: the coordinator makes the staff's work records). The
/// entry goes into that person's record for the month, inside their contract; the service
/// decides everything and its refusals appear beside the fields.
extension PortalApp {
    /// The person field's path: the contract form on the same page has its own `personId`.
    static let staffEntryPerson = "entry-person"

    func registerStaffEntries(on router: Router<BasicRequestContext>) {
        router.post("staff/entries", use: posted { request, _, visit, form in
            guard visit.role.role == "institution_coordinator" else { return serviceFailure(request, visit, 403) }
            var (body, errors) = entryBody(form, personId: form["entryPerson"].flatMap(UUID.init(uuidString:))?.uuidString.lowercased(),
                                           language: visit.language)
            if form["entryPerson"].flatMap(UUID.init(uuidString:)) == nil {
                errors.add(Self.staffEntryPerson, renderer.text("staffentry.person_required", visit.language))
                body = nil
            }
            guard let body else { return try await staffPage(request, visit, form: form, errors: errors) }
            let reply = try await services.call(visit.principal, "POST", services.endpoints.timesheets + "/timesheets/entries", json: body,
                                                idempotencyKey: "portal-staff-entry-\(visit.session.id)-\(UUID())")
            guard reply.status == 201 else {
                if Self.serviceBroke(reply.status) { return serviceFailure(request, visit, reply.status) }
                var placed = FieldErrors()
                for entry in entryRefusal(reply.body, language: visit.language).entries {
                    placed.add(entry.anchor == "personId" ? Self.staffEntryPerson : entry.anchor, entry.message, severity: entry.severity)
                }
                return try await staffPage(request, visit, form: form, errors: placed)
            }
            let month = String((form["workDate"] ?? "").trimmingCharacters(in: .whitespaces).prefix(7))
            return Response.redirect(to: "/staff?month=\(month)&notice=staff_entry_saved#worklogs-title", type: .normal)
        })
    }

    /// The form's context for the staff page: only for the coordinator; the staff with a contract
    /// are offered (`contracts` as `GET /timesheets/contracts` lists them; whether the day falls
    /// inside one is the service's to say).
    func staffEntrySection(_ visit: Visit, contracts: [[String: Any]], names: [String: String], form: FormData?,
                           errors: FieldErrors) async throws -> (context: [String: Any], anchors: [String]) {
        guard visit.role.role == "institution_coordinator" else { return ([:], []) }
        let language = visit.language
        let plans = try await recordablePlans(visit) ?? []
        var staff: [String: String] = [:]
        for contract in contracts {
            let id = (contract["personId"] as? String ?? "").lowercased()
            staff[id] = names[id] ?? renderer.text("staff.unknown_person", language)
        }
        let values = form ?? FormData()
        let person = FieldView(path: Self.staffEntryPerson, name: "entryPerson", label: renderer.text("staffentry.person", language),
                               value: values["entryPerson"] ?? "",
                               control: .select([("", renderer.text("risk.choose", language))] + staff.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }))
        let fields = [person] + entryFields(targets: entryTargets(plans, consultations: true, preparerWork: true, language: language),
                                            consultation: true, values: values, language: language)
        return (["staffEntry": ["fields": fields.map { $0.context(errors, prefixes: prefixes(language)) }] as [String: Any]], fields.map(\.anchor))
    }
}

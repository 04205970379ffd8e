import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

extension PortalApp {
    /// What the layout needs for a signed-in person: name, role switcher, form token, language switch.
    func layout(_ visit: Visit, title: String, path: String, notice: String? = nil) -> [String: Any] {
        let language = visit.language
        func label(_ role: SignedInPerson.Role) -> String {
            let name = renderer.text("role.\(role.role)", language)
            return role.placeName.map { "\(name), \($0)" } ?? name
        }
        var page: [String: Any] = [
            "title": title, "formToken": visit.session.formToken, "path": path,
            "person": [
                "name": visit.person.name, "single": visit.person.roles.count == 1, "currentLabel": label(visit.role),
                "roles": visit.person.roles.map { ["assignmentId": $0.assignmentId.uuidString.lowercased(), "label": label($0),
                                                   "current": $0.assignmentId == visit.role.assignmentId] as [String: Any] },
            ] as [String: Any],
        ]
        if let notice { page["notice"] = notice }
        // "My plans" for those who have plans; the others' start page is their own first link.
        if Self.startPage(for: visit.role.role) == nil { page["plansLink"] = true }
        // The staff page (contracts, the month's records) is the coordinator's and the head's.
        if PortalApp.staffKeepers.contains(visit.role.role) { page["staffLink"] = true }
        if PortalApp.emergencyKeepers.contains(visit.role.role) { page["emergencyLink"] = true }
        if PortalApp.approverLevels[visit.role.role] != nil { page["queueLink"] = true }
        else if PortalApp.readsOverview(visit.role.role) { page["overviewLink"] = true }
        // A head's usual substitute finds the delegations they received (and the delegator's queue) there.
        if visit.role.role == "institution_coordinator" { page["delegationsLink"] = true }
        if PortalApp.monthKeepers.contains(visit.role.role) { page["myMonthLink"] = true }
        if PortalApp.statisticsReaders.contains(visit.role.role) { page["statisticsLink"] = true }
        if FinanceRules.keepers.contains(visit.role.role) { page["financeLink"] = true }
        if PortalApp.peopleKeepers.contains(visit.role.role) { page["peopleLink"] = true }
        if PortalApp.directoryKeepers.contains(visit.role.role) { page["directoryLink"] = true }
        if PortalApp.auditKeepers.contains(visit.role.role) { page["auditLink"] = true }
        return page
    }

    /// A notice named in the query (`?notice=saved`) after a redirect; only known keys are shown.
    func notice(_ request: Request, _ language: String) -> String? {
        let known = ["saved": "plan.saved_ok", "submitted": "plan.submitted_ok", "checked": "plan.check_ok", "uploaded": "upload.ok",
                     "consent": "consent.ok", "copied": "plan.copied_ok", "declared": "esf.saved_ok",
                     "report_saved": "report.saved_ok", "report_submitted": "report.submitted_ok", "report_confirmed": "report.confirmed_ok",
                     "contract_saved": "staff.contract_saved", "contract_ended": "staff.contract_ended",
                     "worklog_attest": "staff.worklog_attested", "worklog_approve": "staff.worklog_approved",
                     "worklog_return": "staff.worklog_returned",
                     "emergency_declared": "emergency.declared_ok", "emergency_ended": "emergency.ended_ok",
                     "decision_approve": "decision.approved_ok", "decision_return": "decision.returned_ok",
                     "entry_saved": "month.entry_saved", "entry_withdrawn": "month.entry_withdrawn", "month_submitted": "month.submitted_ok",
                     "staff_entry_saved": "staffentry.saved",
                     "decision_suspend": "approvals.decided_suspend", "decision_resume": "approvals.decided_resume",
                     "decision_review": "approvals.decided_review", "decision_delete": "approvals.decided_delete",
                     "payout_reversed": "finance.payout_reversed_ok", "batch_created": "finance.batch_created_ok", "batch_sent": "finance.batch_sent_ok",
                     "payee_change_confirmed": "finance.payee_change_confirmed_ok",
                     "person_added": "people.added_ok", "role_assigned": "people.assigned_ok", "role_revoked": "people.revoked_ok",
                     "subject_linked": "directory.subject_linked_ok", "place_added": "directory.place_added_ok",
                     "delegation_created": "approvals.delegation_created", "delegation_revoked": "approvals.delegation_revoked_ok"]
        return request.uri.queryParameters["notice"].flatMap { known[String($0)] }.map { renderer.text($0, language) }
    }

    func registerAssets(on router: Router<BasicRequestContext>) {
        router.get("assets/:file") { _, context in
            let name = context.parameters.get("file") ?? ""
            let types = ["portal.css": "text/css; charset=utf-8", "portal.js": "text/javascript; charset=utf-8"]
            guard let type = types[name],
                  let data = FileManager.default.contents(atPath: resourcesDirectory + "/Assets/" + name) else {
                return Response(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}

import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// `/plans`: create, read, list, edit, declare, submit, copy forward, consent.
extension IntakeAPI {
    func registerPlans(on router: Router<AuthenticatedRequestContext>) {
        let plans = router.group("plans").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: DirectoryAssignments(pool: pool)))
        plans.post { request, context in try await createDraft(request, context) }
        plans.get { request, context in
            let principal = try context.requireRole(PlanAccess.readers)
            let filter = try Self.filter(request)
            let page = try Pagination(request)
            let result = try await pool.withTransaction { connection in
                try queries.list(filter, page: page, for: principal, correlationId: RequestCorrelation.id(of: request), on: connection)
            }
            return try JSONResponse.make(.ok, result)
        }
        plans.get(":planId") { request, context in
            let principal = try context.requireRole(PlanAccess.readers)
            let id = try context.parameters.requireUUID("planId")
            let view = try await pool.withTransaction { connection in
                try queries.view(planId: id, for: principal, correlationId: RequestCorrelation.id(of: request), on: connection)
            }
            return try JSONResponse.make(.ok, view)
        }
        plans.put(":planId/content") { request, context in
            let actor = try context.requireRole(PlanAccess.authors)
            let id = try context.parameters.requireUUID("planId")
            let content = try await BoundedBody.decode(PlanContent.self, from: request, limit: limits.jsonBody)
            let view = try await pool.withTransaction { connection in
                let record = try editing.replaceContent(content, planId: id, actor: actor, correlationId: RequestCorrelation.id(of: request),
                                                        on: connection)
                return try queries.view(of: record, on: connection)
            }
            return try JSONResponse.make(.ok, view)
        }
        plans.put(":planId/esf-declarations") { request, context in
            let actor = try context.requireRole(PlanAccess.authors)
            let id = try context.parameters.requireUUID("planId")
            let input = try await BoundedBody.decode(ESFDeclarations.self, from: request, limit: limits.jsonBody)
            let view = try await pool.withTransaction { connection in
                let record = try editing.replaceDeclarations(input, planId: id, actor: actor,
                                                             correlationId: RequestCorrelation.id(of: request), on: connection)
                return try queries.view(of: record, on: connection)
            }
            return try JSONResponse.make(.ok, view)
        }
        plans.post(":planId/submit") { request, context in
            let actor = try context.requireRole(PlanAccess.submitters)
            let id = try context.parameters.requireUUID("planId")
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            try StrictJSON.requireEmptyObject(body)
            do {
                return try await idempotent.perform(request, actor: actor.personId, route: "POST /plans/\(id)/submit", body: body) { connection in
                    let record = try submission.submit(planId: id, actor: actor, outbox: outbox(request), on: connection)
                    return try StoredResponse(status: .accepted, json: try queries.view(of: record, on: connection))
                }
            } catch let refused as PlanSubmission.Refused {
                throw IntakeProblems.submissionRefused(refused.findings)
            }
        }
        // The findings a submission would meet, written nowhere (a read: audited like one).
        plans.post(":planId/check") { request, context in
            let actor = try context.requireRole(PlanAccess.authors)
            let id = try context.parameters.requireUUID("planId")
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            try StrictJSON.requireEmptyObject(body)
            let findings = try await pool.withTransaction { connection in
                try Audit.record(actor: actor, action: "plan.check", subject: "plan:\(id.lowercased)",
                                 correlationId: RequestCorrelation.id(of: request), on: connection)
                return try submission.check(planId: id, actor: actor, on: connection)
            }
            return try JSONResponse.make(.ok, PlanCheckView(findings: findings.map(FindingView.init), submittable: !findings.hasErrors))
        }
        plans.post(":planId/copy-forward") { request, context in
            let actor = try context.requireRole(PlanAccess.authors)
            let id = try context.parameters.requireUUID("planId")
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(CopyForwardRequest.self, from: body)
            guard let semester = SemesterRef(code: input.semester) else { throw IntakeProblems.semesterFormat }
            do {
                return try await idempotent.perform(request, actor: actor.personId, route: "POST /plans/\(id)/copy-forward", body: body) { connection in
                    let source = try PlanAccess.load(id, for: actor, on: connection)
                    let draft = try drafts.copyForward(source, to: semester, actor: actor, correlationId: RequestCorrelation.id(of: request),
                                                       on: connection)
                    let view = try queries.view(of: try PlanAccess.load(draft.id, for: actor, on: connection), on: connection)
                    return try StoredResponse(status: .created, json: view, location: "/plans/\(draft.id.lowercased)")
                }
            } catch PlanDraftError.duplicate(let existing) {
                throw IntakeProblems.duplicate(existing: existing.lowercased)
            }
        }
        plans.put(":planId/consent") { request, context in
            let actor = try context.requireRole(PlanAccess.documentKeepers)
            let id = try context.parameters.requireUUID("planId")
            let input = try await BoundedBody.decode(ConsentInput.self, from: request, limit: limits.jsonBody)
            let today = try requireToday()
            let view = try await pool.withTransaction { connection in
                try consents.record(input, planId: id, actor: actor, today: today, outbox: outbox(request), on: connection)
            }
            return try JSONResponse.make(.ok, view)
        }
        plans.post(":planId/consent/revoke") { request, context in
            let actor = try context.requireRole(PlanAccess.documentKeepers)
            let id = try context.parameters.requireUUID("planId")
            let body = try await BoundedBody.read(request, limit: limits.jsonBody)
            let input = try StrictJSON.decode(ConsentRevocation.self, from: body)
            return try await idempotent.perform(request, actor: actor.personId, route: "POST /plans/\(id)/consent/revoke", body: body) { connection in
                try StoredResponse(status: .ok, json: try consents.revoke(input, planId: id, actor: actor, outbox: outbox(request), on: connection))
            }
        }
    }

    /// `POST /plans` `{institutionId, personalCode, semester[, birthDate]}` → 201 with the draft (no personal code).
    func createDraft(_ request: Request, _ context: AuthenticatedRequestContext) async throws -> Response {
        let principal = try context.requireRole(PlanAccess.authors)
        let body = try await BoundedBody.read(request, limit: limits.jsonBody)
        let input = try StrictJSON.decode(CreatePlanRequest.self, from: body, personalCodeFields: ["personalCode"])
        guard principal.scope == .institution(input.institutionId) else { throw IntakeProblems.outOfScope }
        guard let semester = SemesterRef(code: input.semester) else { throw IntakeProblems.semesterFormat }
        let today = try requireToday()
        let code: PersonalCode
        do {
            code = try PersonalCode.parse(input.personalCode, today: today)
        } catch {
            throw IntakeProblems.personalCode(error)
        }
        if let birthDate = input.birthDate, birthDate > today || (code.birthDate.map { $0 != birthDate } ?? false) {
            throw CommonProblems.invalidField("birthDate", "student.birth_date", lv: "Dzimšanas datums neatbilst vai ir nākotnē.",
                                              en: "The birth date does not match or is in the future.")
        }
        let correlationId = RequestCorrelation.id(of: request)
        do {
            return try await idempotent.perform(request, actor: principal.personId, route: "POST /plans", body: body) { connection in
                guard try store.institution(input.institutionId, on: connection) != nil else {
                    throw CommonProblems.invalidField("institutionId", "institution.unknown", lv: "Iestāde nav reģistrēta.",
                                                      en: "The institution is not registered.")
                }
                let draft = try drafts.create(institutionId: input.institutionId, personalCode: code, semester: semester,
                                              actor: principal, correlationId: correlationId, birthDate: input.birthDate, on: connection)
                let view = try queries.view(of: try PlanAccess.load(draft.id, for: principal, on: connection), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/plans/\(draft.id.lowercased)")
            }
        } catch PlanDraftError.duplicate(let existing) {
            throw IntakeProblems.duplicate(existing: existing.lowercased)
        }
    }

    /// `semester`, `status`, `institutionId`, `risk`, `sort` query parameters.
    static func filter(_ request: Request) throws -> PlanFilter {
        let query = request.uri.queryParameters
        var filter = PlanFilter()
        if let text = query["semester"] {
            guard let semester = SemesterRef(code: String(text)) else { throw IntakeProblems.semesterFormat }
            filter.semester = semester
        }
        if let text = query["status"] {
            guard let status = PlanState(rawValue: String(text)) else {
                throw CommonProblems.invalidField("status", "plan.status_unknown", lv: "Nezināms statuss.", en: "Unknown status.")
            }
            filter.status = status
        }
        if let text = query["institutionId"] {
            guard let id = UUID(uuidString: String(text)) else {
                throw CommonProblems.invalidField("institutionId", "request.uuid", lv: "Nederīgs identifikators.", en: "Invalid id.")
            }
            filter.institutionId = id
        }
        if let text = query["risk"] {
            guard let risk = RiskCode(rawValue: String(text)) else {
                throw CommonProblems.invalidField("risk", "risk.code_unknown", lv: "Nezināms riska kods.", en: "Unknown risk code.")
            }
            filter.risk = risk
        }
        if let text = query["sort"] {
            guard let sort = PlanSort(rawValue: String(text)) else {
                throw CommonProblems.invalidField("sort", "plan.sort_unknown", lv: "Kārtot: updated, student, semester vai status.",
                                                  en: "Sort: updated, student, semester or status.")
            }
            filter.sort = sort
        }
        return filter
    }
}

/// `POST /plans/{id}/check`: the findings, and whether they allow submitting.
struct PlanCheckView: Codable, Sendable {
    var findings: [FindingView]
    var submittable: Bool
}

import Auth
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// Bodies of the decision commands.
struct CommentBody: Codable, Sendable {
    var comment: String?
    /// Acting for this delegator (a delegation valid today is required).
    var actingFor: UUID?
}

/// `POST /approvals/bulk-approve`.
struct BulkApproveBody: Codable, Sendable {
    var planIds: [UUID]
    var comment: String?
    var actingFor: UUID?
}

/// One plan's outcome in a bulk approval.
struct BulkResult: Codable, Sendable {
    var planId: UUID
    var outcome: String
    var state: String?
    var rule: String?
    var message: String?
    var messageEn: String?
}

/// A plan's summary for an approver, with its decisions so far.
struct PlanSummary: Codable, Sendable {
    var plan: QueueItem
    var measures: [PlannedMeasureSummary]
    var decisions: [DecisionView]
    /// Money paid on the plan so far (the preparer's pay included): a plan is deleted only while this is 0.
    var amountPaidCents: Int64
}

/// A measure as approvers see it.
struct PlannedMeasureSummary: Codable, Sendable {
    var measureId: UUID
    var type: String
    var providers: [String]
    var plannedMinutes: Int?
    var monthlyAmountCents: Int64?
    var semesterAmountCents: Int64?
    var riskCodes: [String]
}

/// One decision as stored.
struct DecisionView: Codable, Sendable {
    var command: String
    var from: String
    var to: String
    var decidedBy: UUID
    var role: String
    var actingFor: UUID?
    /// The names, from the directory copy (staff, never the student), so a page can say who decided.
    var decidedByName: String?
    var actingForName: String?
    var comment: String?
    var at: String
}

/// The approvers' HTTP API: work queue, plan summary, decisions (single and bulk), lifecycle
/// commands and delegations. Every route but `/openapi.yaml` needs a token; plans outside the
/// caller's scope are 404.
public struct ApprovalAPI: Sendable {
    let pool: PostgresPool
    let producer: String
    let verifier: TokenVerifier
    let decisions: ApprovalDecisions
    let emergencies: Emergencies
    let delegations = Delegations()
    let queue = WorkQueue()
    let idempotent: IdempotentRequests
    let today: @Sendable () -> CalendarDate?
    let jsonLimit = 64 * 1024

    /// Creates the API.
    public init(pool: PostgresPool, producer: String, verifier: TokenVerifier, settings: ProgrammeSettings,
                today: @escaping @Sendable () -> CalendarDate?) {
        self.pool = pool
        self.producer = producer
        self.verifier = verifier
        self.today = today
        self.decisions = ApprovalDecisions(today: today, settings: settings)
        self.emergencies = Emergencies(settings: settings, today: today)
        self.idempotent = IdempotentRequests(pool: pool)
    }

    /// Adds the routes.
    public func register(on router: Router<AuthenticatedRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: ApprovalOpenAPI.yaml)))
        }
        let approvals = router.group("approvals").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool)))
        AuditLog.reads.register(on: router.group("audit").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool))),
                                pool: pool)
        approvals.get("queue") { request, context in
            let principal = try await queueRights(context, request, roles: [.institutionHead, .municipalityCoordinator, .ikvdExpert])
            let filter = try Self.filter(request)
            let page = try Pagination(request)
            let result = try await pool.withConnection { try queue.page(for: principal, filter: filter, page: page, on: $0) }
            return try JSONResponse.make(.ok, result)
        }
        approvals.get("queue/counts") { request, context in
            let principal = try await queueRights(context, request, roles: [.institutionHead, .municipalityCoordinator, .ikvdExpert, .vpiiCoordinator])
            let filter = try Self.filter(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try queue.counts(for: principal, filter: filter, on: $0) })
        }
        approvals.get("plans/:planId") { request, context in
            let principal = try context.requireRole([.institutionHead, .municipalityCoordinator, .ikvdExpert, .preparer, .institutionCoordinator])
            let id = try context.parameters.requireUUID("planId")
            return try JSONResponse.make(.ok, try await pool.withConnection {
                let read = try summary(id, for: principal, on: $0)
                try ReadAudit.record(principal, action: "approval.summary_read", subject: "plan:\(id.uuidString.lowercased())", planId: id,
                                     request: request, on: $0)
                return read
            })
        }
        for (path, roles, make) in Self.commands {
            approvals.post("plans/:planId/\(path)") { request, context in
                // Anyone may call; the rights used (their own, or a delegator's) must hold one of `roles`.
                let principal = try context.requirePrincipal()
                let id = try context.parameters.requireUUID("planId")
                let body = try await BoundedBody.read(request, limit: jsonLimit)
                let input = body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) ? CommentBody() : try StrictJSON.decode(CommentBody.self, from: body)
                // With Idempotency-Key, a retried decision gets its own stored answer instead of 409.
                return try await idempotent.perform(request, actor: principal.personId, route: "POST /approvals/plans/\(id)/\(path)",
                                                    body: body) { connection in
                    let decider = try decider(principal, actingFor: input.actingFor, on: connection)
                    guard roles.contains(decider.rights.role) else { throw ApprovalProblems.roleNotAllowed }
                    let decision = try make(try Self.limited(input.comment))
                    return try StoredResponse(status: .ok, json: try decisions.decide(decision, planId: id, by: decider, outbox: outbox(request),
                                                                                      on: connection))
                }
            }
        }
        approvals.post("bulk-approve") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await BoundedBody.decode(BulkApproveBody.self, from: request, limit: jsonLimit)
            guard (1...200).contains(input.planIds.count), Set(input.planIds).count == input.planIds.count else {
                throw CommonProblems.invalidField("planIds", "bulk.size", lv: "Vienā reizē 1–200 dažādi plāni.", en: "1–200 distinct plans at a time.")
            }
            let comment = try Self.limited(input.comment)
            // The rights are checked once, before any plan: a caller who may not approve gets 403, not a list of refusals.
            let rights = try await pool.withConnection { try decider(principal, actingFor: input.actingFor, on: $0) }
            guard WorkQueue.level(for: rights.rights.role) != nil else { throw ApprovalProblems.roleNotAllowed }
            var results: [BulkResult] = []
            for id in input.planIds {
                do {
                    let result = try await pool.withTransaction { connection in
                        let decider = try decider(principal, actingFor: input.actingFor, on: connection)
                        return try decisions.decide(.approve(comment: comment), planId: id, by: decider, outbox: outbox(request), on: connection)
                    }
                    // Each plan is its own transaction: what is reported here is committed.
                    results.append(BulkResult(planId: id, outcome: result.state == "approved" ? "approved" : "advanced", state: result.state))
                } catch let problem as ProblemDetails {
                    let error = problem.errors?.first
                    let state = try? await pool.withConnection { try ApprovalPlan.find(id, on: $0)?.state.rawValue }
                    results.append(BulkResult(planId: id, outcome: problem.statusCode == 404 ? "not_found" : "refused",
                                              state: problem.statusCode == 404 ? nil : state ?? nil,
                                              rule: error?.rule, message: error?.message ?? problem.title, messageEn: error?.messageEn))
                } catch {
                    results.append(BulkResult(planId: id, outcome: "error", rule: "server.unavailable",
                                              message: "Neizdevās; mēģiniet vēlreiz.", messageEn: "Failed; try again."))
                }
            }
            return try JSONResponse.make(.ok, ["results": results])
        }
        registerEmergencies(on: approvals)
        approvals.post("delegations") { request, context in
            let principal = try context.requireRole(Delegations.delegable)
            let input = try await BoundedBody.decode(NewDelegation.self, from: request, limit: jsonLimit)
            let view = try await pool.withTransaction { try delegations.create(input, by: principal, on: $0) }
            return try JSONResponse.make(.created, view, headers: [.location: "/approvals/delegations/\(view.id.uuidString.lowercased())"])
        }
        approvals.get("delegations") { _, context in
            let principal = try context.requirePrincipal()
            return try JSONResponse.make(.ok, try await pool.withConnection { try delegations.list(for: principal.personId, on: $0) })
        }
        approvals.post("delegations/:delegationId/revoke") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.requireUUID("delegationId")
            try StrictJSON.requireEmptyObject(try await BoundedBody.read(request, limit: jsonLimit))
            return try JSONResponse.make(.ok, try await pool.withTransaction { try delegations.revoke(id, by: principal.personId, on: $0) })
        }
    }

    /// The decision commands: path, who may call, and how the body's comment becomes the command.
    static let commands: [(String, Set<Role>, @Sendable (String?) throws -> Decision)] = [
        ("approve", [.institutionHead, .municipalityCoordinator, .ikvdExpert], { .approve(comment: $0) }),
        ("return", [.institutionHead, .municipalityCoordinator, .ikvdExpert], { .returnForRevision(comment: try required($0, "comment")) }),
        ("suspend", [.preparer, .institutionHead], { .suspend(reason: try required($0, "comment")) }),
        ("resume", [.preparer, .institutionHead], { .resume(comment: $0) }),
        ("review", [.preparer, .institutionHead], { .requestReview(comment: $0) }),
        ("delete", [.preparer, .institutionHead], { .delete(reason: $0) }),
    ]

    /// Comments are kept with the decision: at most 4,000 characters.
    static func limited(_ text: String?) throws(ProblemDetails) -> String? {
        guard let text, text.count > 4000 else { return text }
        throw CommonProblems.invalidField("comment", "decision.comment_too_long", lv: "Komentārs ir garāks par 4000 rakstzīmēm.",
                                          en: "The comment is longer than 4,000 characters.")
    }

    static func required(_ text: String?, _ field: String) throws(ProblemDetails) -> String {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= 4000 else {
            throw CommonProblems.invalidField(field, "decision.comment_required", lv: "Komentārs ir obligāts: norādiet, kas jālabo vai kāpēc.",
                                              en: "A comment is required: say what to fix or why.")
        }
        return text
    }

    /// Whose queue the caller reads: their own (one of `roles`), or with `?actingFor=<person>` the
    /// delegator's, while a delegation to the caller is in force (a delegate sees what they may decide).
    func queueRights(_ context: AuthenticatedRequestContext, _ request: Request, roles: Set<Role>) async throws -> Principal {
        guard let text = request.uri.queryParameters["actingFor"] else { return try context.requireRole(roles) }
        let principal = try context.requirePrincipal()
        guard let delegator = UUID(uuidString: String(text)) else {
            throw CommonProblems.invalidField("actingFor", "request.uuid", lv: "Nederīgs identifikators.", en: "Invalid id.")
        }
        return try await pool.withConnection { try decider(principal, actingFor: delegator, on: $0) }.rights
    }

    /// The rights the caller decides with: their own, or a delegator's when acting for them.
    func decider(_ principal: Principal, actingFor: UUID?, on connection: PostgresConnection) throws -> Decider {
        guard let delegator = actingFor ?? principal.actingFor, delegator != principal.personId else {
            return Decider(personId: principal.personId, rights: principal, actingFor: nil)
        }
        guard let today = today() else { throw CommonProblems.clockUnavailable }
        guard let rights = try delegations.rights(of: delegator, for: principal, on: today, connection: connection) else {
            throw ProblemDetails(status: .forbidden, type: "urn:pumpurs:problem:no-delegation",
                                 title: "Nav deleģējuma / No delegation",
                                 errors: [.init(field: "actingFor", rule: "delegation.not_valid",
                                                message: "Šodien jums nav deleģējuma rīkoties šīs personas vārdā.",
                                                messageEn: "You hold no delegation to act for this person today.")])
        }
        return Decider(personId: principal.personId, rights: rights, actingFor: delegator)
    }

    func summary(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> PlanSummary {
        guard let plan = try ApprovalPlan.find(id, on: connection),
              let institution = try DirectoryReplica.institution(plan.institutionId, on: connection),
              principal.covers(institution: institution.scopeFacts) else {
            throw CommonProblems.notFound("Plāns / Plan")
        }
        let decisions = try connection.query("""
            SELECT d.command, d.from_state, d.to_state, d.decided_by, d.role, d.acting_for, d.comment, d.at,
                   decider.name AS decided_by_name, delegator.name AS acting_for_name
            FROM decisions d LEFT JOIN replica_people decider ON decider.id = d.decided_by
                LEFT JOIN replica_people delegator ON delegator.id = d.acting_for
            WHERE d.plan_id = $1 ORDER BY d.id
            """, [id]).map { row in
                DecisionView(command: try row.decode("command"), from: try row.decode("from_state"), to: try row.decode("to_state"),
                             decidedBy: try row.decode("decided_by"), role: try row.decode("role"), actingFor: try row.decode("acting_for"),
                             decidedByName: try row.decode("decided_by_name"), actingForName: try row.decode("acting_for_name"),
                             comment: try row.decode("comment"), at: Timestamp.format(try row.decode("at", as: Date.self)))
            }
        let item = QueueItem(planId: plan.planId, revision: plan.revision, institutionId: plan.institutionId, institutionName: institution.name,
                             municipalityId: institution.municipalityId, studentCode: plan.studentCode, semester: plan.semester,
                             state: plan.state.rawValue, level: plan.state.awaitedLevel?.rawValue ?? "",
                             waitingSince: plan.awaitingSince.map(Timestamp.format),
                             waitingDays: plan.awaitingSince.map { Int(Date().timeIntervalSince($0) / 86400) } ?? 0,
                             riskCodes: plan.riskCodes, warnings: plan.warnings, consentOnFile: plan.consentOnFile, version: plan.version,
                             overdue: nil)
        return PlanSummary(plan: item, measures: plan.measures.map {
            PlannedMeasureSummary(measureId: $0.measureId, type: $0.type, providers: $0.providers, plannedMinutes: $0.plannedMinutes,
                                  monthlyAmountCents: $0.monthlyAmountCents, semesterAmountCents: $0.semesterAmountCents, riskCodes: $0.riskCodes)
        }, decisions: decisions, amountPaidCents: plan.amountPaid.value)
    }

    func outbox(_ request: Request) -> OutboxWriter {
        OutboxWriter(producer: producer, correlationId: RequestCorrelation.id(of: request))
    }

    static func filter(_ request: Request) throws -> QueueFilter {
        let query = request.uri.queryParameters
        var filter = QueueFilter()
        func uuid(_ name: String) throws -> UUID? {
            guard let text = query[Substring(name)] else { return nil }
            guard let id = UUID(uuidString: String(text)) else {
                throw CommonProblems.invalidField(name, "request.uuid", lv: "Nederīgs identifikators.", en: "Invalid id.")
            }
            return id
        }
        filter.institutionId = try uuid("institutionId")
        filter.municipalityId = try uuid("municipalityId")
        if let text = query["semester"] {
            guard let semester = SemesterRef(code: String(text)) else {
                throw CommonProblems.invalidField("semester", "semester.format", lv: "Semestris jānorāda kā 2026/2027-1.",
                                                  en: "Give the semester as 2026/2027-1.")
            }
            filter.semester = semester.code
        }
        if let text = query["warnings"] {
            guard String(text) == "true" || String(text) == "false" else {
                throw CommonProblems.invalidField("warnings", "request.boolean", lv: "true vai false.", en: "true or false.")
            }
            filter.withWarnings = String(text) == "true"
        }
        if let text = query["riskCode"] {
            guard RiskCode(rawValue: String(text)) != nil else {
                throw CommonProblems.invalidField("riskCode", "request.risk_code", lv: "Nezināms riska kods.", en: "Unknown risk code.")
            }
            filter.riskCode = String(text)
        }
        if let text = query["measureType"] {
            guard MeasureType(rawValue: String(text)) != nil else {
                throw CommonProblems.invalidField("measureType", "request.measure_type", lv: "Nezināms atbalsta pasākuma veids.", en: "Unknown measure type.")
            }
            filter.measureType = String(text)
        }
        if let text = query["minWaitingDays"] {
            guard let days = Int(String(text)), (0...3650).contains(days) else {
                throw CommonProblems.invalidField("minWaitingDays", "request.waiting_days", lv: "Dienu skaits: 0–3650.", en: "Days: 0–3650.")
            }
            filter.minWaitingDays = days
        }
        return filter
    }
}

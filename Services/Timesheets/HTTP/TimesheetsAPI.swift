import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// Body of the work-record commands: an optional comment (required to return) and, optionally,
/// the version the caller saw (a record changed since is 409 instead of a decision on unseen data).
struct DecisionBody: Codable, Sendable {
    var comment: String?
    var version: Int?
}

/// The timesheets HTTP API: plans open for recording, entries, and monthly work records with
/// their submit / approve / return commands. Every route but `/openapi.yaml` needs a token;
/// records and entries outside the caller's sight are 404.
public struct TimesheetsAPI: Sendable {
    let pool: PostgresPool
    let producer: String
    let verifier: TokenVerifier
    let settings: ProgrammeSettings
    let today: @Sendable () -> CalendarDate?
    let idempotent: IdempotentRequests
    let jsonLimit = 16 * 1024

    /// Creates the API.
    public init(pool: PostgresPool, producer: String, verifier: TokenVerifier, settings: ProgrammeSettings,
                today: @escaping @Sendable () -> CalendarDate?) {
        self.pool = pool
        self.producer = producer
        self.verifier = verifier
        self.settings = settings
        self.today = today
        self.idempotent = IdempotentRequests(pool: pool)
    }

    /// The work-record commands: path and how the body's comment becomes the command.
    static let commands: [(String, @Sendable (String?) throws -> WorkLogCommand)] = [
        ("submit", { _ in .submit }),
        ("attest", { _ in .attest }),
        ("approve", { _ in .approve }),
        ("return", { .returnForCorrection(comment: try required($0)) }),
    ]

    /// Adds the routes.
    public func register(on router: Router<AuthenticatedRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: TimesheetsOpenAPI.yaml)))
        }
        let timesheets = router.group("timesheets").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool)))
        AuditLog.reads.register(on: router.group("audit").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool))),
                                pool: pool)
        let plans = RecordablePlans(settings: settings)
        let recorder = EntryRecorder(settings: settings)
        let queries = WorkLogQueries(settings: settings)
        let decisions = WorkLogDecisions()
        registerContracts(on: timesheets)

        timesheets.get("plans") { request, context in
            let principal = try context.requireRole([.specialist, .preparer, .institutionCoordinator, .institutionHead])
            guard case .institution(let institution) = principal.scope else { throw AuthProblem(.roleNotAllowed) }
            let semester = try Self.semester(request)
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection {
                try plans.page(institution: institution, semester: semester, page: page, on: $0)
            })
        }
        timesheets.post("entries") { request, context in
            let principal = try context.requireRole(WorkLogAccess.recorders.union([.institutionCoordinator]))
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            let input = try StrictJSON.decode(NewEntry.self, from: body)
            guard let role = EntryRole.of(input, by: principal.role) else { throw AuthProblem(.roleNotAllowed) }
            guard let today = today() else { throw CommonProblems.clockUnavailable }
            let outbox = OutboxWriter(producer: producer, correlationId: RequestCorrelation.id(of: request))
            // With Idempotency-Key a retried entry gets its stored answer instead of a second entry.
            return try await idempotent.perform(request, actor: principal.personId, route: "POST /timesheets/entries", body: body) { connection in
                let recorded = try recorder.record(input, as: role, by: principal, today: today, outbox: outbox, on: connection)
                return try StoredResponse(status: .created, json: recorded,
                                          location: "/timesheets/entries/\(recorded.entry.id.uuidString.lowercased())")
            }
        }
        timesheets.get("entries/:entryId") { request, context in
            let principal = try context.requireRole(WorkLogAccess.readers)
            let id = try context.parameters.requireUUID("entryId")
            return try JSONResponse.make(.ok, try await pool.withConnection {
                let entry = try queries.entry(id, for: principal, on: $0)
                try ReadAudit.record(principal, action: "entry.read", subject: "entry:\(id.uuidString.lowercased())", planId: entry.planId,
                                     request: request, on: $0)
                return entry
            })
        }
        timesheets.post("entries/:entryId/withdraw") { request, context in
            let principal = try context.requireRole(WorkLogAccess.recorders)
            let id = try context.parameters.requireUUID("entryId")
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            try StrictJSON.requireEmptyObject(body)
            return try await idempotent.perform(request, actor: principal.personId, route: "POST /timesheets/entries/\(id)/withdraw",
                                                body: body) { connection in
                try StoredResponse(status: .ok, json: try recorder.withdraw(id, by: principal, on: connection))
            }
        }
        timesheets.get("worklogs") { request, context in
            let principal = try context.requireRole(WorkLogAccess.readers)
            let filter = try Self.filter(request)
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection {
                let listed = try queries.page(for: principal, filter: filter, page: page, on: $0)
                try ReadAudit.record(principal, action: "worklog.list", subject: "worklogs", planId: nil, request: request, on: $0)
                return listed
            })
        }
        timesheets.get("worklogs/:workLogId") { request, context in
            let principal = try context.requireRole(WorkLogAccess.readers)
            let id = try context.parameters.requireUUID("workLogId")
            return try JSONResponse.make(.ok, try await pool.withConnection { connection in
                let detail = try queries.detail(id, for: principal, on: connection)
                // One row per plan the record covers, so the audit can be searched by plan.
                let plans = Set(detail.entries.map(\.planId)).sorted { $0.uuidString < $1.uuidString }
                for planId in plans.isEmpty ? [nil] : plans.map(Optional.some) {
                    try ReadAudit.record(principal, action: "worklog.read", subject: "worklog:\(id.uuidString.lowercased())", planId: planId,
                                         request: request, on: connection)
                }
                return detail
            })
        }
        for (path, make) in Self.commands {
            timesheets.post("worklogs/:workLogId/\(path)") { request, context in
                let principal = try context.requireRole(WorkLogAccess.readers)
                let id = try context.parameters.requireUUID("workLogId")
                let body = try await BoundedBody.read(request, limit: jsonLimit)
                let input = body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) ? DecisionBody() : try StrictJSON.decode(DecisionBody.self, from: body)
                let command = try make(try Self.limited(input.comment))
                let outbox = OutboxWriter(producer: producer, correlationId: RequestCorrelation.id(of: request))
                return try await idempotent.perform(request, actor: principal.personId, route: "POST /timesheets/worklogs/\(id)/\(path)",
                                                    body: body) { connection in
                    try StoredResponse(status: .ok, json: try decisions.decide(command, workLogId: id, expectedVersion: input.version,
                                                                               by: principal, outbox: outbox, on: connection))
                }
            }
        }
    }

    /// Comments are kept with the transition: at most 4,000 characters.
    static func limited(_ text: String?) throws(Refusal) -> String? {
        guard let text, text.count > 4000 else { return text }
        throw Refusal.invalid("comment", "worklog.comment_too_long", lv: "Komentārs ir garāks par 4000 rakstzīmēm.",
                              en: "The comment is longer than 4,000 characters.")
    }

    /// Returning needs a comment saying what to fix.
    static func required(_ text: String?) throws(Refusal) -> String {
        guard let text, !text.allSatisfy(\.isWhitespace) else {
            throw Refusal.invalid("comment", "worklog.comment_required", lv: "Komentārs ir obligāts: norādiet, kas jālabo.",
                                  en: "A comment is required: say what to fix.")
        }
        return text
    }

    static func semester(_ request: Request) throws(Refusal) -> SemesterRef? {
        guard let text = request.uri.queryParameters["semester"] else { return nil }
        guard let semester = SemesterRef(code: String(text)) else {
            throw Refusal.invalid("semester", "semester.format", lv: "Semestris jānorāda kā 2022/2023-1.", en: "Give the semester as 2022/2023-1.")
        }
        return semester
    }

    static func filter(_ request: Request) throws(Refusal) -> WorkLogFilter {
        let query = request.uri.queryParameters
        var filter = WorkLogFilter()
        if let text = query["month"] {
            guard let month = WorkMonth(text: String(text)) else {
                throw Refusal.invalid("month", "worklog.month_format", lv: "Mēnesis jānorāda kā 2022-10.", en: "Give the month as 2022-10.")
            }
            filter.month = month
        }
        if let text = query["state"] {
            guard let state = WorkLogState(rawValue: String(text)) else {
                throw Refusal.invalid("state", "worklog.state", lv: "Statuss: open, submitted, approved vai returned.",
                                      en: "State: open, submitted, approved or returned.")
            }
            filter.state = state
        }
        if let text = query["personId"] {
            guard let id = UUID(uuidString: String(text)) else {
                throw Refusal.invalid("personId", "request.uuid", lv: "Nederīgs identifikators.", en: "Invalid id.")
            }
            filter.personId = id
        }
        return filter
    }
}

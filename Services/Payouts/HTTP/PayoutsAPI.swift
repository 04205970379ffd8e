import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// The payouts HTTP API. Institution staff upload receipts, claim expenses and register staff
/// bank details (`/payouts/…`); finance lists payouts, makes batches, exports them and reads
/// the ledger (`/finance/…`). Every route but `/openapi.yaml` needs a token.
public struct PayoutsAPI: Sendable {
    let pool: PostgresPool
    let producer: String
    let verifier: TokenVerifier
    let claims: ExpenseClaims
    let finance: FinanceBooks
    let idempotent: IdempotentRequests
    let staffPayees: StaffPayees
    let payeeChanges: StaffPayeeChanges
    let today: @Sendable () -> CalendarDate?
    let jsonLimit = 64 * 1024
    /// The youth-project conditions (the seeds' values).
    let youthTerms = YouthProjectTerms.seed

    static let financeRoles: Set<Role> = [.finance, .ikvdAdmin]
    static let staffRoles: Set<Role> = [.preparer, .institutionCoordinator, .institutionHead, .municipalityCoordinator,
                                        .vpiiCoordinator, .ikvdAdmin, .ikvdExpert, .finance]

    public init(pool: PostgresPool, producer: String, verifier: TokenVerifier, settings: ProgrammeSettings,
                debtor: ExportDebtor, payeeChangeWait: Duration = .seconds(PayeeChangeWait.defaultSeconds),
                today: @escaping @Sendable () -> CalendarDate?) {
        let book = PayoutBook(payeeChangeWait: payeeChangeWait)
        self.pool = pool
        self.producer = producer
        self.verifier = verifier
        self.claims = ExpenseClaims(settings: settings, today: today, book: book)
        self.staffPayees = StaffPayees(book: book)
        self.payeeChanges = StaffPayeeChanges(payees: StaffPayees(book: book))
        self.finance = FinanceBooks(debtor: debtor)
        self.idempotent = IdempotentRequests(pool: pool)
        self.today = today
    }

    public func register(on router: Router<AuthenticatedRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: PayoutsOpenAPI.yaml)))
        }
        let staff = router.group("payouts").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool)))
        registerStaffRoutes(staff)
        registerYouthRoutes(staff)
        registerFinanceRoutes(router.group("finance").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool))))
        AuditLog.reads.register(on: router.group("audit").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool))), pool: pool)
    }

    private func registerStaffRoutes(_ group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("receipts") { request, context in
            let principal = try context.requireRole([.preparer, .institutionCoordinator])
            let bytes = try await BoundedBody.read(request, limit: Receipts.maxBytes)
            let view = try await pool.withTransaction {
                try Receipts().upload(bytes, declaredType: MediaSniffer.declared(request.headers[.contentType]), by: principal, on: $0)
            }
            return try JSONResponse.make(.created, view, headers: [.location: "/payouts/receipts/\(view.id.uuidString.lowercased())"])
        }
        group.get("receipts/:receiptId") { request, context in
            let principal = try context.requireRole(Self.staffRoles)
            let id = try context.parameters.requireUUID("receiptId")
            let (mediaType, bytes) = try await pool.withConnection {
                let receipt = try Receipts().download(id, for: principal, on: $0)
                try ReadAudit.record(principal, action: "receipt.read", subject: "receipt:\(id.uuidString.lowercased())", planId: nil,
                                     request: request, on: $0)
                return receipt
            }
            var headers: HTTPFields = [.contentType: mediaType, .contentDisposition: "attachment", .cacheControl: "no-store"]
            if let nosniff = HTTPField.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        group.post("claims") { request, context in
            let principal = try context.requireRole([.preparer, .institutionCoordinator])
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            let input = try StrictJSON.decode(ExpenseClaims.Input.self, from: body)
            // With Idempotency-Key a retried claim gets its first answer; without, the receipt is the guard.
            return try await idempotent.perform(request, actor: principal.personId, route: "POST /payouts/claims", body: body) { connection in
                let view = try claims.submit(input, by: principal, outbox: outbox(request), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/payouts/claims/\(view.id.uuidString.lowercased())")
            }
        }
        group.get("claims") { request, context in
            let principal = try context.requireRole(Self.staffRoles)
            guard let text = request.uri.queryParameters["planId"], let planId = UUID(uuidString: String(text)) else {
                throw CommonProblems.invalidField("planId", "request.uuid", lv: "Norādiet plāna identifikatoru (planId).",
                                                  en: "Give the plan's id (planId).")
            }
            return try JSONResponse.make(.ok, ["items": try await pool.withConnection { try claims.list(planId: planId, for: principal, on: $0) }])
        }
        group.get("claims/:claimId") { _, context in
            let principal = try context.requireRole(Self.staffRoles)
            let id = try context.parameters.requireUUID("claimId")
            return try JSONResponse.make(.ok, try await pool.withConnection { try claims.view(id, for: principal, on: $0) })
        }
        group.put("payees/staff/:personId") { request, context in
            let principal = try context.requirePrincipal()
            let personId = try context.parameters.requireUUID("personId")
            // Checked before the body is read: only the person sets their own account.
            guard principal.personId == personId else { throw PayoutsProblems.ownAccountOnly }
            let input = try await BoundedBody.decode(PayeeInput.self, from: request, limit: jsonLimit)
            let view = try await pool.withTransaction { connection in
                try staffPayees.register(personId, input, by: principal, outbox: outbox(request), on: connection)
            }
            return try JSONResponse.make(.ok, view)
        }
        group.get("plans/:planId") { request, context in
            let principal = try context.requireRole(Self.staffRoles)
            let id = try context.parameters.requireUUID("planId")
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { connection in
                guard let plan = try PayPlan.find(id, on: connection), try Self.covers(principal, plan.institutionId, on: connection) else {
                    throw CommonProblems.notFound("Plāns / Plan")
                }
                return try finance.payouts(FinanceBooks.Filter(planId: id), page: page, on: connection)
            })
        }
    }

    private func registerFinanceRoutes(_ group: RouterGroup<AuthenticatedRequestContext>) {
        registerPayeeChangeRoutes(group)
        group.get("payouts") { request, context in
            _ = try context.requireRole(Self.financeRoles)
            let filter = try Self.filter(request)
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try finance.payouts(filter, page: page, on: $0) })
        }
        group.get("payouts/:payoutId") { _, context in
            _ = try context.requireRole(Self.financeRoles)
            let id = try context.parameters.requireUUID("payoutId")
            return try JSONResponse.make(.ok, try await pool.withConnection { try finance.payout(id, on: $0) })
        }
        group.post("payouts/:payoutId/reverse") { request, context in
            let principal = try context.requireRole([.finance])
            let id = try context.parameters.requireUUID("payoutId")
            let input = try await BoundedBody.decode(ReverseBody.self, from: request, limit: jsonLimit)
            let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (3...1000).contains(reason.count) else {
                throw CommonProblems.invalidField("reason", "reversal.reason_required", lv: "Norādiet storno iemeslu (3–1000 rakstzīmes).",
                                                  en: "Give the reason for the reversal (3–1,000 characters).")
            }
            return try JSONResponse.make(.ok, try await pool.withTransaction {
                try Corrections().reverse(id, reason: reason, by: principal, outbox: outbox(request), on: $0)
            })
        }
        group.post("batches") { request, context in
            let principal = try context.requireRole([.finance])
            let input = try await BoundedBody.decode(NewBatchBody.self, from: request, limit: jsonLimit)
            guard let period = PayoutPeriod(input.period) else {
                throw CommonProblems.invalidField("period", "batch.period", lv: "Periods: GGGG-MM vai 2026/2027-1.", en: "Period: YYYY-MM or 2026/2027-1.")
            }
            guard let today = today() else { throw CommonProblems.clockUnavailable }
            var execution = today
            if let text = input.executionDate {
                guard let date = CalendarDate(iso: text), date >= today else {
                    throw CommonProblems.invalidField("executionDate", "batch.execution_date",
                                                      lv: "Izpildes datums GGGG-MM-DD, ne agrāk par šodienu.",
                                                      en: "Execution date YYYY-MM-DD, not before today.")
                }
                execution = date
            }
            let executionDate = execution
            let view = try await pool.withTransaction {
                try finance.createBatch(period: period.description, executionDate: executionDate, by: principal, outbox: outbox(request), on: $0)
            }
            return try JSONResponse.make(.created, view, headers: [.location: "/finance/batches/\(view.batchId.uuidString.lowercased())"])
        }
        group.get("batches") { request, context in
            _ = try context.requireRole(Self.financeRoles)
            let page = try Pagination(request)
            let period = try Self.period(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try finance.batches(period: period, page: page, on: $0) })
        }
        group.get("batches/:batchId") { _, context in
            _ = try context.requireRole(Self.financeRoles)
            let id = try context.parameters.requireUUID("batchId")
            return try JSONResponse.make(.ok, try await pool.withConnection { try finance.batch(id, on: $0) })
        }
        group.post("batches/:batchId/sent") { request, context in
            let principal = try context.requireRole([.finance])
            let id = try context.parameters.requireUUID("batchId")
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            try StrictJSON.requireEmptyObject(body)
            return try JSONResponse.make(.ok, try await pool.withTransaction { try finance.markSent(id, by: principal, on: $0) })
        }
        group.get("batches/:batchId/sepa.xml") { _, context in
            _ = try context.requireRole([.finance])   // bank files carry names and IBANs: finance only
            let id = try context.parameters.requireUUID("batchId")
            let batch = try await pool.withConnection { try finance.export(id, on: $0) }
            try Self.requireSound(batch)
            return Self.download(SEPACreditTransfer.document(batch), type: "application/xml; charset=utf-8",
                                 name: "pumpurs-\(batch.batchId.uuidString.lowercased()).xml", control: PayoutCSV.controlLine(batch))
        }
        group.get("batches/:batchId/payouts.csv") { _, context in
            _ = try context.requireRole([.finance])
            let id = try context.parameters.requireUUID("batchId")
            let batch = try await pool.withConnection { try finance.export(id, on: $0) }
            try Self.requireSound(batch)
            return Self.download(PayoutCSV.document(batch), type: "text/csv; charset=utf-8",
                                 name: "pumpurs-\(batch.batchId.uuidString.lowercased()).csv", control: PayoutCSV.controlLine(batch))
        }
        group.get("ledger") { request, context in
            _ = try context.requireRole(Self.financeRoles)
            let query = request.uri.queryParameters
            let text = query["groupBy"].map(String.init) ?? "period"
            guard let grouping = LedgerTotals.Grouping(rawValue: text) else {
                throw CommonProblems.invalidField("groupBy", "ledger.group_by", lv: "groupBy: period, measure, institution vai municipality.",
                                                  en: "groupBy: period, measure, institution or municipality.")
            }
            let period = try Self.period(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try LedgerTotals().totals(by: grouping, period: period, on: $0) })
        }
    }

    /// Finance's changes of someone's staff account: proposed by one officer, confirmed by another.
    private func registerPayeeChangeRoutes(_ group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("staff-payees/:personId/changes") { request, context in
            let principal = try context.requireRole([.finance])
            let personId = try context.parameters.requireUUID("personId")
            let input = try await BoundedBody.decode(StaffPayeeChanges.Input.self, from: request, limit: jsonLimit)
            let view = try await pool.withTransaction { try payeeChanges.propose(personId, input, by: principal, on: $0) }
            return try JSONResponse.make(.created, view, headers: [.location: "/finance/staff-payee-changes/\(view.id.uuidString.lowercased())"])
        }
        group.get("staff-payee-changes") { _, context in
            _ = try context.requireRole([.finance])
            return try JSONResponse.make(.ok, ["items": try await pool.withConnection { try payeeChanges.pending(on: $0) }])
        }
        group.post("staff-payee-changes/:changeId/confirm") { request, context in
            let principal = try context.requireRole([.finance])
            let id = try context.parameters.requireUUID("changeId")
            let body = try await BoundedBody.read(request, limit: jsonLimit)
            try StrictJSON.requireEmptyObject(body)
            return try JSONResponse.make(.ok, try await pool.withTransaction {
                try payeeChanges.confirm(id, by: principal, outbox: outbox(request), on: $0)
            })
        }
    }

    struct ReverseBody: Codable, Sendable { var reason: String }
    struct NewBatchBody: Codable, Sendable {
        var period: String
        var executionDate: String?
    }

    /// A file no bank would accept is refused with what is wrong, not served.
    static func requireSound(_ batch: ExportBatch) throws {
        let problems = batch.problems()
        guard !problems.isEmpty else { return }
        throw ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:export", title: "Paketi nevar eksportēt / The batch cannot be exported",
                             errors: problems.map(\.fieldError))
    }

    static func download(_ text: String, type: String, name: String, control: String) -> Response {
        var headers: HTTPFields = [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""]
        if let field = HTTPField.Name("Pumpurs-Control") { headers[field] = control }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func covers(_ principal: Principal, _ institutionId: UUID, on connection: PostgresConnection) throws -> Bool {
        if financeRoles.contains(principal.role) { return true }
        guard let institution = try DirectoryReplica.institution(institutionId, on: connection) else {
            if case .institution(let own) = principal.scope { return own == institutionId }
            return principal.scope == .national
        }
        return principal.covers(institution: institution.scopeFacts)
    }

    func outbox(_ request: Request) -> OutboxWriter {
        OutboxWriter(producer: producer, correlationId: RequestCorrelation.id(of: request))
    }
}

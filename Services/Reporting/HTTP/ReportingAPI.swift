import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// The reporting HTTP API: programme statistics (JSON and CSV) for the caller's scope, and the
/// plans' implementation reports (the preparer writes and submits, the head confirms). Every
/// route but `/openapi.yaml` needs a token.
public struct ReportingAPI: Sendable {
    let pool: PostgresPool
    let producer: String
    let verifier: TokenVerifier
    let reports: ImplementationReports
    let jsonLimit = 64 * 1024

    /// Who may read statistics: IKVD and finance nationally (an IKVD expert with a region scope,
    /// that region), coordinators their municipality or VPII, heads and coordinators their institution.
    static let statisticsRoles: Set<Role> = [.ikvdAdmin, .ikvdExpert, .finance, .municipalityCoordinator, .vpiiCoordinator,
                                             .institutionHead, .institutionCoordinator]
    /// Who may read reports (each within their scope). Not the IKVD administrator: administering
    /// the platform is no reason to read what was done for a student (issue #17, item 9).
    static let reportReaders: Set<Role> = [.preparer, .institutionCoordinator, .institutionHead, .municipalityCoordinator,
                                           .vpiiCoordinator, .ikvdExpert]

    /// Creates the API.
    public init(pool: PostgresPool, producer: String, verifier: TokenVerifier, settings: ProgrammeSettings) {
        self.pool = pool
        self.producer = producer
        self.verifier = verifier
        self.reports = ImplementationReports(settings: settings)
    }

    /// Adds the routes.
    public func register(on router: Router<AuthenticatedRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: ReportingOpenAPI.yaml)))
        }
        let api = router.group().add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: ReplicaAssignments(pool: pool)))
        api.get("statistics") { request, context in
            try JSONResponse.make(.ok, try await statistics(request, context), headers: [.cacheControl: "no-store"])
        }
        api.get("statistics.csv") { request, context in
            let document = try await statistics(request, context)
            var headers: HTTPFields = [.contentType: "text/csv; charset=utf-8", .contentDisposition: Self.attachment(document),
                                       .cacheControl: "no-store"]
            if let nosniff = HTTPField.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.csv)))
        }
        registerProgramme(api)
        registerEmergencies(api)
        registerReports(api.group("reports"))
        AuditLog.reads.register(on: api.group("audit"), pool: pool)
    }

    private func registerReports(_ group: RouterGroup<AuthenticatedRequestContext>) {
        group.get { request, context in
            let principal = try context.requireRole(Self.reportReaders)
            let query = request.uri.queryParameters
            let semester = try Self.semester(request)
            let state = query["state"].map(String.init)
            if let state, !(["not_started"] + ReportState.allCases.map(\.rawValue)).contains(state) { throw ReportingProblems.state }
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection {
                let listed = try reports.list(semester: semester, state: state, page: page, for: principal, on: $0)
                try ReadAudit.record(principal, action: "report.list", subject: "reports", planId: nil, request: request, on: $0)
                return listed
            })
        }
        group.get(":planId") { request, context in
            let principal = try context.requireRole(Self.reportReaders)
            let planId = try context.parameters.requireUUID("planId")
            return try JSONResponse.make(.ok, try await pool.withConnection {
                let report = try reports.view(planId, for: principal, on: $0)
                try ReadAudit.record(principal, action: "report.read", subject: "plan:\(planId.uuidString.lowercased())", planId: planId,
                                     request: request, on: $0)
                return report
            })
        }
        group.put(":planId") { request, context in
            let principal = try context.requireRole([.preparer])
            let planId = try context.parameters.requireUUID("planId")
            let input = try await BoundedBody.decode(ReportInput.self, from: request, limit: jsonLimit)
            return try JSONResponse.make(.ok, try await pool.withTransaction { try reports.write(planId, input, by: principal, on: $0) })
        }
        group.post(":planId/submit") { request, context in
            let principal = try context.requireRole([.preparer])
            let planId = try context.parameters.requireUUID("planId")
            try StrictJSON.requireEmptyObject(try await BoundedBody.read(request, limit: jsonLimit))
            return try JSONResponse.make(.ok, try await pool.withTransaction {
                try reports.submit(planId, by: principal, outbox: outbox(request), on: $0)
            })
        }
        group.post(":planId/confirm") { request, context in
            let principal = try context.requireRole([.institutionHead])
            let planId = try context.parameters.requireUUID("planId")
            try StrictJSON.requireEmptyObject(try await BoundedBody.read(request, limit: jsonLimit))
            return try JSONResponse.make(.ok, try await pool.withTransaction {
                try reports.confirm(planId, by: principal, outbox: outbox(request), on: $0)
            })
        }
    }

    /// The statistics for the request's period and grouping, as the caller may see them.
    func statistics(_ request: Request, _ context: AuthenticatedRequestContext) async throws -> StatisticsDocument {
        let principal = try context.requireRole(Self.statisticsRoles)
        let statisticsRequest = try Self.statisticsRequest(request)
        let plans = try await pool.withConnection { try StatisticsQuery().plans(statisticsRequest, for: principal, on: $0) }
        return StatisticsDocument(statisticsRequest, plans: plans, for: principal)
    }

    /// `semester` or `schoolYear` (exactly one: a period is required, so no request reads more
    /// than one school year), and `groupBy` (default `total`), checked.
    static func statisticsRequest(_ request: Request) throws -> StatisticsRequest {
        let query = request.uri.queryParameters
        let semester = try semester(request)
        var schoolYear: String?
        if let text = query["schoolYear"].map(String.init) {
            guard let year = SemesterRef(code: text + "-1") else { throw ReportingProblems.schoolYear }
            schoolYear = "\(year.schoolYear)/\(year.schoolYear + 1)"
        }
        if semester != nil && schoolYear != nil { throw ReportingProblems.period }
        var grouping = StatisticsRequest.Grouping.total
        if let text = query["groupBy"].map(String.init) {
            guard let value = StatisticsRequest.Grouping(rawValue: text) else { throw ReportingProblems.groupBy }
            grouping = value
        }
        if semester == nil && schoolYear == nil { throw ReportingProblems.periodRequired }
        return StatisticsRequest(semester: semester, schoolYear: schoolYear, grouping: grouping)
    }

    /// The optional `semester` query parameter (`2022/2023-1`), checked.
    static func semester(_ request: Request) throws -> String? {
        guard let text = request.uri.queryParameters["semester"].map(String.init) else { return nil }
        guard let semester = SemesterRef(code: text) else { throw ReportingProblems.semester }
        return semester.code
    }

    static func attachment(_ document: StatisticsDocument) -> String {
        let period = (document.semester ?? document.schoolYear ?? "all").replacingOccurrences(of: "/", with: "-")
        return "attachment; filename=\"pumpurs-statistics-\(period)-\(document.groupBy).csv\""
    }

    func outbox(_ request: Request) -> OutboxWriter {
        OutboxWriter(producer: producer, correlationId: RequestCorrelation.id(of: request))
    }
}

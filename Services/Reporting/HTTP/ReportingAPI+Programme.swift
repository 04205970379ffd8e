import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import ServiceKit

/// `GET /statistics/programme` and `/statistics/programme.csv`: the programme's own report (seed
/// 001) for a school year or semester, same roles, scope and suppression as `/statistics`.
extension ReportingAPI {
    func registerProgramme(_ api: RouterGroup<AuthenticatedRequestContext>) {
        api.get("statistics/programme") { request, context in
            try JSONResponse.make(.ok, try await programme(request, context, csv: false), headers: [.cacheControl: "no-store"])
        }
        api.get("statistics/programme.csv") { request, context in
            let document = try await programme(request, context, csv: true)
            var headers: HTTPFields = [.contentType: "text/csv; charset=utf-8", .contentDisposition: Self.attachment(document),
                                       .cacheControl: "no-store"]
            if let nosniff = HTTPField.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.csv)))
        }
    }

    /// The report as the caller may see it; `table` names one table (required for CSV).
    func programme(_ request: Request, _ context: AuthenticatedRequestContext, csv: Bool) async throws -> ProgrammeDocument {
        let principal = try context.requireRole(Self.statisticsRoles)
        let statisticsRequest = try Self.statisticsRequest(request)
        let table = request.uri.queryParameters["table"].map(String.init)
        if let table, !ProgrammeStatistics.tableNames.contains(table) { throw ReportingProblems.table }
        if csv && table == nil { throw ReportingProblems.tableRequired }
        let plans = try await pool.withConnection { try StatisticsQuery().plans(statisticsRequest, for: principal, on: $0) }
        return ProgrammeDocument(statisticsRequest, table: table, plans: plans, for: principal)
    }

    static func attachment(_ document: ProgrammeDocument) -> String {
        let period = (document.semester ?? document.schoolYear ?? "all").replacingOccurrences(of: "/", with: "-")
        return "attachment; filename=\"pumpurs-programme-\(period)-\(document.tables.first?.name ?? "tables").csv\""
    }
}

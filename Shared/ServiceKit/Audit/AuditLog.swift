import Auth
import Contracts
import Foundation
import Hummingbird
import Postgres
import Rules

/// One audit row as `GET /audit` returns it.
public struct AuditEntry: Codable, Sendable {
    /// Row id (ascending in time within a service).
    public var id: Int64
    /// The person who acted.
    public var actor: UUID
    /// Their role then.
    public var role: String
    /// Their scope then (`national`, `region:…`, `municipality:<id>`, `institution:<id>`).
    public var scope: String
    /// What they did (`report.read`, `receipt.read`, …).
    public var action: String
    /// On what (`plan:<id>`, `report:<id>`, …).
    public var subject: String
    /// The plan concerned, when known.
    public var planId: UUID?
    /// The route that served it (`GET /reports/<id>`), when recorded.
    public var route: String?
    /// The request's correlation id.
    public var correlationId: UUID?
    /// When (UTC).
    public var at: String
}

/// `GET /audit` filters: `person`, `planId`, `subject`, `from` and `to` (UTC dates, both
/// inclusive), checked; a bad one is 422 naming it.
public struct AuditFilter: Sendable, Equatable {
    /// Rows of this person.
    public var person: UUID?
    /// Rows about this plan.
    public var planId: UUID?
    /// Rows with exactly this subject.
    public var subject: String?
    /// Rows on or after this day.
    public var from: CalendarDate?
    /// Rows on or before this day.
    public var to: CalendarDate?

    /// Creates a filter.
    public init(person: UUID? = nil, planId: UUID? = nil, subject: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.person = person
        self.planId = planId
        self.subject = subject
        self.from = from
        self.to = to
    }

    /// Reads the filter from the query.
    public init(_ request: Request) throws(ProblemDetails) {
        let query = request.uri.queryParameters
        func uuid(_ key: String) throws(ProblemDetails) -> UUID? {
            guard let text = query[Substring(key)].map(String.init) else { return nil }
            guard let value = UUID(uuidString: text) else {
                throw CommonProblems.invalidField(key, "audit.filter_uuid", lv: "\(key): jābūt UUID.", en: "\(key): must be a UUID.")
            }
            return value
        }
        func date(_ key: String) throws(ProblemDetails) -> CalendarDate? {
            guard let text = query[Substring(key)].map(String.init) else { return nil }
            guard let value = CalendarDate(iso: text) else {
                throw CommonProblems.invalidField(key, "audit.filter_date", lv: "\(key): datums formā GGGG-MM-DD.",
                                                  en: "\(key): a date as YYYY-MM-DD.")
            }
            return value
        }
        person = try uuid("person")
        planId = try uuid("planId")
        subject = query["subject"].map(String.init)
        if let subject, subject.isEmpty || subject.count > 200 {
            throw CommonProblems.invalidField("subject", "audit.filter_subject", lv: "subject: 1–200 rakstzīmes.",
                                              en: "subject: 1 to 200 characters.")
        }
        from = try date("from")
        to = try date("to")
        if let from, let to, to < from {
            throw CommonProblems.invalidField("to", "audit.filter_range", lv: "to nevar būt pirms from.", en: "to cannot be before from.")
        }
    }
}

/// A service's audit rows for IKVD, newest first (issue #17, item 9). Each service serves its own
/// rows; services never read another schema.
public struct AuditLog: Sendable {
    /// The table read.
    let table: String
    /// Whether the table has `plan_id` and `route` (the kit's `read_audit` does; intake's older
    /// `audit` names the plan in `subject` only).
    let hasPlanAndRoute: Bool

    /// The kit's read audit (``ReadAudit``).
    public static let reads = AuditLog(table: "read_audit", hasPlanAndRoute: true)
    /// Intake's own audit table (changes and reads).
    public static let intake = AuditLog(table: "audit", hasPlanAndRoute: false)

    /// IKVD: the administrator, and an expert with the national scope (audit rows are not
    /// split by region, so a regional expert would see other regions' readers).
    public static func mayRead(_ principal: Principal) -> Bool {
        principal.role == .ikvdAdmin || (principal.role == .ikvdExpert && principal.scope == .national)
    }

    /// One page of rows matching `filter`, newest first.
    public func page(_ filter: AuditFilter, _ page: Pagination, on connection: PostgresConnection) throws -> Page<AuditEntry> {
        var conditions: [String] = []
        var parameters: [any PostgresBindable] = []
        func add(_ condition: (String) -> String, _ value: any PostgresBindable) {
            parameters.append(value)
            conditions.append(condition("$\(parameters.count)"))
        }
        if let person = filter.person { add({ "actor = \($0)" }, person) }
        if let planId = filter.planId {
            if hasPlanAndRoute {
                add({ "plan_id = \($0)" }, planId)
            } else {
                add({ "subject = \($0)" }, "plan:\(planId.uuidString.lowercased())")
            }
        }
        if let subject = filter.subject { add({ "subject = \($0)" }, subject) }
        if let from = filter.from { add({ "at >= \($0)::date::timestamp AT TIME ZONE 'UTC'" }, from.description) }
        if let to = filter.to { add({ "at < (\($0)::date + 1)::timestamp AT TIME ZONE 'UTC'" }, to.description) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let columns = hasPlanAndRoute ? "plan_id, route" : "NULL::uuid AS plan_id, NULL::text AS route"
        let total = try connection.query("SELECT count(*) AS n FROM \(table)\(whereClause)", parameters).single().decode("n", as: Int.self)
        let rows = try connection.query("""
            SELECT id, actor, role, scope, action, subject, \(columns), correlation_id, at FROM \(table)\(whereClause)
            ORDER BY at DESC, id DESC LIMIT \(page.limit) OFFSET \(page.offset)
            """, parameters)
        let items = try rows.map { row in
            AuditEntry(id: try row.decode("id"), actor: try row.decode("actor"), role: try row.decode("role"),
                       scope: try row.decode("scope"), action: try row.decode("action"), subject: try row.decode("subject"),
                       planId: try row.decode("plan_id"), route: try row.decode("route"),
                       correlationId: try row.decode("correlation_id"), at: Timestamp.format(try row.decode("at", as: Date.self)))
        }
        return Page(items: items, total: total, limit: page.limit, offset: page.offset)
    }

    /// Adds `GET /audit` to `group` (already behind the service's authentication): 403 unless
    /// ``mayRead(_:)``; filters as ``AuditFilter``; paged as ``Pagination``.
    public func register(on group: RouterGroup<AuthenticatedRequestContext>, pool: PostgresPool) {
        group.get { request, context in
            let principal = try context.requireRole([.ikvdAdmin, .ikvdExpert])
            guard Self.mayRead(principal) else { throw AuditLog.nationalScopeOnly }
            let filter = try AuditFilter(request)
            let page = try Pagination(request)
            return try JSONResponse.make(.ok, try await pool.withConnection { try self.page(filter, page, on: $0) })
        }
    }

    /// 403 for an IKVD expert without the national scope.
    static let nationalScopeOnly = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:out-of-scope",
        title: "Ārpus jūsu darbības jomas / Outside your scope",
        detail: "Auditu skata IKVD administrators vai eksperts ar valsts darbības jomu. / "
            + "The audit is for the IKVD administrator or an expert with the national scope.",
        errors: [.init(field: "(scope)", rule: "audit.national_scope", message: "Nepieciešama valsts darbības joma.",
                       messageEn: "The national scope is needed.")])
}

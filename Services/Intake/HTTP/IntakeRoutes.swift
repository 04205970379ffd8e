import Auth
import Foundation
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// The intake HTTP API (so far: creating a plan draft). Every route is behind token
/// authentication; scope is checked per request; bodies are size-limited before decoding.
public struct IntakeRoutes: Sendable {
    let pool: PostgresPool
    let drafts: PlanDrafts
    let verifier: TokenVerifier
    let maxBodyBytes: Int
    let today: @Sendable () -> CalendarDate?

    /// Creates the routes; `today` is the current date in UTC (nil only if the clock is unusable).
    public init(pool: PostgresPool, drafts: PlanDrafts, verifier: TokenVerifier, maxBodyBytes: Int = 64 * 1024,
                today: @escaping @Sendable () -> CalendarDate?) {
        self.pool = pool
        self.drafts = drafts
        self.verifier = verifier
        self.maxBodyBytes = maxBodyBytes
        self.today = today
    }

    /// Adds the routes to `router`.
    public func register(on router: Router<AuthenticatedRequestContext>) {
        let plans = router.group("plans").add(middleware: AuthenticationMiddleware(verifier: verifier))
        plans.post { request, context in try await self.createDraft(request, context) }
    }

    /// `POST /plans` `{institutionId, personalCode, semester}` → 201 with the draft (no personal code).
    func createDraft(_ request: Request, _ context: AuthenticatedRequestContext) async throws -> Response {
        let principal = try context.requireRole([.preparer, .institutionHead])
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            throw IntakeProblems.bodyTooLarge(limit: maxBodyBytes)
        }
        let input: CreatePlanRequest
        do {
            input = try JSONDecoder().decode(CreatePlanRequest.self, from: Data(body.readableBytesView))
        } catch {
            throw IntakeProblems.invalidBody(Self.field(of: error), "request.schema",
                                             lv: "Lauks trūkst, ir lieks vai nepareiza tipa.",
                                             en: "A field is missing, unknown or of the wrong type.")
        }
        guard principal.scope == .institution(input.institutionId) else { throw IntakeProblems.outOfScope }
        guard let semester = CreatePlanRequest.parseSemester(input.semester) else {
            throw IntakeProblems.invalidBody("semester", "semester.format", lv: "Semestris jānorāda kā 2026/2027-1.",
                                             en: "Give the semester as 2026/2027-1.")
        }
        guard let today = today() else { throw IntakeProblems.clockUnavailable }
        let code: PersonalCode
        do {
            code = try PersonalCode.parse(input.personalCode, today: today)
        } catch {
            throw IntakeProblems.personalCode(error)
        }
        let correlationId = UUID()
        let drafts = self.drafts
        let draft: PlanDraft
        do {
            draft = try await pool.withTransaction { connection in
                try drafts.create(institutionId: input.institutionId, personalCode: code, semester: semester,
                                  actor: principal, correlationId: correlationId, on: connection)
            }
        } catch PlanDraftError.duplicate(let existing) {
            throw IntakeProblems.duplicate(existing: existing.uuidString.lowercased())
        }
        let json = #"{"id":"\#(draft.id.uuidString.lowercased())","institutionId":"\#(draft.institutionId.uuidString.lowercased())","semester":"\#(input.semester)","status":"\#(draft.status)","studentCode":"\#(draft.studentCode.value)"}"#
        return Response(status: .created, headers: [.contentType: "application/json", .location: "/plans/\(draft.id.uuidString.lowercased())"],
                        body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// The JSON field a decoding error is about (never its value).
    static func field(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "(body)" }
        switch error {
        case .keyNotFound(let key, _): return key.stringValue
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return c.codingPath.last?.stringValue ?? "(body)"
        @unknown default: return "(body)"
        }
    }
}

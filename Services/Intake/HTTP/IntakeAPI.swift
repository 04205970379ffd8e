import Auth
import Crypto
import Foundation
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// The intake HTTP API: directory, plans, documents, consent, submission, and its OpenAPI
/// description. Every route except `/openapi.yaml` is behind token authentication; every object
/// is loaded through the caller's scope (out of scope = 404); bodies are size-limited before
/// decoding and decoded strictly; POSTs honour `Idempotency-Key`.
public struct IntakeAPI: Sendable {
    /// Body size limits.
    public struct Limits: Sendable {
        /// JSON bodies.
        public var jsonBody: Int
        /// Uploaded documents (evidence, consent forms).
        public var document: Int
        /// Documents per plan and uploads per person per day.
        public var quota: UploadQuota
        /// Creates limits; defaults 256 KiB for JSON, 5 MiB for documents, ``UploadQuota``'s defaults.
        public init(jsonBody: Int = 256 * 1024, document: Int = 5 * 1024 * 1024, quota: UploadQuota = UploadQuota()) {
            self.jsonBody = jsonBody
            self.document = document
            self.quota = quota
        }
    }

    let pool: PostgresPool
    let producer: String
    let verifier: TokenVerifier
    let limits: Limits
    let today: @Sendable () -> CalendarDate?
    let drafts: PlanDrafts
    let submission: PlanSubmission
    let idempotent: IdempotentRequests
    let store = DirectoryStore()
    let editing = PlanEditing()
    let queries = PlanQueries()
    let documents: DocumentStore
    let consents: ConsentRecords
    /// Keys the sign-in subject hash (the students' look-up key, domain-separated).
    let lookupKey: SymmetricKey
    /// The staff portal's credential for `POST /directory/sign-in`; nil turns the route off.
    let portalSecret: String?

    /// Creates the API. `producer` names the service in the events it writes (its schema name);
    /// `today` is the current date in UTC (nil only if the clock is unusable).
    public init(pool: PostgresPool, producer: String = "intake", keys: StudentKeys, verifier: TokenVerifier,
                settings: ProgrammeSettings = .defaults, limits: Limits = Limits(), portalSecret: String? = nil,
                today: @escaping @Sendable () -> CalendarDate?) {
        self.pool = pool
        self.lookupKey = keys.lookup
        self.portalSecret = portalSecret.flatMap { $0.isEmpty ? nil : $0 }
        self.producer = producer
        self.verifier = verifier
        self.limits = limits
        self.documents = DocumentStore(quota: limits.quota)
        self.consents = ConsentRecords(settings: settings, birthDates: StudentBirthDates(vault: PersonalCodeVault(keys: keys)))
        self.today = today
        let vault = PersonalCodeVault(keys: keys)
        self.drafts = PlanDrafts(students: StudentRegistry(vault: vault))
        self.submission = PlanSubmission(settings: settings, birthDates: StudentBirthDates(vault: vault))
        self.idempotent = IdempotentRequests(pool: pool, fingerprintKey: keys.idempotencyKey)
    }

    /// Adds every route to `router`.
    public func register(on router: Router<AuthenticatedRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: IntakeOpenAPI.yaml)))
        }
        registerDirectory(on: router)
        registerSignIn(on: router)
        registerPlans(on: router)
        registerDocuments(on: router)
        // Intake's own audit table: every change and every read of plan content or a document.
        AuditLog.intake.register(on: router.group("audit").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: DirectoryAssignments(pool: pool))),
                                 pool: pool)
    }

    /// The outbox writer for events a request causes (correlated with the request).
    func outbox(_ request: Request) -> OutboxWriter {
        OutboxWriter(producer: producer, correlationId: RequestCorrelation.id(of: request))
    }

    /// Today in UTC, or 503.
    func requireToday() throws -> CalendarDate {
        guard let today = today() else { throw CommonProblems.clockUnavailable }
        return today
    }
}

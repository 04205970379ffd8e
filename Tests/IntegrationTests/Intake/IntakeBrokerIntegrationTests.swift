import AMQP
import Auth
import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Intake
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing

/// The intake service hosted for real (HTTP socket, relay, consumer) against the real broker and
/// database: submissions go out once each and carry no personal code; the plan's live status
/// follows the validation and approval events another service publishes; the database holds
/// no plaintext personal code.
extension PipelineSuites {
    @Suite("Intake against real RabbitMQ + PostgreSQL", .serialized)
    struct IntakeBrokerIntegrationTests {
        @Test("plan.submitted once per submission; status follows events; stale and duplicate events change nothing; no plaintext code in a dump")
        func submissionsAndLiveStatus() async throws {
            let host = try await HostedIntake.start()
            let amqp = try IntegrationEnvironment.amqpURL()
            let admin = AMQPAdmin(url: amqp)
            // A probe queue stands in for risk validation: it receives every plan.submitted.
            let probe = IntegrationEnvironment.uniqueServiceName("probe")
            try await admin.declare(AMQPTopology.service(probe, consuming: [PlanSubmitted.eventType.rawValue], deliveryLimit: 5))
            // An upstream service (risk validation / approval stand-in) publishing through its own outbox and relay.
            let upstream = try await Upstream.start()

            let api = host.client
            let directory = try await api.seed(admin: try await host.token(.ikvdAdmin, .national))
            let preparer = try await host.token(.preparer, .institution(directory.school))
            var plans: [String] = []
            for code in [IntakeHarness.code, IntakeHarness.otherCode] {
                plans.append(try await api.readyPlan(preparer: preparer, school: directory.school, code: code))
            }
            for plan in plans {
                #expect(try await api.send("POST", "/plans/\(plan)/submit", preparer).status == 202)
                #expect(try await api.send("POST", "/plans/\(plan)/submit", preparer).status == 409, "a second submit is refused")
            }
            let first = plans[0]
            let reference = try await host.reference(first)
            #expect(reference.revision == 2)

            // Validation passes with a warning → awaiting the head, warning shown on the plan.
            let warning = FindingPayload(ruleId: "load.weekly.high", severity: "warning", path: "measures[0].plannedMinutes",
                                         messageLv: "Liela slodze", messageEn: "High load")
            let validatedId = UUID()
            try await upstream.publish(PlanValidated(plan: reference, warnings: [warning]), producer: "risk_validation", id: validatedId)
            #expect(try await api.waitForStatus(first, preparer, "awaiting_institution_head"))
            let afterValidation = try await api.send("GET", "/plans/\(first)", preparer)
            #expect((afterValidation.json["findings"] as? [[String: Any]])?.first?["rule"] as? String == "load.weekly.high")

            // The same message delivered again (same id) and an approval about an older revision change nothing.
            try await upstream.publish(PlanValidated(plan: reference, warnings: [warning]), producer: "risk_validation", id: validatedId)
            var stale = reference
            stale.revision = 1
            try await upstream.publish(PlanApproved(plan: stale, approvedBy: ActorPayload(personId: UUID(), role: "ikvd_expert"), measures: []),
                                       producer: "approval")
            // Returned by the head with a comment: editable again, the comment on the plan.
            try await upstream.publish(PlanReturned(change: PlanLifecycleChange(plan: reference, actor: ActorPayload(personId: UUID(), role: "institution_head"),
                                                                                reason: "Precizējiet F04 pamatojumu."), level: "institution_head"),
                                       producer: "approval")
            #expect(try await api.waitForStatus(first, preparer, "returned"))
            let returned = try await api.send("GET", "/plans/\(first)", preparer)
            #expect(returned.json["statusNote"] as? String == "Precizējiet F04 pamatojumu.")
            #expect(returned.json["editable"] as? Bool == true)
            let history = (returned.json["history"] as? [[String: Any]])?.compactMap { $0["to"] as? String } ?? []
            #expect(history == ["draft", "submitted", "awaiting_institution_head", "returned"], "one row per change: \(history)")

            // Resubmitted: a new revision goes out; the old revision's events no longer apply.
            #expect(try await api.send("PUT", "/plans/\(first)/content", preparer, SamplePlan.content).status == 200)
            #expect(try await api.send("POST", "/plans/\(first)/submit", preparer).status == 202)
            try await upstream.publish(PlanValidated(plan: reference, warnings: []), producer: "risk_validation")
            let failedReference = try await host.reference(first)
            #expect(failedReference.revision == 3)
            try await upstream.publish(PlanValidationFailed(plan: failedReference, findings: [
                FindingPayload(ruleId: "risk.justification.vague", severity: "error", path: "risks[1].justification",
                               messageLv: "Pārāk vispārīgs", messageEn: "Too vague")]), producer: "risk_validation")
            #expect(try await api.waitForStatus(first, preparer, "rejected_by_validation"))

            // Exactly one plan.submitted per accepted submission, none with a personal code.
            let bodies = try await Self.collect(queue: AMQPTopology.eventQueue(for: probe), count: 3, amqp: amqp)
            let texts = bodies.map { String(decoding: $0, as: UTF8.self) }
            #expect(texts.allSatisfy { !$0.contains("100308") && !$0.contains("220507") }, "no personal code in any message")
            let revisions = try bodies.map { try ContractCoding.decode(Envelope<PlanSubmitted>.self, from: $0).data.plan }
                .filter { plans.contains($0.planId.uuidString) }
                .map { "\($0.planId.uuidString.lowercased())@\($0.revision)" }.sorted()
            #expect(revisions.count == 3, "3 accepted submissions → 3 messages (got \(revisions))")
            #expect(Set(revisions).count == 3)
            #expect(try await admin.messageCount(queue: AMQPTopology.eventQueue(for: probe)) == 0, "no duplicate behind them")

            // A dump of the whole intake schema holds no plaintext personal code (either spelling).
            let dump = try await host.dump()
            #expect(dump.count > 1000, "the dump worked")
            for needle in ["100308-20018", "10030820018", "220507-20004", "22050720004"] {
                #expect(!dump.contains(needle), "\(needle) found in the database dump")
            }

            await upstream.stop()
            await host.stop()
            try? await admin.delete(queue: AMQPTopology.eventQueue(for: probe))
            try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: probe))
        }

        /// Consumes up to `count` messages (acking them), waiting up to 20 s, then 1 s more for extras.
        static func collect(queue: String, count: Int, amqp: AMQPURL) async throws -> [[UInt8]] {
            let consumer = AMQPConsumer(url: amqp, queue: queue, prefetch: 16, logger: IntegrationEnvironment.logger)
            let received = Received()
            let task = Task { await consumer.run { delivery in
                await received.add(delivery.body)
                return .ack
            } }
            _ = await IntegrationEnvironment.eventually(timeout: .seconds(20)) { await received.count >= count }
            try await Task.sleep(for: .seconds(1))
            task.cancel()
            _ = await task.result
            return await received.bodies
        }
    }
}

actor Received {
    var bodies: [[UInt8]] = []
    var count: Int { bodies.count }
    func add(_ body: [UInt8]) { bodies.append(body) }
}

/// The intake service running in this process on a random port, as `pumpurs-intake` runs it:
/// a `HostedService` plus what intake tests need on top (a token minter whose public key the
/// service verifies, and an HTTP client for its port).
struct HostedIntake {
    let host: HostedService
    let minter: TokenMinter
    let client: HTTPClientForTests

    var service: String { host.service }
    var pool: PostgresPool { host.pool }

    static func start() async throws -> HostedIntake {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let generated = StudentKeys.generate()
        let keys = try StudentKeys(encryptionBase64: generated.encryptionBase64, lookupBase64: generated.lookupBase64)
        let host = try await HostedService.start(tag: "intakebus") { name, port in
            IntakeService.definition(name: name, port: port, keys: keys, verifier: verifier, today: { IntakeHarness.today })
        }
        return HostedIntake(host: host, minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"),
                            client: HTTPClientForTests(base: "http://127.0.0.1:\(host.port)"))
    }

    func token(_ role: Role, _ scope: Scope) async throws -> String {
        let principal = try Principal(personId: UUID(), role: role, scope: scope)
        try await TestGrants.directory(principal, on: pool)
        return try await minter.mint(principal)
    }

    /// The plan as events name it (current revision).
    func reference(_ planId: String) async throws -> PlanReference {
        try await pool.withConnection { connection in
            let row = try connection.query("""
                SELECT p.id, p.revision, s.student_code, p.institution_id, p.school_year, p.semester
                FROM plans p JOIN students s ON s.id = p.student_id WHERE p.id = $1
                """, [UUID(uuidString: planId)!]).single()
            let year = try row.decode("school_year", as: Int.self)
            return PlanReference(planId: try row.decode("id"), revision: try row.decode("revision"),
                                 studentCode: try row.decode("student_code"), institutionId: try row.decode("institution_id"),
                                 semester: "\(year)/\(year + 1)-\(try row.decode("semester", as: Int.self))")
        }
    }

    /// `pg_dump` of the service's schema (data included), as text.
    func dump() async throws -> String {
        let url = try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(service).sql").path
        let pgDump = ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "pg_dump"
        let result = try await IntegrationEnvironment.run("/usr/bin/env", [
            "PGPASSWORD=\(url.password ?? "")", pgDump, "-h", url.host, "-p", "\(url.port)", "-U", url.user, "-d", url.database,
            "-n", service, "-f", file,
        ])
        #expect(result.status == 0, "pg_dump: \(result.output)")
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    func stop() async {
        await host.stop()
    }
}

/// Another service's outbox and relay: publishes events into the real exchange.
struct Upstream {
    let pool: PostgresPool
    let publisher: AMQPPublisher
    let relay: Task<Void, any Error>

    static func start() async throws -> Upstream {
        let service = IntegrationEnvironment.uniqueServiceName("upstream")
        let pool = try await IntegrationEnvironment.provisionService(service)
        let publisher = AMQPPublisher(url: try IntegrationEnvironment.amqpURL(), confirmTimeout: .seconds(5), logger: IntegrationEnvironment.logger)
        let relay = OutboxRelay(service: service, pool: pool, publisher: publisher, batchSize: 50, pollInterval: .milliseconds(100),
                                lease: .seconds(5), logger: IntegrationEnvironment.logger)
        return Upstream(pool: pool, publisher: publisher, relay: Task { try await relay.run() })
    }

    func publish<E: DomainEvent>(_ event: E, producer: String, id: UUID = UUID()) async throws {
        let writer = OutboxWriter(producer: producer, correlationId: UUID())
        try await pool.withTransaction { connection in
            // The same message id twice is how a redelivered duplicate looks; the outbox keeps ids unique,
            // so a repeat is written under a fresh row only when the id is new.
            if try connection.query("SELECT 1 FROM outbox WHERE message_id = $1", [id]).first != nil {
                try connection.execute("UPDATE outbox SET published_at = NULL, lease_until = NULL WHERE message_id = $1", [id])
            } else {
                try writer.enqueue(event, on: connection, id: id)
            }
        }
    }

    func stop() async {
        relay.cancel()
        _ = await relay.result
        await publisher.shutdown()
        await pool.shutdown()
    }
}

/// One HTTP reply from the hosted service.
struct HTTPReply: Sendable {
    var status: Int
    var body: String
    /// The answer is a stored one (`Idempotent-Replayed: true`).
    var replayed = false
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
}

/// A URLSession client with bearer tokens and JSON bodies.
struct HTTPClientForTests: Sendable {
    let base: String

    func send(_ method: String, _ path: String, _ token: String?, _ json: String? = nil, bytes: [UInt8]? = nil,
              contentType: String = "application/json", headers: [String: String] = [:]) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json { request.httpBody = Data(json.utf8) }
        if let bytes { request.httpBody = Data(bytes) }
        if request.httpBody != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return HTTPReply(status: http?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self),
                         replayed: http?.value(forHTTPHeaderField: "Idempotent-Replayed") == "true")
    }

    /// A municipality with a school, registered by the admin.
    func seed(admin: String) async throws -> (municipality: UUID, school: UUID) {
        let municipality = try await send("POST", "/directory/municipalities", admin, #"{"name":"Ludzas novads \#(UUID().uuidString.prefix(6))","region":"Latgale"}"#)
        let municipalityId = try #require(municipality.json["id"] as? String)
        let school = try await send("POST", "/directory/institutions", admin,
                                    #"{"name":"Ludzas 2. vidusskola","kind":"general","founder":"municipal","municipalityId":"\#(municipalityId)"}"#)
        return (UUID(uuidString: municipalityId)!, UUID(uuidString: try #require(school.json["id"] as? String))!)
    }

    /// A plan that passes every rule: draft, content, consent form and consent.
    func readyPlan(preparer: String, school: UUID, code: String, content: String = SamplePlan.content) async throws -> String {
        let created = try await send("POST", "/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"\#(code)","semester":"\#(IntakeHarness.semester)"}"#)
        let plan = try #require(created.json["id"] as? String, "\(created.body)")
        let written = try await send("PUT", "/plans/\(plan)/content", preparer, content)
        #expect(written.status == 200, "\(written.body)")
        let form = try await send("POST", "/plans/\(plan)/documents?purpose=consent&kind=consent_form", preparer, bytes: SamplePlan.pdf,
                                  contentType: "application/pdf")
        let formId = try #require(form.json["id"] as? String, "\(form.body)")
        #expect(try await send("PUT", "/plans/\(plan)/consent", preparer,
                               #"{"signer":"parent_or_guardian","signedOn":"2022-09-05","documentId":"\#(formId)"}"#).status == 200)
        return plan
    }

    /// Waits up to 20 s for the plan to reach `status`.
    func waitForStatus(_ plan: String, _ token: String, _ status: String) async throws -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            let reply = try? await send("GET", "/plans/\(plan)", token)
            return (reply?.json["status"] as? [String: Any])?["code"] as? String == status
        }
    }
}

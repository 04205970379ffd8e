import AMQP
import Auth
import Contracts
import Foundation
import Payouts
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing

/// Payouts hosted for real (its own schema and queue on the real PostgreSQL and RabbitMQ), an
/// upstream standing in for intake, approval and timesheets, tokens, and a directory with one
/// municipal school. The clock is fixed in semester 2022/2023-1.
struct PayoutsHarness {
    static let today = CalendarDate(year: 2022, month: 11, day: 15)!
    static let semester = "2022/2023-1"
    /// Hourly rates for the tests (cents): a teacher 15.00, a psychologist 21.00, a preparer 12.50.
    static let settings: ProgrammeSettings = {
        var settings = ProgrammeSettings.defaults
        settings.hourlyRates = [.teacher: 1500, .psychologist: 2100, .preparer: 1250]
        return settings
    }()
    static let pdf = Array("%PDF-1.4\n% receipt\n".utf8)

    let host: HostedService
    let upstream: Upstream
    let minter: TokenMinter
    let municipality: UUID
    let school: UUID
    let amqp: AMQPURL

    static func start() async throws -> PayoutsHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let host = try await HostedService.start(tag: "payouts") { name, port in
            // The default 24-hour wait after a staff account change; a sweep every half second.
            PayoutsService.definition(name: name, port: port, verifier: verifier, settings: settings, payeeSweepInterval: .milliseconds(500),
                                      today: { today })
        }
        let upstream = try await Upstream.start()
        // A sink for what payouts publishes, as finance's queue and approval's would be in a deployment:
        // unroutable events would be retried by the relay every poll and load the broker for every test.
        try await AMQPAdmin(url: try IntegrationEnvironment.amqpURL()).declare(AMQPTopology.service(
            host.service + "sink", consuming: ["payout.released", "payout.voided", "payout.reversed", "payout.plan_paid", "payout.batch_ready",
                                          "payout.staff_payee_changed", "payout.youth_project_released"],
            deliveryLimit: 5))
        let municipality = UUID(), school = UUID()
        try await upstream.publish(MunicipalityRegistered(municipalityId: municipality, name: "Ludzas novads", region: "Latgale"), producer: "intake")
        try await upstream.publish(InstitutionRegistered(institutionId: school, name: "Ludzas 2. vidusskola", kind: "general",
                                                         founder: "municipal", municipalityId: municipality, region: "Latgale"), producer: "intake")
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM replica_institutions WHERE id = $1", [school])) == 1
        })
        return PayoutsHarness(host: host, upstream: upstream, minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"),
                              municipality: municipality, school: school, amqp: try IntegrationEnvironment.amqpURL())
    }

    var client: HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(host.port)") }

    func token(_ role: Role, person: UUID = UUID()) async throws -> String {
        let scope: Scope = switch role {
        case .finance, .ikvdAdmin, .ikvdExpert: .national
        case .municipalityCoordinator: .municipality(municipality)
        default: .institution(school)
        }
        try await TestGrants.replica(try Principal(personId: person, role: role, scope: scope), on: host.pool)
        return try await minter.mint(personId: person, role: role, scope: scope)
    }

    /// A plan's measures: meals (per month), personal items (per semester), a teacher's consultations.
    struct TestPlan {
        let reference: PlanReference
        let meals = UUID()
        let items = UUID()
        let consultation = UUID()

        var measures: [PlannedMeasurePayload] {
            [PlannedMeasurePayload(measureId: meals, type: "meals", monthlyAmountCents: 7000, riskCodes: ["S01"]),
             PlannedMeasurePayload(measureId: items, type: "personal_items", semesterAmountCents: 2500, riskCodes: ["S01"]),
             PlannedMeasurePayload(measureId: consultation, type: "consultation", providers: ["teacher"], plannedMinutes: 600,
                                   riskCodes: ["L02"])]
        }
    }

    /// A plan whose head approved it (implementation may start), as approval would publish it:
    /// approval says so only once consent is on file, which intake announced first (`consent`
    /// false leaves it pending: a plan approved before its consent, issue #19 item 3).
    func startedPlan(studentCode: String = "S-" + String(UUID().uuidString.prefix(8)), consent: Bool = true) async throws -> TestPlan {
        let plan = TestPlan(reference: PlanReference(planId: UUID(), revision: 1, studentCode: studentCode, institutionId: school,
                                                     semester: Self.semester))
        if consent { try await recordConsent(plan) }
        try await upstream.publish(PlanImplementationMayStart(plan: plan.reference, measures: plan.measures), producer: "approval")
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM pay_plans WHERE plan_id = $1", [plan.reference.planId])) == 1
        })
        return plan
    }

    /// Intake's `plan.consent_changed`: consent recorded (`change` counts the plan's changes).
    func recordConsent(_ plan: TestPlan, onFile: Bool = true, change: Int = 1) async throws {
        try await upstream.publish(PlanConsentChanged(plan: plan.reference, onFile: onFile, signedBy: "parent_or_guardian", change: change),
                                   producer: "intake")
    }

    func approve(_ plan: TestPlan) async throws {
        try await upstream.publish(PlanApproved(plan: plan.reference, approvedBy: ActorPayload(personId: UUID(), role: "ikvd_expert"),
                                                measures: plan.measures), producer: "approval")
    }

    /// Uploads a distinct receipt and returns its id.
    func receipt(_ token: String) async throws -> String {
        let reply = try await client.send("POST", "/payouts/receipts", token, bytes: Self.pdf + Array(UUID().uuidString.utf8),
                                          contentType: "application/pdf")
        #expect(reply.status == 201, "\(reply.body)")
        return reply.json["id"] as? String ?? ""
    }

    func claim(_ token: String, plan: TestPlan, measure: UUID, period: String, cents: Int, receipt: String? = nil,
               iban: String = "LV80BANK0000435195001", headers: [String: String] = [:]) async throws -> HTTPReply {
        let receiptId: String
        if let receipt { receiptId = receipt } else { receiptId = try await self.receipt(token) }
        return try await client.send("POST", "/payouts/claims", token, """
            {"planId":"\(plan.reference.planId)","measureId":"\(measure)","period":"\(period)","amountCents":\(cents),
             "description":"Pusdienas skolas ēdnīcā","receiptId":"\(receiptId)",
             "payee":{"name":"Anna Bērziņa","iban":"\(iban)"}}
            """, headers: headers)
    }

    func payoutState(_ payoutId: String) async throws -> String? {
        try await host.pool.withConnection {
            try $0.query("SELECT state FROM payouts WHERE id = $1", [UUID(uuidString: payoutId)]).first?.decode("state", as: String.self)
        }
    }

    func waitForState(_ payoutId: String, _ state: String) async -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(20)) { (try? await payoutState(payoutId)) == state }
    }

    /// Finance's own AMQP client (Python's pika), as `Tests/Oracles/finance_consumer.py` runs it.
    func finance(_ arguments: [String]) async throws -> [String: Any] {
        let result = try await IntegrationEnvironment.run("/usr/bin/env", ["python3", IntegrationEnvironment.repositoryRoot + "/Tests/Oracles/finance_consumer.py"]
                                                          + arguments + ["--url", Self.rawAMQPURL])
        #expect(result.status == 0, "\(result.output)")
        let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    /// The broker URL as given (the parsed one hides its password).
    static var rawAMQPURL: String {
        ProcessInfo.processInfo.environment["PUMPURS_AMQP_URL"] ?? "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs"
    }

    func stop() async {
        await upstream.stop()
        await host.stop()
        let admin = AMQPAdmin(url: amqp)
        try? await admin.delete(queue: AMQPTopology.eventQueue(for: host.service + "sink"))
        try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: host.service + "sink"))
    }
}

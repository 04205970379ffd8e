import AMQP
import Contracts
import Foundation
import Postgres
import Prometheus
import RiskValidation
import Rules
import ServiceLifecycle
import ServiceKit
import TestSupport
import Testing

/// `pumpurs-risk-validation` hosted for real against the broker and database.
extension PipelineSuites {
    @Suite("Risk validation against real RabbitMQ + PostgreSQL", .serialized)
    struct RiskValidationIntegrationTests {
        @Test("validates each revision once: passed → plan.validated with warnings, errors → plan.validation_failed with findings; duplicates and replays change nothing")
        func validatesOncePerRevision() async throws {
            let amqp = try IntegrationEnvironment.amqpURL()
            let admin = AMQPAdmin(url: amqp)
            let host = try await HostedService.start(tag: "riskval") { name, port in RiskValidationService.definition(name: name, port: port) }
            let probe = IntegrationEnvironment.uniqueServiceName("valprobe")
            try await admin.declare(AMQPTopology.service(probe, consuming: [PlanValidated.eventType.rawValue, PlanValidationFailed.eventType.rawValue],
                                                         deliveryLimit: 5))
            let upstream = try await Upstream.start()

            let school = UUID()
            try await upstream.publish(InstitutionRegistered(institutionId: school, name: "Ludzas 2. vidusskola", kind: "general",
                                                             founder: "municipal", municipalityId: UUID(), region: "Latgale"),
                                       producer: "intake")
            let good = UUID(), vague = UUID()
            let first = UUID()
            try await upstream.publish(try ValidationSamples.submitted(good, revision: 2, institution: school), producer: "intake", id: first)
            try await upstream.publish(try ValidationSamples.submitted(good, revision: 2, institution: school), producer: "intake", id: first)
            try await upstream.publish(try ValidationSamples.submitted(good, revision: 2, institution: school), producer: "intake") // a replay under a new id
            try await upstream.publish(try ValidationSamples.submitted(vague, revision: 2, institution: school, vague: true), producer: "intake")
            let done = await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await host.scalar("SELECT count(*) FROM validations WHERE plan_id IN ($1, $2)", [good, vague])) == 2
            }
            #expect(done)
            try await upstream.publish(try ValidationSamples.submitted(good, revision: 3, institution: school), producer: "intake") // resubmitted

            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: probe), count: 3, amqp: amqp)
            var outcomes: [String] = []
            for body in bodies {
                let header = try ContractCoding.decode(EnvelopeHeaderProbe.self, from: body)
                if header.type == PlanValidated.eventType.rawValue {
                    let event = try ContractCoding.decode(Envelope<PlanValidated>.self, from: body).data
                    guard [good, vague].contains(event.plan.planId) else { continue }
                    outcomes.append("validated \(event.plan.planId == good ? "good" : "vague")@\(event.plan.revision)")
                } else {
                    let event = try ContractCoding.decode(Envelope<PlanValidationFailed>.self, from: body).data
                    guard [good, vague].contains(event.plan.planId) else { continue }
                    outcomes.append("failed \(event.plan.planId == good ? "good" : "vague")@\(event.plan.revision)")
                    #expect(event.findings.contains { $0.ruleId.hasPrefix("risk.justification") && $0.path == "risks[1].justification" && $0.severity == "error" },
                            "\(event.findings.map(\.ruleId))")
                    #expect(event.findings.allSatisfy { !$0.messageLv.isEmpty && !$0.messageEn.isEmpty })
                }
            }
            #expect(outcomes.sorted() == ["failed vague@2", "validated good@2", "validated good@3"], "\(outcomes)")

            // A second plan of the same student in the same institution and semester is a duplicate:
            // risk validation knows it from the submissions it has seen.
            let twin = UUID()
            var duplicate = try ValidationSamples.submitted(twin, revision: 2, institution: school)
            duplicate.plan.studentCode = "S-7ZK3M0Q1VX"
            try await upstream.publish(duplicate, producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await host.scalar("SELECT count(*) FROM validations WHERE plan_id = $1 AND outcome = 'failed' AND findings::text LIKE '%plan.duplicate_in_semester%'", [twin])) == 1
            }, "the duplicate is refused")
            #expect(try await host.scalar("SELECT count(*) FROM validations WHERE plan_id IN ($1, $2, $3)", [good, vague, twin]) == 4)

            await upstream.stop()
            await host.stop()
            try? await admin.delete(queue: AMQPTopology.eventQueue(for: probe))
            try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: probe))
        }
    }
}

/// Only the envelope's type.
struct EnvelopeHeaderProbe: Decodable { var type: String }

/// `plan.content_submitted` events as intake writes them.
enum ValidationSamples {
    /// `vocational`: a state vocational institution's student (course 2 instead of grade 8).
    static func submitted(_ planId: UUID, revision: Int, institution: UUID, vague: Bool = false, vocational: Bool = false) throws -> PlanContentSubmitted {
        let semester = SemesterRef(schoolYear: 2022, number: .first)
        let plan = SupportPlan(
            id: planId.uuidString.lowercased(), institutionId: institution.uuidString.lowercased(), studentCode: vague ? "S-4K8PQ2M7ZD" : "S-7ZK3M0Q1VX",
            semester: semester,
            general: GeneralInformation(gradeOrCourse: vocational ? 2 : 8, preparerName: "Ilze Kalniņa",
                                        situation: "Skolēns dzīvo ar vecmāmiņu, māte strādā Īrijā; mācību gada sākumā kavē un nepilda mājasdarbus.",
                                        goal: "Semestra beigās matemātikā un latviešu valodā sasniegt vismaz 4 balles."),
            risks: [
                IdentifiedRisk(code: .L02,
                               justification: "Matemātikā un latviešu valodā 1. semestra pirmajos ieskaites darbos četri nepietiekami vērtējumi; skolēns pats saka, ka nesaprot daļskaitļus.",
                               subjects: ["matemātika"], howSupportHelps: "Individuālas konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas."),
                IdentifiedRisk(code: .F04, justification: vague ? "Ir problēmas." : "Vecmāmiņa nepārbauda mājasdarbus un neapmeklē vecāku sapulces; māte ar skolu sazinās reizi mēnesī."),
            ],
            measures: [
                PlannedMeasure(type: .consultation, addresses: [.L02], kind: .consultation, providers: [.teacher], plannedMinutes: 960),
                PlannedMeasure(type: .consultation, addresses: [.F04], kind: .consultativeSupport, providers: [.socialPedagogue], plannedMinutes: 480),
            ],
            priorityRisk: .L02)
        let context = ValidationContext(institution: InstitutionProfile(id: institution.uuidString.lowercased(), kind: vocational ? .vocational : .general,
                                                                        founder: vocational ? .state : .municipal),
                                        studentBirthDate: CalendarDate(year: 2008, month: 3, day: 10),
                                        consent: ConsentRecord(signer: .parentOrGuardian, signedOn: CalendarDate(year: 2022, month: 9, day: 5)!))
        return PlanContentSubmitted(plan: PlanReference(planId: planId, revision: revision, studentCode: plan.studentCode, institutionId: institution,
                                                 semester: semester.code),
                             submittedBy: ActorPayload(personId: UUID(), role: "preparer"),
                             content: try JSONResponse.encode(plan), context: try JSONResponse.encode(context),
                             riskCodes: ["L02", "F04"], measures: [])
    }
}

/// Any service definition hosted in this process on a random port against the real servers.
struct HostedService {
    let service: String
    let port: Int
    let pool: PostgresPool
    let group: ServiceGroup
    let running: Task<Void, any Error>

    /// Starts one instance; pass the same `name` to start more instances of one service.
    static func start(tag: String, name: String? = nil, _ definition: (String, Int) -> ServiceDefinition) async throws -> HostedService {
        let service = name ?? IntegrationEnvironment.uniqueServiceName(tag)
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL, poolSize: 1),
                                 logger: IntegrationEnvironment.logger)
        try await SchemaProvisioner.provision(adminPool: admin, service: service, password: service)
        await admin.shutdown()
        let database = try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL)
        let port = Int.random(in: 20_000...29_999)
        let environment = [
            "PUMPURS_DATABASE_URL": "postgres://\(service):\(service)@\(database.urlHost):\(database.port)/\(database.database)",
            "PUMPURS_AMQP_URL": ProcessInfo.processInfo.environment["PUMPURS_AMQP_URL"] ?? "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs",
            "PUMPURS_AMQP_SHARED_USER": IntegrationEnvironment.sharedBrokerUser,
            "PUMPURS_HTTP_PORT": "\(port)",
            "PUMPURS_RELAY_POLL_MS": "200",
        ]
        let built = definition(service, port)
        let configuration = try ServiceConfiguration(service: service, defaultPort: port, environment: environment)
        let group = try await ServiceHost.build(built, configuration: configuration, registry: PrometheusCollectorRegistry(),
                                                logger: IntegrationEnvironment.logger)
        let running = Task { try await group.run() }
        let client = HTTPClientForTests(base: "http://127.0.0.1:\(port)")
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { (try? await client.send("GET", "/health/ready", nil).status) == 200 })
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: built.migrations)
        return HostedService(service: service, port: port, pool: pool, group: group, running: running)
    }

    func scalar(_ sql: String, _ parameters: [any PostgresBindable] = []) async throws -> Int {
        try await pool.withConnection { try $0.query(sql, parameters).single().decode(0, as: Int.self) }
    }

    /// Stops this instance and deletes the service's queues.
    func stop() async {
        await stopInstance()
        await Self.deleteQueues(of: service)
    }

    /// Shuts this instance down as SIGTERM would (ordered drain) and rethrows what the group
    /// failed with, if anything.
    func stopGracefully() async throws {
        await group.triggerGracefulShutdown()
        let result = await running.result
        await pool.shutdown()
        try result.get()
    }

    /// Stops this instance only. Instances of one service are all stopped before their shared queues
    /// are deleted once: deleting a quorum queue while its other consumers re-declare it races inside
    /// RabbitMQ 3.10 (the at-least-once dead-letter worker crashes, and enough of those crashes take
    /// the broker's quorum queues down for every test after).
    func stopInstance() async {
        running.cancel()
        _ = await running.result
        await pool.shutdown()
    }

    /// Stops all `instances` (of one service), then deletes its queues once.
    static func stopAll(_ instances: [HostedService]) async {
        for instance in instances { await instance.stopInstance() }
        if let service = instances.first?.service { await deleteQueues(of: service) }
    }

    static func deleteQueues(of service: String) async {
        let admin = AMQPAdmin(url: try! IntegrationEnvironment.amqpURL())
        try? await admin.delete(queue: AMQPTopology.eventQueue(for: service))
        try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: service))
    }
}

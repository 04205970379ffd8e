import AMQP
import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing
import Timesheets

/// Timesheets hosted for real, an upstream standing in for approval and intake (plan and
/// directory events), tokens, and a probe queue that sees what timesheets publishes.
struct TimesheetsHarness {
    /// A Thursday inside 2022/2023-1 (1 Sept – 31 Dec in the default calendar).
    static let today = CalendarDate(year: 2022, month: 10, day: 20)!
    static let semester = "2022/2023-1"
    let hosts: [HostedService]
    let upstream: Upstream
    let minter: TokenMinter
    let probe: String
    let amqp: AMQPURL
    var host: HostedService { hosts[0] }

    /// `instances` hosts of the same service (same schema and queue: competing instances).
    static func start(instances: Int = 1, probing: [String] = []) async throws -> TimesheetsHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let name = IntegrationEnvironment.uniqueServiceName("timesheets")
        var hosts: [HostedService] = []
        for _ in 0..<instances {
            hosts.append(try await HostedService.start(tag: "timesheets", name: name) { name, port in
                TimesheetsService.definition(name: name, port: port, verifier: verifier, today: { today })
            })
        }
        let amqp = try IntegrationEnvironment.amqpURL()
        let probe = IntegrationEnvironment.uniqueServiceName("timesheetsprobe")
        try await AMQPAdmin(url: amqp).declare(AMQPTopology.service(probe, consuming: probing, deliveryLimit: 5))
        return TimesheetsHarness(hosts: hosts, upstream: try await Upstream.start(),
                                 minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"), probe: probe, amqp: amqp)
    }

    /// A token for `person`, whose grant is recorded in the service's directory copy first.
    func token(_ role: Role, _ scope: Scope, person: UUID = UUID()) async throws -> String {
        try await TestGrants.replica(try Principal(personId: person, role: role, scope: scope), on: host.pool)
        return try await minter.mint(personId: person, role: role, scope: scope)
    }

    /// A recorder's token (specialist or preparer) for `person`, employed at the institution
    /// (issue #19 item 5: hours only inside a contract): its coordinator registers a contract for
    /// each of `professions` through the API, valid from the programme's start, open-ended.
    func recorder(_ role: Role, _ scope: Scope, person: UUID = UUID(),
                  professions: [StaffRole] = StaffRole.allCases, rateCents: Int = 1500) async throws -> String {
        let token = try await token(role, scope, person: person)
        guard case .institution(let institution) = scope else { return token }
        let coordinator = try await self.token(.institutionCoordinator, scope)
        for profession in professions {
            let reply = try await client().send("POST", "/timesheets/contracts", coordinator, """
                {"personId":"\(person)","institutionId":"\(institution)","profession":"\(profession.rawValue)",
                 "hourlyRateCents":\(rateCents),"validFrom":"2017-03-01"}
                """)
            #expect(reply.status == 201, "contract: \(reply.body)")
        }
        return token
    }

    func client(_ index: Int = 0) -> HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(hosts[index].port)") }

    /// A municipality with two general schools, in timesheets' directory copy.
    func directory() async throws -> (municipality: UUID, school: UUID, other: UUID) {
        let municipality = UUID(), school = UUID(), other = UUID()
        try await upstream.publish(MunicipalityRegistered(municipalityId: municipality, name: "Ludzas novads", region: "Latgale"), producer: "intake")
        for (id, name) in [(school, "Ludzas 2. vidusskola"), (other, "Kārsavas vidusskola")] {
            try await upstream.publish(InstitutionRegistered(institutionId: id, name: name, kind: "general", founder: "municipal",
                                                             municipalityId: municipality, region: "Latgale"), producer: "intake")
        }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM replica_institutions WHERE id IN ($1, $2)", [school, other])) == 2
        })
        return (municipality, school, other)
    }

    /// A plan's consultation measure for teachers and psychologists with `plannedMinutes`.
    static func consultation(_ plannedMinutes: Int, providers: [String] = ["teacher", "psychologist"]) -> PlannedMeasurePayload {
        PlannedMeasurePayload(measureId: UUID(), type: "consultation", providers: providers, plannedMinutes: plannedMinutes, riskCodes: ["L02"])
    }

    /// A plan reference of `institution` (not yet published).
    static func plan(_ institution: UUID, revision: Int = 2) -> PlanReference {
        PlanReference(planId: UUID(), revision: revision, studentCode: "S-7ZK3M0Q1VX", institutionId: institution, semester: semester)
    }

    /// Publishes `plan.implementation_may_start` as approval does after the head's approval, and
    /// waits until recording is open.
    func start(_ plan: PlanReference, measures: [PlannedMeasurePayload]) async throws {
        try await upstream.publish(PlanImplementationMayStart(plan: plan, measures: measures), producer: "approval")
        #expect(await waitForStatus(plan.planId, "open", revision: plan.revision))
    }

    func status(_ plan: UUID) async throws -> (String, Int)? {
        try await host.pool.withConnection { connection in
            try connection.query("SELECT status, revision FROM plans WHERE plan_id = $1", [plan]).first.map {
                (try $0.decode("status", as: String.self), try $0.decode("revision", as: Int.self))
            }
        }
    }

    func waitForStatus(_ plan: UUID, _ status: String, revision: Int? = nil) async -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            guard let (current, rev) = try? await self.status(plan) else { return false }
            return current == status && (revision == nil || rev == revision)
        }
    }

    /// The body of a specialist's entry.
    static func consultationBody(_ plan: PlanReference, _ measure: PlannedMeasurePayload, date: String, minutes: Int,
                                 provider: String = "teacher", subject: String? = "matemātika", remote: Bool = false) -> String {
        let subjectField = subject.map { #","subject":"\#($0)""# } ?? ""
        return #"{"planId":"\#(plan.planId)","measureId":"\#(measure.measureId)","workDate":"\#(date)","minutes":\#(minutes),"providerType":"\#(provider)","remote":\#(remote)\#(subjectField)}"#
    }

    /// The body of a preparer's entry.
    static func preparerBody(_ plan: PlanReference, date: String, minutes: Int) -> String {
        #"{"planId":"\#(plan.planId)","workDate":"\#(date)","minutes":\#(minutes)}"#
    }

    func stop() async {
        await upstream.stop()
        await HostedService.stopAll(hosts)
        let admin = AMQPAdmin(url: amqp)
        try? await admin.delete(queue: AMQPTopology.eventQueue(for: probe))
        try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: probe))
    }
}

extension HTTPReply {
    /// The first error's rule of a problem answer.
    var rule: String? { (json["errors"] as? [[String: Any]])?.first?["rule"] as? String }
    /// A member of a nested object, e.g. `value("entry", "id")`.
    func value(_ path: String...) -> Any? {
        var node: Any? = json
        for key in path { node = (node as? [String: Any])?[key] }
        return node
    }
}

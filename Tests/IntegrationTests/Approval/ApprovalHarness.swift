import AMQP
import ApprovalRouting
import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing

/// Approval routing hosted for real, an upstream standing in for intake and risk validation,
/// tokens, and a probe queue that sees what approval publishes.
struct ApprovalHarness {
    static let today = CalendarDate(year: 2022, month: 10, day: 3)!
    let host: HostedService
    let hosts: [HostedService]
    let upstream: Upstream
    let minter: TokenMinter
    let probe: String
    let amqp: AMQPURL

    /// `instances` hosts of the same service (same schema and queue: competing consumers).
    static func start(instances: Int = 1, reminders: ReminderSweep = ReminderSweep(), probing: [String] = []) async throws -> ApprovalHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let name = IntegrationEnvironment.uniqueServiceName("approval")
        var hosts: [HostedService] = []
        for _ in 0..<instances {
            hosts.append(try await HostedService.start(tag: "approval", name: name) { name, port in
                ApprovalService.definition(name: name, port: port, verifier: verifier, reminders: reminders,
                                           sweepInterval: .seconds(3600), today: { today })
            })
        }
        let amqp = try IntegrationEnvironment.amqpURL()
        let probe = IntegrationEnvironment.uniqueServiceName("approvalprobe")
        try await AMQPAdmin(url: amqp).declare(AMQPTopology.service(probe, consuming: probing, deliveryLimit: 5))
        return ApprovalHarness(host: hosts[0], hosts: hosts, upstream: try await Upstream.start(),
                               minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"), probe: probe, amqp: amqp)
    }

    /// A token for `person`, whose grant is recorded in the service's directory copy first.
    func token(_ role: Role, _ scope: Scope, person: UUID = UUID()) async throws -> String {
        try await TestGrants.replica(try Principal(personId: person, role: role, scope: scope), on: host.pool)
        return try await minter.mint(personId: person, role: role, scope: scope)
    }

    func client(_ index: Int = 0) -> HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(hosts[index].port)") }

    /// Registers a municipality's general school and a VPII in approval's directory copy.
    func directory() async throws -> (municipality: UUID, school: UUID, vpii: UUID) {
        let municipality = UUID(), school = UUID(), vpii = UUID()
        try await upstream.publish(MunicipalityRegistered(municipalityId: municipality, name: "Ludzas novads", region: "Latgale"), producer: "intake")
        try await upstream.publish(InstitutionRegistered(institutionId: school, name: "Ludzas 2. vidusskola", kind: "general",
                                                         founder: "municipal", municipalityId: municipality, region: "Latgale"), producer: "intake")
        try await upstream.publish(InstitutionRegistered(institutionId: vpii, name: "Rēzeknes tehnikums", kind: "vocational",
                                                         founder: "state", municipalityId: nil, region: "Latgale"), producer: "intake")
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM replica_institutions WHERE id IN ($1, $2)", [school, vpii])) == 2
        })
        return (municipality, school, vpii)
    }

    /// Registers one more institution in approval's directory copy (the VPII definition's cases).
    func institution(kind: String, founder: String, municipality: UUID?, region: String = "Latgale") async throws -> UUID {
        let id = UUID()
        try await upstream.publish(InstitutionRegistered(institutionId: id, name: "Iestāde \(kind)/\(founder)", kind: kind, founder: founder,
                                                         municipalityId: municipality, region: region), producer: "intake")
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM replica_institutions WHERE id = $1", [id])) == 1
        })
        return id
    }

    /// A role assignment (or, with `revoked`, its revocation) as intake's directory publishes it,
    /// once approval's directory copy shows it.
    @discardableResult
    func assign(_ person: UUID, _ role: Role, _ scope: Scope, revoked: Bool = false, assignment: UUID = UUID()) async throws -> UUID {
        let columns = AssignmentColumns(scope)
        let change = RoleAssignmentChanged(assignmentId: assignment, personId: person, role: role.rawValue, scopeKind: columns.kind,
                                           scopeId: columns.id, scopeName: columns.region, assignedBy: UUID())
        if revoked {
            try await upstream.publish(RoleRevoked(assignment: change), producer: "intake")
        } else {
            try await upstream.publish(RoleAssigned(assignment: change), producer: "intake")
        }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM replica_assignments WHERE id = $1 AND revoked = $2", [assignment, revoked])) == 1
        })
        return assignment
    }

    /// Every role `person` holds ends in approval's directory copy, as a `directory.role_revoked`
    /// for each of them would leave it (tokens minted before then stop working).
    func revokeAll(_ person: UUID) async throws {
        _ = try await host.pool.withConnection { try $0.execute("UPDATE replica_assignments SET revoked = true WHERE person_id = $1", [person]) }
    }

    /// A plan submitted by `preparer` and validated (with one warning), as intake and validation would
    /// publish it; with `consent`, intake recorded the signed consent before the submission (it
    /// may also come later, or never: it gates implementation, not approval).
    func validatedPlan(institution: UUID, preparer: UUID = UUID(), semester: String = "2022/2023-1", revision: Int = 2,
                       consent: Bool = true) async throws -> PlanReference {
        let reference = PlanReference(planId: UUID(), revision: revision, studentCode: "S-7ZK3M0Q1VX", institutionId: institution, semester: semester)
        if consent {
            try await upstream.publish(PlanConsentChanged(plan: reference, onFile: true, signedBy: "parent_or_guardian", change: 1),
                                       producer: "intake")
        }
        try await upstream.publish(Self.submitted(reference, preparer: preparer), producer: "intake")
        try await upstream.publish(PlanValidated(plan: reference, warnings: [FindingPayload(
            ruleId: "load.weekly.high", severity: "warning", path: "measures[0].plannedMinutes", messageLv: "Liela slodze", messageEn: "High load")]),
                                   producer: "risk_validation")
        return reference
    }

    static func submitted(_ reference: PlanReference, preparer: UUID, actingFor: UUID? = nil) -> PlanSubmitted {
        PlanSubmitted(plan: reference, submittedBy: ActorPayload(personId: preparer, role: "preparer", actingFor: actingFor), riskCodes: ["L02"],
                      measures: [PlannedMeasurePayload(measureId: UUID(), type: "consultation", providers: ["teacher"], plannedMinutes: 960,
                                                       riskCodes: ["L02"])])
    }

    func state(_ plan: UUID) async throws -> String? {
        try await host.pool.withConnection { try $0.query("SELECT state FROM approval_plans WHERE plan_id = $1", [plan]).first?.decode("state", as: String.self) }
    }

    func waitFor(_ plan: UUID, _ state: String) async -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(20)) { (try? await self.state(plan)) == state }
    }

    func stop() async {
        await upstream.stop()
        await HostedService.stopAll(hosts)
        let admin = AMQPAdmin(url: amqp)
        try? await admin.delete(queue: AMQPTopology.eventQueue(for: probe))
        try? await admin.delete(queue: AMQPTopology.deadLetterQueue(for: probe))
    }
}

import AMQP
import ApprovalRouting
import Auth
import Contracts
import Foundation
import Intake
import Postgres
import RiskValidation
import Rules
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Intake, risk validation and approval routing hosted together on the real broker and
    /// database, driven only through their HTTP APIs as the people would use them.
    @Suite("Plan → validation → approval, end to end through the services", .serialized)
    struct PlanApprovalEndToEndTests {
        @Test("municipal and VPII routes to approved; return and resubmit; suspend and resume; review; bulk approve")
        func endToEnd() async throws {
            let system = try await ThreeServices.start()
            let intake = system.intake, approval = system.approval
            let admin = try await system.token(.ikvdAdmin, .national)
            let directory = try await intake.seed(admin: admin)
            let vpiiReply = try await intake.send("POST", "/directory/institutions", admin,
                                                  #"{"name":"Rēzeknes tehnikums","kind":"vocational","founder":"state","region":"Latgale"}"#)
            let vpii = UUID(uuidString: try #require(vpiiReply.json["id"] as? String))!
            let preparer = try await system.token(.preparer, .institution(directory.school))
            let vpiiPreparer = try await system.token(.preparer, .institution(vpii))
            let head = try await system.token(.institutionHead, .institution(directory.school))
            let vpiiHead = try await system.token(.institutionHead, .institution(vpii))
            let coordinator = try await system.token(.municipalityCoordinator, .municipality(directory.municipality))
            let expert = try await system.token(.ikvdExpert, .region("Latgale"))

            // Municipal school: head → municipality → IKVD, and intake shows every step.
            let plan = try await intake.readyPlan(preparer: preparer, school: directory.school, code: IntakeHarness.code)
            #expect(try await intake.send("POST", "/plans/\(plan)/submit", preparer).status == 202)
            #expect(try await intake.waitForStatus(plan, preparer, "awaiting_institution_head"), "validated by the validation service")
            #expect(try await system.waitInApproval(plan, "awaiting_institution_head"))
            // Returned by the head: the preparer sees the comment, fixes and resubmits; the route starts again.
            let returned = try await approval.send("POST", "/approvals/plans/\(plan)/return", head, #"{"comment":"Precizējiet F04 pamatojumu."}"#)
            #expect(returned.json["state"] as? String == "returned", "\(returned.body)")
            #expect(try await intake.waitForStatus(plan, preparer, "returned"))
            #expect(try await intake.send("GET", "/plans/\(plan)", preparer).json["statusNote"] as? String == "Precizējiet F04 pamatojumu.")
            #expect(try await intake.send("PUT", "/plans/\(plan)/content", preparer, SamplePlan.content).status == 200)
            #expect(try await intake.send("POST", "/plans/\(plan)/submit", preparer).status == 202)
            #expect(try await system.waitInApproval(plan, "awaiting_institution_head", revision: 3))
            for (token, next) in [(head, "awaiting_municipality"), (coordinator, "awaiting_ikvd"), (expert, "approved")] {
                let reply = try await approval.send("POST", "/approvals/plans/\(plan)/approve", token)
                #expect(reply.json["state"] as? String == next, "\(reply.body)")
            }
            #expect(try await intake.waitForStatus(plan, preparer, "approved"))
            #expect(try await intake.send("GET", "/plans/\(plan)", preparer).json["implementationMayStart"] as? Bool == true)

            // Review of the approved plan: back to the preparer, then approval again at every level.
            #expect(try await approval.send("POST", "/approvals/plans/\(plan)/review", head, #"{"comment":"Mainās konsultāciju skaits"}"#)
                .json["state"] as? String == "under_review")
            #expect(try await intake.waitForStatus(plan, preparer, "under_review"))
            #expect(try await intake.send("POST", "/plans/\(plan)/submit", preparer).status == 202)
            #expect(try await system.waitInApproval(plan, "awaiting_institution_head", revision: 4))

            // Suspended and resumed within the semester: intake resubmits it, validation and approval run again.
            #expect(try await approval.send("POST", "/approvals/plans/\(plan)/suspend", head, #"{"comment":"Ilgstoša slimība"}"#)
                .json["state"] as? String == "suspended")
            #expect(try await intake.waitForStatus(plan, preparer, "suspended"))
            let resumed = try await approval.send("POST", "/approvals/plans/\(plan)/resume", head)
            #expect(resumed.json["state"] as? String == "submitted", "\(resumed.body)")
            #expect(try await system.waitInApproval(plan, "awaiting_institution_head", revision: 5), "resubmitted by intake, validated again")

            // VPII: head → IKVD; two VPII plans approved by the head in one bulk request.
            let first = try await intake.readyPlan(preparer: vpiiPreparer, school: vpii, code: IntakeHarness.otherCode, content: SamplePlan.vocational)
            let second = try await intake.readyPlan(preparer: vpiiPreparer, school: vpii, code: "140206-20002", content: SamplePlan.vocational)
            for vocational in [first, second] {
                #expect(try await intake.send("POST", "/plans/\(vocational)/submit", vpiiPreparer).status == 202)
                #expect(try await system.waitInApproval(vocational, "awaiting_institution_head"))
            }
            let bulk = try await approval.send("POST", "/approvals/bulk-approve", vpiiHead, #"{"planIds":["\#(first)","\#(second)","\#(UUID())"]}"#)
            let outcomes = (bulk.json["results"] as? [[String: Any]])?.compactMap { $0["outcome"] as? String }
            #expect(outcomes == ["advanced", "advanced", "not_found"], "\(bulk.body)")
            #expect(try await approval.send("POST", "/approvals/plans/\(first)/approve", expert).json["state"] as? String == "approved")
            #expect(try await intake.waitForStatus(first, vpiiPreparer, "approved"))
            await system.stop()
        }
    }
}

/// Intake, risk validation and approval routing hosted with one token key.
struct ThreeServices {
    let intakeHost: HostedService
    let validationHost: HostedService
    let approvalHost: HostedService
    let minter: TokenMinter
    var intake: HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(intakeHost.port)") }
    var approval: HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(approvalHost.port)") }

    static func start() async throws -> ThreeServices {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let generated = StudentKeys.generate()
        let keys = try StudentKeys(encryptionBase64: generated.encryptionBase64, lookupBase64: generated.lookupBase64)
        let today = CalendarDate(year: 2022, month: 10, day: 3)!
        let intakeHost = try await HostedService.start(tag: "e2eintake") { name, port in
            IntakeService.definition(name: name, port: port, keys: keys, verifier: verifier, today: { today })
        }
        let validationHost = try await HostedService.start(tag: "e2eval") { name, port in RiskValidationService.definition(name: name, port: port) }
        let approvalHost = try await HostedService.start(tag: "e2eappr") { name, port in
            ApprovalService.definition(name: name, port: port, verifier: verifier, sweepInterval: .seconds(3600), today: { today })
        }
        return ThreeServices(intakeHost: intakeHost, validationHost: validationHost, approvalHost: approvalHost,
                             minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"))
    }

    /// A token whose grant intake's directory and approval's copy both hold.
    func token(_ role: Role, _ scope: Scope) async throws -> String {
        let principal = try Principal(personId: UUID(), role: role, scope: scope)
        try await TestGrants.directory(principal, on: intakeHost.pool)
        try await TestGrants.replica(principal, on: approvalHost.pool)
        return try await minter.mint(principal)
    }

    /// Waits until approval holds the plan in `state` (at `revision`, when given).
    func waitInApproval(_ plan: String, _ state: String, revision: Int? = nil) async throws -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(30)) {
            let row = try? await approvalHost.pool.withConnection {
                try $0.query("SELECT state, revision FROM approval_plans WHERE plan_id = $1", [UUID(uuidString: plan)!]).first
            }
            guard let row, (try? row.decode("state", as: String.self)) == state else { return false }
            return revision == nil || (try? row.decode("revision", as: Int.self)) == revision
        }
    }

    func stop() async {
        await approvalHost.stop()
        await validationHost.stop()
        await intakeHost.stop()
    }
}

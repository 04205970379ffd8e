import AMQP
import ApprovalRouting
import Auth
import Contracts
import Foundation
import Postgres
import Reporting
import Rules
import ServiceKit
import TestSupport
import Testing

/// Reporting hosted for real (its own schema and queue on the real PostgreSQL and RabbitMQ),
/// optionally approval routing beside it (for the report flow), an upstream standing in for
/// intake, risk validation, approval, timesheets and payouts, tokens, and a directory of three
/// institutions: a municipal school in Latgale, one in Kurzeme, and a VPII in Vidzeme.
struct ReportingHarness {
    static let today = CalendarDate(year: 2022, month: 12, day: 20)!
    static let semester = "2022/2023-1"

    let host: HostedService
    let approval: HostedService?
    let upstream: Upstream
    let minter: TokenMinter
    let ludza: UUID, kuldiga: UUID
    let ludzaSchool: UUID, kuldigaSchool: UUID, valmieraVPII: UUID

    static func start(withApproval: Bool = false) async throws -> ReportingHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let host = try await HostedService.start(tag: "reporting") { name, port in
            ReportingService.definition(name: name, port: port, verifier: verifier)
        }
        var approval: HostedService?
        if withApproval {
            approval = try await HostedService.start(tag: "approval") { name, port in
                ApprovalService.definition(name: name, port: port, verifier: verifier, sweepInterval: .seconds(3600), today: { today })
            }
        }
        let upstream = try await Upstream.start()
        let ludza = UUID(), kuldiga = UUID(), ludzaSchool = UUID(), kuldigaSchool = UUID(), valmieraVPII = UUID()
        try await upstream.publish(MunicipalityRegistered(municipalityId: ludza, name: "Ludzas novads", region: "Latgale"), producer: "intake")
        try await upstream.publish(MunicipalityRegistered(municipalityId: kuldiga, name: "Kuldīgas novads", region: "Kurzeme"), producer: "intake")
        try await upstream.publish(InstitutionRegistered(institutionId: ludzaSchool, name: "Ludzas 2. vidusskola", kind: "general",
                                                         founder: "municipal", municipalityId: ludza, region: "Latgale"), producer: "intake")
        try await upstream.publish(InstitutionRegistered(institutionId: kuldigaSchool, name: "Kuldīgas 1. pamatskola", kind: "general",
                                                         founder: "municipal", municipalityId: kuldiga, region: "Kurzeme"), producer: "intake")
        try await upstream.publish(InstitutionRegistered(institutionId: valmieraVPII, name: "Valmieras tehnikums", kind: "vocational",
                                                         founder: "state", municipalityId: nil, region: "Vidzeme"), producer: "intake")
        for service in [host] + (approval.map { [$0] } ?? []) {
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await service.scalar("SELECT count(*) FROM replica_institutions WHERE id IN ($1, $2, $3)",
                                           [ludzaSchool, kuldigaSchool, valmieraVPII])) == 3
            })
        }
        return ReportingHarness(host: host, approval: approval, upstream: upstream,
                                minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"),
                                ludza: ludza, kuldiga: kuldiga, ludzaSchool: ludzaSchool, kuldigaSchool: kuldigaSchool, valmieraVPII: valmieraVPII)
    }

    var client: HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(host.port)") }
    var approvalClient: HTTPClientForTests? { approval.map { HTTPClientForTests(base: "http://127.0.0.1:\($0.port)") } }

    /// A token for `person`, whose grant is recorded in the service's directory copy first.
    func token(_ role: Role, _ scope: Scope, person: UUID = UUID()) async throws -> String {
        let grant = try Principal(personId: person, role: role, scope: scope)
        try await TestGrants.replica(grant, on: host.pool)
        if let approval { try await TestGrants.replica(grant, on: approval.pool) }
        return try await minter.mint(grant)
    }

    func founder(of institution: UUID) -> InstitutionFounder { institution == valmieraVPII ? .state : .municipal }

    // MARK: Plans as the other services publish them

    /// A measure of a scripted plan.
    struct Measure {
        let id = UUID()
        var type: MeasureType
        var addresses: [RiskCode]
        var kind: ConsultationKind? = nil
        var providers: [ProviderType] = []
        var minutes: Int? = nil
        /// Per cap period (month or semester, as the default caps say).
        var cents: Int64? = nil

        var isPerMonth: Bool { ProgrammeSettings.defaults.cap(for: type)?.period == .month }

        /// Planned money for the whole semester (4 months in autumn).
        var semesterCents: Int64? { cents.map { isPerMonth ? $0 * 4 : $0 } }

        var payload: PlannedMeasurePayload {
            PlannedMeasurePayload(measureId: id, type: type.rawValue, providers: providers.map(\.rawValue), plannedMinutes: minutes,
                                  monthlyAmountCents: isPerMonth ? cents : nil, semesterAmountCents: isPerMonth ? nil : cents,
                                  riskCodes: addresses.map(\.rawValue))
        }

        var content: PlannedMeasure {
            PlannedMeasure(type: type, addresses: addresses, kind: kind, providers: providers, plannedMinutes: minutes,
                           plannedAmount: cents.map { Cents($0) })
        }
    }

    /// A scripted plan and the status it ends the script in.
    struct Plan {
        var reference: PlanReference
        var risks: [(code: RiskCode, subjects: [String])]
        var measures: [Measure]
        var state: PlanState

        func measure(_ type: MeasureType, _ index: Int = 0) -> Measure { measures.filter { $0.type == type }[index] }

        func submitted(preparer: UUID = UUID()) throws -> PlanContentSubmitted {
            let semester = SemesterRef(code: reference.semester) ?? SemesterRef(schoolYear: 2022, number: .first)
            let content = SupportPlan(
                id: reference.planId.uuidString.lowercased(), institutionId: reference.institutionId.uuidString.lowercased(),
                studentCode: reference.studentCode, semester: semester,
                general: GeneralInformation(gradeOrCourse: 8, preparerName: "Anna Bērziņa", situation: "Situācija", goal: "Mērķis"),
                risks: risks.map { IdentifiedRisk(code: $0.code, justification: "Konkrēts pamatojums ar pieciem vārdiem", subjects: $0.subjects,
                                                  howSupportHelps: $0.subjects.isEmpty ? "" : "Konsultācijas palīdz") },
                measures: measures.map(\.content), priorityRisk: risks.first?.code)
            return PlanContentSubmitted(plan: reference, submittedBy: ActorPayload(personId: preparer, role: "preparer"),
                                 content: try JSONResponse.encode(content), riskCodes: risks.map(\.code.rawValue),
                                 measures: measures.map(\.payload))
        }
    }

    func plan(_ institution: UUID, _ state: PlanState, semester: String = Self.semester, risks: [(code: RiskCode, subjects: [String])],
              measures: [Measure]) -> Plan {
        Plan(reference: PlanReference(planId: UUID(), revision: 1, studentCode: "S-\(UUID().uuidString.prefix(10))",
                                      institutionId: institution, semester: semester),
             risks: risks, measures: measures, state: state)
    }

    /// Publishes the events that bring `plan` to its state, in the order the services would.
    func publish(_ plan: Plan) async throws {
        let ref = plan.reference
        let actor = ActorPayload(personId: UUID(), role: "institution_head")
        let change = PlanLifecycleChange(plan: ref, actor: actor, reason: "Iemesls")
        try await upstream.publish(try plan.submitted(), producer: "intake")
        switch plan.state {
        case .submitted, .draft: return
        case .rejectedByValidation:
            try await upstream.publish(PlanValidationFailed(plan: ref, findings: []), producer: "risk_validation")
            return
        default:
            try await upstream.publish(PlanValidated(plan: ref, warnings: []), producer: "risk_validation")
        }
        switch plan.state {
        case .returned: try await upstream.publish(PlanReturned(change: change, level: "institution_head"), producer: "approval"); return
        case .deleted: try await upstream.publish(PlanDeleted(change: change), producer: "approval"); return
        case .awaitingInstitutionHead: return
        default: break
        }
        let route = ApprovalLevel.route(for: InstitutionCategory(kind: ref.institutionId == valmieraVPII ? .vocational : .general,
                                                                 founder: founder(of: ref.institutionId)))
        for (index, level) in route.enumerated() {
            let next = index + 1 < route.count ? route[index + 1] : nil
            try await upstream.publish(PlanApprovalStepCompleted(plan: ref, level: level.rawValue, nextLevel: next?.rawValue, decidedBy: actor),
                                       producer: "approval")
            if next == .municipality && plan.state == .awaitingMunicipality { return }
            if next == .ikvd && plan.state == .awaitingIKVD { return }
        }
        try await upstream.publish(PlanApproved(plan: ref, approvedBy: actor, measures: plan.measures.map(\.payload)), producer: "approval")
        switch plan.state {
        case .suspended: try await upstream.publish(PlanSuspended(change: change), producer: "approval")
        case .underReview: try await upstream.publish(PlanReviewRequested(change: change), producer: "approval")
        case .reported, .closed:
            try await upstream.publish(PlanReported(change: change), producer: "approval")
            if plan.state == .closed { try await upstream.publish(PlanClosed(change: change), producer: "approval") }
        default: break
        }
    }

    /// The plan's status in reporting's copy.
    func status(_ plan: UUID) async throws -> String? {
        try await host.pool.withConnection { try $0.query("SELECT status FROM rep_plans WHERE plan_id = $1", [plan]).first?.decode("status", as: String.self) }
    }

    /// Waits until every plan has its scripted status.
    func settle(_ plans: [Plan]) async -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(30)) {
            for plan in plans where (try? await status(plan.reference.planId)) != plan.state.rawValue { return false }
            return true
        }
    }

    // MARK: Statistics

    func statistics(_ token: String, _ query: String) async throws -> HTTPReply {
        try await client.send("GET", "/statistics?\(query)", token)
    }

    /// One figure of a statistics answer: a number, `"<5"`, or nil (absent or null).
    static func figure(_ json: [String: Any], _ table: String, group: String = "total", _ category: String, _ column: String) -> Any? {
        guard let tables = json["tables"] as? [[String: Any]], let found = tables.first(where: { $0["name"] as? String == table }) else { return nil }
        let rows = (found["rows"] as? [[String: Any]] ?? []) + (found["totals"] as? [[String: Any]] ?? [])
        let row = rows.first { $0["groupKey"] as? String == group && $0["category"] as? String == category }
        guard let value = row?[column], !(value is NSNull) else { return nil }
        return value
    }

    func stop() async {
        await upstream.stop()
        if let approval { await approval.stop() }
        await host.stop()
    }
}

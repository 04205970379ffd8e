import AMQP
import Auth
import Contracts
import Foundation
import Mail
import Notifications
import Postgres
import ServiceKit
import TestSupport
import Testing

/// The notifications service hosted for real, sending to the SMTP sink the test script started,
/// with a directory of people whose addresses share a suffix unique to this run.
struct NotificationsHarness {
    let host: HostedService
    let upstream: Upstream
    let minter: TokenMinter
    let suffix: String
    let school: UUID
    let municipality: UUID
    var people: [String: UUID] = [:]

    static var mailDirectory: String {
        ProcessInfo.processInfo.environment["PUMPURS_MAIL_DIR"] ?? IntegrationEnvironment.repositoryRoot + "/.local/mail"
    }

    static func start(maxAttempts: Int = 200, digestHour: Int = 0, clock: TestClock? = nil) async throws -> NotificationsHarness {
        let smtp = ProcessInfo.processInfo.environment["PUMPURS_SMTP_URL"] ?? "smtp://127.0.0.1:1025"
        let settings = MailSettings(smtp: SMTPConfiguration(url: smtp, timeoutSeconds: 5),
                                    from: Mailbox(name: "PuMPuRS", address: EmailAddress("noreply@pumpurs.local")!),
                                    portal: "https://pumpurs.example.lv", maxAttempts: maxAttempts, initialBackoff: .milliseconds(200),
                                    maxBackoff: .seconds(2), sendInterval: .milliseconds(200), digestHour: digestHour,
                                    digestInterval: .milliseconds(500))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let host = try await HostedService.start(tag: "notify") { name, port in
            try! NotificationsService.definition(name: name, port: port, settings: settings, verifier: verifier,
                                                 now: { clock?.now ?? Date() })
        }
        let harness = NotificationsHarness(host: host, upstream: try await Upstream.start(),
                                           minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"),
                                           suffix: "@t\(UInt32.random(in: 0...UInt32.max)).example.lv", school: UUID(), municipality: UUID())
        try await harness.upstream.publish(MunicipalityRegistered(municipalityId: harness.municipality, name: "Ludzas novads", region: "Latgale"),
                                           producer: "intake")
        try await harness.upstream.publish(InstitutionRegistered(institutionId: harness.school, name: "Ludzas 2. vidusskola", kind: "general",
                                                                 founder: "municipal", municipalityId: harness.municipality, region: "Latgale"),
                                           producer: "intake")
        return harness
    }

    /// Registers a person with a role in the school (or nationally for finance).
    mutating func person(_ key: String, name: String, language: String, role: Role) async throws {
        let id = UUID()
        people[key] = id
        try await upstream.publish(PersonRegistered(personId: id, name: name, email: "\(key)\(suffix)", language: language), producer: "intake")
        let national = role == .finance || role == .ikvdAdmin
        try await upstream.publish(RoleAssigned(assignment: RoleAssignmentChanged(
            assignmentId: UUID(), personId: id, role: role.rawValue, scopeKind: national ? "national" : "institution",
            scopeId: national ? nil : school, assignedBy: UUID())), producer: "intake")
    }

    var client: HTTPClientForTests { HTTPClientForTests(base: "http://127.0.0.1:\(host.port)") }

    func waitForDirectory(_ count: Int) async -> Bool {
        await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            (try? await host.scalar("SELECT count(*) FROM replica_assignments")) == count
        }
    }

    func plan() -> PlanReference {
        PlanReference(planId: UUID(), revision: 2, studentCode: "S-7ZK3M0Q1VX", institutionId: school, semester: "2022/2023-1")
    }

    /// Mails the sink received for this run's addresses, parsed by Python's email package.
    func received() async throws -> [[String: Any]] {
        let result = try await IntegrationEnvironment.run("/usr/bin/env", ["python3", IntegrationEnvironment.repositoryRoot + "/Tests/Oracles/mail_summary.py",
                                                                          Self.mailDirectory, suffix])
        #expect(result.status == 0, "\(result.output)")
        return (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [[String: Any]] ?? []
    }

    func waitForMails(_ count: Int, timeout: Duration = .seconds(30)) async -> [[String: Any]] {
        var mails: [[String: Any]] = []
        _ = await IntegrationEnvironment.eventually(timeout: timeout, every: .milliseconds(300)) {
            mails = (try? await received()) ?? []
            return mails.count >= count
        }
        return mails
    }

    func stop() async {
        await upstream.stop()
        await host.stop()
    }
}

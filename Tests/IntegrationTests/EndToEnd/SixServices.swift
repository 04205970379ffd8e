import ApprovalRouting
import Auth
import Contracts
import Foundation
import Intake
import Mail
import Notifications
import Payouts
import PlatformClient
import Postgres
import RiskValidation
import Rules
import ServiceKit
import TestSupport
import Testing
import Timesheets

/// The six services hosted in this process with one token key, the development programme
/// settings (the current school year, hourly rates) and a clock fixed inside its first semester.
struct SixServices {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!
    static var settings: ProgrammeSettings {
        (try? ProgrammeSettingsFile.load([ProgrammeSettingsFile.key: IntegrationEnvironment.repositoryRoot
                                            + "/deploy/local/programme-settings.json"])) ?? .defaults
    }
    static var semester: SemesterDates { settings.semester(containing: today)! }

    /// One hosted service and SQL reads of its schema.
    struct Hosted {
        let host: HostedService
        func text(_ sql: String, _ parameters: [any PostgresBindable]) async throws -> String? {
            try await host.pool.withConnection { try $0.query(sql, parameters).first?.decode(0, as: String.self) }
        }
    }

    let intake: Hosted
    let validation: Hosted
    let approval: Hosted
    let timesheets: Hosted
    let payouts: Hosted
    let notifications: Hosted
    let minter: TokenMinter

    /// A new IKVD administrator in intake's directory (as `pumpurs directory bootstrap-admin` makes one).
    func administrator() async throws -> UUID {
        let producer = intake.host.service
        return try await intake.host.pool.withTransaction { connection in
            try AdministratorBootstrap.ensure(name: "IKVD administrators", email: "admin-\(UUID().uuidString.prefix(8).lowercased())@e2e.example.lv",
                                              outbox: OutboxWriter(producer: producer, correlationId: UUID.timeOrdered()), on: connection)
        }
    }

    var endpoints: PlatformEndpoints {
        PlatformEndpoints(intake: "http://127.0.0.1:\(intake.host.port)", approval: "http://127.0.0.1:\(approval.host.port)",
                          timesheets: "http://127.0.0.1:\(timesheets.host.port)", payouts: "http://127.0.0.1:\(payouts.host.port)")
    }

    static func start() async throws -> SixServices {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let generated = StudentKeys.generate()
        let keys = try StudentKeys(encryptionBase64: generated.encryptionBase64, lookupBase64: generated.lookupBase64)
        let settings = Self.settings
        let clock: @Sendable () -> CalendarDate? = { today }
        let smtp = ProcessInfo.processInfo.environment["PUMPURS_SMTP_URL"] ?? "smtp://127.0.0.1:1025"
        let mail = MailSettings(smtp: SMTPConfiguration(url: smtp, timeoutSeconds: 5),
                                from: Mailbox(name: "PuMPuRS", address: EmailAddress("noreply@pumpurs.local")!),
                                portal: "https://pumpurs.example.lv", maxAttempts: 50, initialBackoff: .milliseconds(200),
                                maxBackoff: .seconds(2), sendInterval: .milliseconds(200), digestHour: 0, digestInterval: .seconds(3600))
        let intake = try await HostedService.start(tag: "e2e6intake") { name, port in
            IntakeService.definition(name: name, port: port, keys: keys, verifier: verifier, settings: settings, today: clock)
        }
        let validation = try await HostedService.start(tag: "e2e6val") { name, port in
            RiskValidationService.definition(name: name, port: port, settings: settings)
        }
        let approval = try await HostedService.start(tag: "e2e6appr") { name, port in
            ApprovalService.definition(name: name, port: port, verifier: verifier, settings: settings, sweepInterval: .seconds(3600), today: clock)
        }
        let timesheets = try await HostedService.start(tag: "e2e6ts") { name, port in
            TimesheetsService.definition(name: name, port: port, verifier: verifier, settings: settings, today: clock)
        }
        let payouts = try await HostedService.start(tag: "e2e6pay") { name, port in
            PayoutsService.definition(name: name, port: port, verifier: verifier, settings: settings, today: clock)
        }
        let notifications = try await HostedService.start(tag: "e2e6mail") { name, port in
            try! NotificationsService.definition(name: name, port: port, settings: mail, verifier: verifier)
        }
        return SixServices(intake: Hosted(host: intake), validation: Hosted(host: validation), approval: Hosted(host: approval),
                           timesheets: Hosted(host: timesheets), payouts: Hosted(host: payouts), notifications: Hosted(host: notifications),
                           minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"))
    }

    /// Finance's own AMQP client (Python's pika): `Tests/Oracles/finance_consumer.py`.
    func finance(_ arguments: [String]) async throws -> [String: Any] {
        let result = try await IntegrationEnvironment.run("/usr/bin/env", ["python3", IntegrationEnvironment.repositoryRoot + "/Tests/Oracles/finance_consumer.py"]
                                                          + arguments + ["--url", PayoutsHarness.rawAMQPURL])
        #expect(result.status == 0, "\(result.output)")
        let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    /// The sink's mails to addresses ending in `suffix`, once there are `atLeast` (or after 30 s).
    func waitForMails(suffix: String, atLeast count: Int) async -> [[String: Any]] {
        var mails: [[String: Any]] = []
        _ = await IntegrationEnvironment.eventually(timeout: .seconds(30), every: .milliseconds(500)) {
            let result = try? await IntegrationEnvironment.run("/usr/bin/env", ["python3", IntegrationEnvironment.repositoryRoot
                                                                                + "/Tests/Oracles/mail_summary.py", NotificationsHarness.mailDirectory, suffix])
            mails = (result.flatMap { try? JSONSerialization.jsonObject(with: Data($0.output.utf8)) } as? [[String: Any]]) ?? []
            return mails.count >= count
        }
        return mails
    }

    func stop() async {
        for hosted in [notifications, payouts, timesheets, approval, validation, intake] { await hosted.host.stop() }
    }
}

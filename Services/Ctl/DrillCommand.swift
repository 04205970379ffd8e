import AMQP
import ArgumentParser
import Auth
import Foundation
import PlatformClient
import Rules
import ServiceKit

/// `pumpurs drill`: N plans (default 2,000) flow through the running local system (as `bench
/// pipeline` drives them) while the broker is killed with `kill -9` and restarted (three times)
/// and every service is killed with `kill -9` once (its supervisor restarts it). Then a
/// Jepsen-style check from the services' own records and finance's queue: every submitted plan
/// in exactly one final state, payouts lost = 0, payouts duplicated = 0, emails lost = 0, and the
/// time to drain. Exits non-zero when a check fails.
struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drill", abstract: "Kill the broker and every service while plans flow; check nothing is lost or doubled.")

    @Option(help: "Plans to push through.") var plans = 2_000
    @Option(help: "Broker kills.") var brokerKills = 3
    @Option(help: "Seconds between faults.") var every = 8
    @Option(help: "Give up after this many seconds.") var timeout = 1800

    func run() async throws {
        try RunMode.requireDevelopment(ProcessInfo.processInfo.environment, for: "pumpurs drill")
        let environment = ProcessInfo.processInfo.environment
        let root = FileManager.default.currentDirectoryPath
        let env = CtlEnvironment()
        let settings = try ProgrammeSettingsFile.load(environment)
        guard let today = CalendarDate.todayUTC(), let semester = settings.semester(containing: today) else {
            throw ValidationError("no semester in the programme settings contains today; set PUMPURS_PROGRAMME_SETTINGS_FILE")
        }
        let minter = try await TokenMinter(privateKeyFile: environment["PUMPURS_JWT_PRIVATE_KEY_FILE"] ?? root + "/.local/jwt/dev-private.pem",
                                           issuer: environment["PUMPURS_JWT_ISSUER"] ?? "pumpurs-dev",
                                           audience: environment["PUMPURS_JWT_AUDIENCE"] ?? "pumpurs")
        let tag = "drill\(Int(Date().timeIntervalSince1970) % 1_000_000)"
        let config = PipelineDriver.Config(
            plans: plans, schools: 10, concurrency: 16, semester: semester, today: today,
            content: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/deploy/local/demo/plan-content.json"))),
            consentForm: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/deploy/local/demo/consent-form.pdf"))),
            tag: tag, stepDeadline: .seconds(240))
        let administrator = try await CtlEnvironment().bootstrapAdministrator(name: "IKVD administrators", email: "admin@pumpurs.example.lv")
        let driver = PipelineDriver(api: PlatformAPI(endpoints: .local), minter: minter, config: config, administrator: administrator)
        let amqp = try env.amqpURL()
        // Finance's view: its own durable queue for this drill, bound before anything is paid.
        let finance = "drillfinance\(tag)"
        try await AMQPAdmin(url: amqp).declare(AMQPTopology.service(finance, consuming: ["payout.released"], deliveryLimit: 50))
        say("drill \(tag): \(plans) plans; broker kill -9 ×\(brokerKills) and every service kill -9 once, one fault every \(every) s")
        let retired = try await driver.retireOtherCasts()
        if retired > 0 { say("revoked \(retired) national roles of earlier benchmark/drill casts (they would be emailed for every plan)") }
        let cast = try await driver.setup()
        let start = Date()
        let faults = Task { try await Self.inject(brokerKills: brokerKills, every: every, root: root) }
        try await driver.run(cast, deadline: .seconds(timeout))
        let lastFault = try await faults.value
        say(String(format: "flow done at %.1f s (last fault at %.1f s); %d retried requests", Date().timeIntervalSince(start),
                   lastFault.timeIntervalSince(start), await driver.record.retries))

        // Drain: wait until the services' records stop changing and nothing is queued.
        let database = try RawDatabase(url: env.adminDatabaseURL)
        let ids = "{" + (await driver.record.submitted.values.map(\.plan)).joined(separator: ",") + "}"
        func count(_ sql: String, _ parameters: [String] = []) throws -> Int { Int(try database.exec(sql, parameters).first ?? "0") ?? 0 }
        var drained = Date()
        var previous = ""
        let drainEnd = Date().addingTimeInterval(600)
        while Date() < drainEnd {
            let snapshot = [
                try count("SELECT count(*) FROM approval.approval_plans WHERE plan_id = ANY($1::uuid[]) AND state = 'approved'", [ids]),
                try count("SELECT count(*) FROM payouts.payouts WHERE plan_id = ANY($1::uuid[]) AND state = 'released'", [ids]),
                try count("SELECT count(*) FROM notifications.mails WHERE recipient_email LIKE $1 AND status = 'sent'", ["%@" + config.mailDomain]),
                try count("SELECT count(*) FROM notifications.mails WHERE recipient_email LIKE $1 AND status = 'queued'", ["%@" + config.mailDomain]),
            ].map(String.init).joined(separator: "/")
            if snapshot != previous { previous = snapshot; drained = Date() }
            // Stable for 15 s and no mail of the run still queued: a sender killed mid-session
            // leaves its claimed mails leased (2 min) before another send takes them up.
            let queued = try count("SELECT count(*) FROM notifications.mails WHERE recipient_email LIKE $1 AND status = 'queued'",
                                   ["%@" + config.mailDomain])
            if Date().timeIntervalSince(drained) > 15 && queued == 0 { break }
            try await Task.sleep(for: .seconds(1))
        }
        let drainSeconds = drained.timeIntervalSince(lastFault)

        // The checks.
        let submitted = await driver.record.submittedCount
        let failures = await driver.record.failures
        let states = try database.exec("""
            SELECT state || ':' || count(*) FROM approval.approval_plans WHERE plan_id = ANY($1::uuid[]) GROUP BY state ORDER BY state
            """, [ids])
        let inApproval = try count("SELECT count(DISTINCT plan_id) FROM approval.approval_plans WHERE plan_id = ANY($1::uuid[])", [ids])
        let intakeApproved = try count("SELECT count(*) FROM intake.plans WHERE id = ANY($1::uuid[]) AND status = 'approved'", [ids])
        let approved = try count("SELECT count(*) FROM approval.approval_plans WHERE plan_id = ANY($1::uuid[]) AND state = 'approved'", [ids])
        let claimPayouts = try count("SELECT count(*) FROM payouts.payouts WHERE plan_id = ANY($1::uuid[]) AND kind = 'claim' AND state = 'released'", [ids])
        let plansPaid = try count("SELECT count(DISTINCT plan_id) FROM payouts.payouts WHERE plan_id = ANY($1::uuid[]) AND kind = 'claim' AND state = 'released'", [ids])
        let ledger = try count("SELECT count(*) FROM payouts.ledger WHERE plan_id = ANY($1::uuid[])", [ids])
        let mailsMade = try count("SELECT count(*) FROM notifications.mails WHERE recipient_email LIKE $1", ["%@" + config.mailDomain])
        let mailsSent = try count("SELECT count(*) FROM notifications.mails WHERE recipient_email LIKE $1 AND status = 'sent'", ["%@" + config.mailDomain])
        // One plan.approved event per plan, each mailed (to the preparer and the coordinator).
        let approvedMails = try count("SELECT count(DISTINCT event_id) FROM notifications.mails WHERE recipient_email LIKE $1 AND kind = 'approved'",
                                      ["%@" + config.mailDomain])
        let (files, distinctMails) = Self.mailFiles(in: environment["PUMPURS_MAIL_DIR"] ?? root + "/.local/mail", domain: config.mailDomain)
        let (received, distinct) = try await Self.financeView(queue: AMQPTopology.eventQueue(for: finance), amqp: amqp, plans: Set(ids.dropFirst().dropLast().split(separator: ",").map { $0.lowercased() }))
        try? await AMQPAdmin(url: amqp).delete(queue: AMQPTopology.eventQueue(for: finance))
        try? await AMQPAdmin(url: amqp).delete(queue: AMQPTopology.deadLetterQueue(for: finance))

        let notFinal = submitted - approved
        // Lost: an approved plan without its released claim payout, or a released payout finance never received.
        let payoutsLost = (approved - plansPaid) + max(0, claimPayouts - distinct)
        let payoutsDuplicated = (claimPayouts - plansPaid) + max(0, ledger - claimPayouts)
        // Counted by Message-ID, so a mail sent twice (a sender killed between its SMTP session and
        // recording it) cannot hide a lost one.
        let emailsLost = (mailsMade - mailsSent) + max(0, mailsSent - distinctMails) + max(0, approved - approvedMails)
        say("plans: submitted \(submitted) (client failures \(failures.count)); in approval \(inApproval); final states \(states.joined(separator: ", ")); intake shows approved \(intakeApproved)")
        say("every submitted plan in exactly one final state: \(notFinal == 0 && inApproval == submitted ? "yes" : "NO (\(notFinal) not final)")")
        say("payouts: released \(claimPayouts) for \(plansPaid) plans, ledger entries \(ledger); finance received \(received) deliveries, \(distinct) distinct payouts")
        say("payouts lost = \(payoutsLost)")
        say("payouts duplicated = \(payoutsDuplicated)")
        say("emails: \(mailsMade) made, \(mailsSent) sent, \(files) in the sink = \(distinctMails) distinct Message-IDs + \(files - distinctMails) sent again (at least once); plan-approved mails \(approvedMails) for \(approved) plans")
        say("emails lost = \(emailsLost)")
        say(String(format: "time to drain after the last fault: %.1f s", drainSeconds))
        for failure in failures.prefix(5) { say("  client failure: \(failure)") }
        if notFinal != 0 || payoutsLost != 0 || payoutsDuplicated != 0 || emailsLost != 0 || distinct != claimPayouts { throw ExitCode(1) }
    }

    /// The faults, spread over the flow: the broker killed and restarted `brokerKills` times, and
    /// every service killed once (the supervisor restarts it). Returns when the last one is done.
    static func inject(brokerKills: Int, every: Int, root: String) async throws -> Date {
        var faults: [String] = (0..<brokerKills).map { _ in "broker" }
        let services = PlatformServices.all.map(\.executable)
        for (index, service) in services.enumerated() { faults.insert(service, at: min(faults.count, index * (brokerKills + 1) / max(1, services.count) + index)) }
        for fault in faults {
            try await Task.sleep(for: .seconds(every))
            if fault == "broker" {
                say("fault: kill -9 RabbitMQ, then start it again")
                _ = await run(root + "/deploy/local/infra", ["broker-kill"])
                _ = await run(root + "/deploy/local/infra", ["broker-start"])
            } else if let pid = (try? String(contentsOfFile: root + "/.local/run/\(fault).pid", encoding: .utf8))
                .flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
                say("fault: kill -9 \(fault) (pid \(pid)); its supervisor restarts it")
                kill(pid, SIGKILL)
            }
        }
        return Date()
    }

    /// Runs `executable` to its end on a thread of its own (posix_spawn + waitpid: Foundation's
    /// `Process.waitUntilExit` needs a run loop and hung inside the concurrency pool here).
    static func run(_ executable: String, _ arguments: [String]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var actions = posix_spawn_file_actions_t()
                posix_spawn_file_actions_init(&actions)
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
                let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
                var pid: pid_t = 0
                var status: Int32 = -1
                if posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 {
                    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                }
                argv.forEach { free($0) }
                posix_spawn_file_actions_destroy(&actions)
                continuation.resume(returning: status)
            }
            thread.start()
        }
    }

    /// `.eml` files in the sink addressed to the drill's domain, and how many distinct Message-IDs they carry.
    static func mailFiles(in directory: String, domain: String) -> (files: Int, distinct: Int) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files = 0
        var ids = Set<String>()
        for name in names where name.hasSuffix(".eml") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            let head = String(decoding: data.prefix(4096), as: UTF8.self)
            // Split on any line break: "\r\n" is one Character in Swift, so splitting on "\n" alone finds no lines.
            let lines = head.split(whereSeparator: \.isNewline)
            guard lines.prefix(8).contains(where: { $0.lowercased().hasPrefix("x-envelope-to:") && $0.lowercased().hasSuffix("@" + domain) }) else { continue }
            files += 1
            let id = lines.first { $0.lowercased().hasPrefix("message-id:") }.map { String($0.dropFirst("message-id:".count)).trimmingCharacters(in: .whitespaces) }
            ids.insert(id ?? name)
        }
        return (files, ids.count)
    }

    /// Deliveries on finance's queue for the drill's plans: all of them, and distinct payout ids.
    static func financeView(queue: String, amqp: AMQPURL, plans: Set<String>) async throws -> (Int, Int) {
        let consumer = AMQPConsumer(url: amqp, queue: queue, prefetch: 100, logger: CtlEnvironment().logger)
        let seen = Seen()
        let task = Task { await consumer.run { delivery in
            if let envelope = try? JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any],
               let data = envelope["data"] as? [String: Any], let plan = (data["planId"] as? String)?.lowercased(), plans.contains(plan),
               let payout = data["payoutId"] as? String {
                await seen.add(payout.lowercased())
            }
            return .ack
        } }
        var last = -1
        while true {
            try await Task.sleep(for: .seconds(3))
            let now = await seen.total
            if now == last { break }
            last = now
        }
        task.cancel()
        _ = await task.result
        return (await seen.total, await seen.distinct)
    }
}

private actor Seen {
    var total = 0
    var ids = Set<String>()
    func add(_ id: String) { total += 1; ids.insert(id) }
    var distinct: Int { ids.count }
}

import AMQP
import ArgumentParser
import Auth
import Foundation
import PlatformClient
import Rules
import ServiceKit

/// `pumpurs bench pipeline`: N plans (default 11,000, one national semester) through the running
/// local system (`deploy/local/run`) as users would drive it: submitted through intake, validated,
/// approved at every level by a scripted approver (bulk, through the API), a meals claim paid for
/// each, and the emails sent. Then a bare floor doing the durable operations the run did (its
/// request transactions, its events relayed with confirms, their deliveries as inbox
/// transactions with acks: ``RunShapedFloor``) with no service logic, on as many threads as
/// there are services. Prints throughput, p50/p99 per hop and end to end, CPU seconds
/// and peak RSS per process, and last `ratio=<pipeline plans/s ÷ floor plans/s>`.
struct BenchPipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pipeline",
                                                    abstract: "Plans through the running services, against a bare durable floor.")

    @Option(help: "Plans to submit.") var plans = 11_000
    @Option(help: "Schools (each with a head and a preparer).") var schools = 10
    @Option(help: "Concurrent preparers submitting.") var concurrency = 24
    @Option(help: "Give up after this many seconds.") var timeout = 1800
    @Flag(help: "Skip the floor.") var noFloor = false

    func run() async throws {
        try RunMode.requireDevelopment(ProcessInfo.processInfo.environment, for: "pumpurs bench pipeline")
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
        let tag = "bench\(Int(Date().timeIntervalSince1970) % 1_000_000)"
        let config = PipelineDriver.Config(
            plans: plans, schools: schools, concurrency: concurrency, semester: semester, today: today,
            content: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/deploy/local/demo/plan-content.json"))),
            consentForm: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/deploy/local/demo/consent-form.pdf"))), tag: tag)
        let administrator = try await CtlEnvironment().bootstrapAdministrator(name: "IKVD administrators", email: "admin@pumpurs.example.lv")
        let driver = PipelineDriver(api: PlatformAPI(endpoints: .local), minter: minter, config: config, administrator: administrator)
        let gauge = ProcessGauge(names: PlatformServices.all.map(\.executable), runDirectory: root + "/.local/run")
        for name in gauge.names { if let pid = gauge.pid(name) { try? "5".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8) } }
        let idle = gauge.sample()
        let infra = InfraGauge()
        let infraIdle = infra.sample()
        say("bench pipeline: \(plans) plans, \(schools) schools, \(concurrency) preparers at once, semester \(semester.semester.code), run \(tag)")
        let retired = try await driver.retireOtherCasts()
        if retired > 0 { say("revoked \(retired) national roles of earlier benchmark/drill casts (they would be emailed for every plan)") }
        let cast = try await driver.setup()
        let database = try RawDatabase(url: env.adminDatabaseURL)
        let counts0 = try Self.durableCounts(database)
        let commits0 = try Self.commits(database)
        let start = Date()
        try await driver.run(cast, deadline: .seconds(timeout))
        let claimsDone = Date().timeIntervalSince(start)
        // Released payouts and sent emails of this run, as the services recorded them.
        let planIds = await driver.record.submitted.values.map(\.plan)
        // Done when every consequence has happened: the claims' payouts released, every service's
        // queue empty and outbox published (so no email is still to be made) and no email of the run
        // waiting to be sent — seen twice in a row, as a message in a consumer's hands is in no count.
        var released = 0, mailsQueued = 0, mailsSent = 0, quietPolls = 0
        let amqp = try env.amqpURL()
        let drainEnd = Date().addingTimeInterval(900)
        repeat {
            released = Int(try database.exec("SELECT count(*) FROM payouts.payouts WHERE state = 'released' AND period = $1 AND plan_id = ANY($2::uuid[])",
                                              [config.month, "{" + planIds.joined(separator: ",") + "}"]).first ?? "0") ?? 0
            // Only the queued mails are looked at while the run is measured: the table keeps every
            // mail ever sent, and counting the sent ones scanned it (≈ 150 ms of PostgreSQL per poll).
            mailsQueued = Int(try database.exec("SELECT count(*) FROM notifications.mails WHERE status = 'queued' AND recipient_email LIKE $1",
                                                ["%@" + config.mailDomain]).first ?? "0") ?? 0
            // The queues and outboxes are looked at only once payouts and mail look done: each
            // queue probe is a broker connection, and the run is still being measured.
            var quiet = released >= (await driver.record.claimedCount) && mailsQueued == 0
            if quiet {
                let admin = AMQPAdmin(url: amqp)
                for service in PlatformServices.all.map(\.name) where quiet {
                    let queued = (try? await admin.messageCount(queue: AMQPTopology.eventQueue(for: service))) ?? 0
                    let pending = Int(try database.exec("SELECT count(*) FROM \(service).outbox WHERE published_at IS NULL").first ?? "0") ?? 0
                    quiet = queued == 0 && pending == 0
                }
            }
            quietPolls = quiet ? quietPolls + 1 : 0
            if quietPolls >= 2 { break }
            try await Task.sleep(for: .milliseconds(500))
        } while Date() < drainEnd
        mailsSent = Int(try database.exec("SELECT count(*) FROM notifications.mails WHERE recipient_email LIKE $1 AND status = 'sent'",
                                          ["%@" + config.mailDomain]).first ?? "0") ?? 0
        let lastMail = Double(try database.exec("SELECT COALESCE(extract(epoch FROM max(sent_at)), 0) FROM notifications.mails WHERE recipient_email LIKE $1",
                                                ["%@" + config.mailDomain]).first ?? "0") ?? 0
        let lastPayout = Double(try database.exec("SELECT COALESCE(extract(epoch FROM max(released_at)), 0) FROM payouts.payouts WHERE plan_id = ANY($1::uuid[])",
                                                  ["{" + planIds.joined(separator: ",") + "}"]).first ?? "0") ?? 0
        // The run is done when the last payout is released and the last email sent.
        let wall = max(lastPayout, lastMail, start.timeIntervalSince1970 + claimsDone) - start.timeIntervalSince1970
        let busy = gauge.sample()
        let infraBusy = infra.sample()
        let counts1 = try Self.durableCounts(database)
        let commits1 = try Self.commits(database)
        let failures = await driver.record.failures
        let retries = await driver.record.retries

        say(String(format: "pipeline: %d plans submitted, %d approved, %d payouts released, emails sent, in %.1f s → %.1f plans/s (claims done at %.1f s; %d failures, %d retried requests)",
                     planIds.count, await driver.record.approvedCount, released, wall, Double(released) / wall, claimsDone, failures.count, retries))
        say(String(format: "emails: %d sent for this run, %d still queued; last sent %.1f s after the start",
                     mailsSent, mailsQueued, lastMail > 0 ? lastMail - start.timeIntervalSince1970 : .nan))
        for failure in failures.prefix(5) { say("  failure: \(failure)") }

        // Per hop, from the services' own timestamps (approval's decisions, payouts' release).
        let wallSubmit = await driver.record.submittedWall
        let rows = try database.exec("""
            SELECT d.plan_id || ',' || string_agg(d.command || ':' || d.from_state || ':' || extract(epoch FROM d.at)::text, ';' ORDER BY d.id)
                   || ',' || COALESCE((SELECT extract(epoch FROM max(p.released_at))::text FROM payouts.payouts p WHERE p.plan_id = d.plan_id), '')
            FROM approval.decisions d WHERE d.plan_id = ANY($1::uuid[]) GROUP BY d.plan_id
            """, ["{" + planIds.joined(separator: ",") + "}"])
        var hops: [String: [Double]] = [:]
        for row in rows {
            let parts = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let submitted = wallSubmit[parts[0].lowercased()] else { continue }
            var times: [String: Double] = [:]
            for decision in parts[1].split(separator: ";") {
                let fields = decision.split(separator: ":").map(String.init)
                if fields.count == 3, let at = Double(fields[2]) { times[fields[0] + ":" + fields[1]] = times[fields[0] + ":" + fields[1]] ?? at }
            }
            let routed = times["route:submitted"], head = times["approve:awaiting_institution_head"]
            let municipality = times["approve:awaiting_municipality"], ikvd = times["approve:awaiting_ikvd"]
            let paid = Double(parts[2])
            func add(_ hop: String, _ from: Double?, _ to: Double?) { if let from, let to { hops[hop, default: []].append(to - from) } }
            add("1 submit → validated and routed", submitted, routed)
            add("2 routed → head approved", routed, head)
            add("3 head → municipality approved", head, municipality)
            add("4 municipality → IKVD approved", municipality, ikvd)
            add("5 approved → claim paid (released)", ikvd, paid)
            add("end to end: submit → payout released", submitted, paid)
        }
        for hop in hops.keys.sorted() {
            let values = hops[hop] ?? []
            say(String(format: "  %-40@ p50 %7.2f s   p99 %7.2f s   (%d plans)", hop as NSString, percentile(values, 0.5), percentile(values, 0.99), values.count))
        }
        say("processes (CPU seconds during the run; RSS idle → peak):")
        for name in gauge.names {
            guard let before = idle[name], let after = busy[name] else { say("  \(name): not running"); continue }
            say(String(format: "  %-26@ cpu %7.1f s   rss idle %6.1f MiB   peak %6.1f MiB", name as NSString, after.cpuSeconds - before.cpuSeconds,
                         Double(before.rssKiB) / 1024, Double(after.peakKiB) / 1024))
        }
        for part in InfraGauge.parts {
            say(String(format: "  %-26@ cpu %7.1f s", part as NSString, (infraBusy[part] ?? 0) - (infraIdle[part] ?? 0)))
        }
        let published = counts1.outbox - counts0.outbox, consumed = counts1.inbox - counts0.inbox
        let httpWrites = planIds.count * 8
        let consumerTransactions = try Self.consumerTransactions(database, since: start)
        say("durable operations of the run: \(published) events published, \(consumed) messages consumed in \(consumerTransactions) transactions, ~\(httpWrites) HTTP write transactions"
            + " (PostgreSQL counted \(commits1 - commits0) commits in all, read-only ones and the drain checks included)")
        let pipelineRate = Double(released) / wall
        guard !noFloor else { return }
        let floorIdle = infra.sample()
        let floorSeconds = try await PipelineFloor.run(writes: httpWrites, published: published, deliveries: consumed,
                                                       consumerTransactions: consumerTransactions, threads: gauge.names.count,
                                                       databaseURL: env.adminDatabaseURL, amqp: try env.amqpURL())
        let floorRate = Double(planIds.count) / floorSeconds
        say(String(format: "floor: the same %d request transactions, %d events (outbox row → claim → confirmed publish → mark sent) and %d deliveries (inbox rows in %d transactions → ack) on %d threads in %.1f s → %.1f plans/s",
                     httpWrites, published, consumed, consumerTransactions, gauge.names.count, floorSeconds, floorRate))
        // Where the floor's time went, beside the run's: the two cores' budget at a glance.
        let floorBusy = infra.sample()
        let floorParts = ["postgresql", "rabbitmq", "bench client"]
        let floorSpent = floorParts.map { (floorBusy[$0] ?? 0) - (floorIdle[$0] ?? 0) }
        let pipelineCPU = gauge.names.reduce(0.0) { $0 + ((busy[$1]?.cpuSeconds ?? 0) - (idle[$1]?.cpuSeconds ?? 0)) }
            + InfraGauge.parts.reduce(0.0) { $0 + ((infraBusy[$1] ?? 0) - (infraIdle[$1] ?? 0)) }
        let floorCPU = zip(floorParts, floorSpent).map { $0 + String(format: " %.1f s", $1) }.joined(separator: ", ")
        say(String(format: "CPU seconds: the run %.1f (%.3f per plan), the floor %.1f (", pipelineCPU,
                     pipelineCPU / Double(max(1, released)), floorSpent.reduce(0, +)) + floorCPU + ")")
        say(String(format: "ratio=%.2f", pipelineRate / floorRate))
    }

    /// Transactions committed in the database so far (every session's, as PostgreSQL counts them).
    static func commits(_ database: RawDatabase) throws -> Int {
        Int(try database.exec("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").first ?? "0") ?? 0
    }

    /// Transactions the services committed inbox rows in since `start` (rows one transaction wrote
    /// share its `xmin`): fewer than the deliveries when consumers handle several at once.
    static func consumerTransactions(_ database: RawDatabase, since start: Date) throws -> Int {
        var total = 0
        for schema in PlatformServices.all.map(\.name) {
            guard try database.exec("SELECT to_regclass($1) IS NOT NULL", ["\(schema).inbox"]).first == "t" else { continue }
            total += Int(try database.exec("SELECT count(DISTINCT xmin::text) FROM \(schema).inbox WHERE received_at >= to_timestamp($1)",
                                           [String(start.timeIntervalSince1970)]).first ?? "0") ?? 0
        }
        return total
    }

    /// Outbox and inbox rows over all service schemas.
    static func durableCounts(_ database: RawDatabase) throws -> (outbox: Int, inbox: Int) {
        var outbox = 0, inbox = 0
        for schema in PlatformServices.all.map(\.name) {
            guard try database.exec("SELECT to_regclass($1) IS NOT NULL", ["\(schema).inbox"]).first == "t" else { continue }
            outbox += Int(try database.exec("SELECT count(*) FROM \(schema).outbox").first ?? "0") ?? 0
            inbox += Int(try database.exec("SELECT count(*) FROM \(schema).inbox").first ?? "0") ?? 0
        }
        return (outbox, inbox)
    }
}

import ArgumentParser
import Auth
import Foundation
import PlatformClient
import ServiceKit

/// `pumpurs bench portal`: signed-in people working in the staff portal, as a browser would
/// (cookies, form tokens, redirects not followed), against the running local system. Preparers
/// sign in through the identity provider's own form, create a plan, then loop: my plans, the
/// plan's page, the edit form, save. Heads of the same school loop over their queue (with
/// `--waiting` plans in it) and a waiting plan's page with its decision form. Prints p50/p95/p99
/// per page and the portal's CPU and RSS; then one head approves all the waiting plans at once
/// from the queue (confirmation page, then the result page with one line per plan).
/// Goals on this machine: p95 ≤ 150 ms at 50 people; portal RSS ≤ 64 MiB idle; bulk approval of
/// 200 plans answers within 5 s.
struct BenchPortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "portal", abstract: "Signed-in people working in the staff portal.")

    @Option(help: "People signed in at once (preparers and approvers together).") var people = 50
    @Option(help: "How many of them are heads working the queue.") var approvers = 10
    @Option(help: "Plans waiting in the heads' queue (submitted through the API first).") var waiting = 200
    @Option(help: "Seconds of load after everyone signed in.") var seconds = 30
    @Option(help: "The portal.") var portal = "http://localhost:8087"
    @Option(help: "Milliseconds each person waits between clicks (0: as fast as the portal answers).") var thinkMs = 0
    @Option(help: "Directory with plan-content.json (the waiting plans' content).") var files = "deploy/local/demo"

    func validate() throws {
        guard people >= 1, (0...people).contains(approvers), waiting >= 0 else { throw ValidationError("need people ≥ 1, 0 ≤ approvers ≤ people, waiting ≥ 0") }
        guard approvers == 0 || waiting > 0 else { throw ValidationError("approvers need waiting plans to look at") }
    }

    func run() async throws {
        try RunMode.requireDevelopment(ProcessInfo.processInfo.environment, for: "pumpurs bench portal")
        let environment = ProcessInfo.processInfo.environment
        let root = FileManager.default.currentDirectoryPath
        let minter = try await TokenMinter(privateKeyFile: environment["PUMPURS_JWT_PRIVATE_KEY_FILE"] ?? root + "/.local/jwt/dev-private.pem",
                                           issuer: environment["PUMPURS_JWT_ISSUER"] ?? "pumpurs-dev", audience: "pumpurs")
        let administrator = try await CtlEnvironment().bootstrapAdministrator(name: "IKVD administrators", email: "admin@pumpurs.example.lv")
        let api = PlatformAPI(endpoints: .from(environment: environment))
        var school = try await BenchPortalSchool.make(api: api, minter: minter, administrator: administrator)
        say("bench portal: \(people - approvers) preparers and \(approvers) heads at \(school.school.prefix(8))…, \(waiting) plans waiting, "
            + "\(seconds) s of load against \(portal), \(thinkMs) ms between clicks")
        let preparers = try await school.people(people - approvers, role: "preparer", api: api, minter: minter, administrator: administrator)
        let heads = try await school.people(approvers, role: "institution_head", api: api, minter: minter, administrator: administrator)
        if waiting > 0 {
            let started = Date()
            let content = Array(try Data(contentsOf: URL(fileURLWithPath: files + "/plan-content.json")))
            try await school.submitWaitingPlans(waiting, content: content, api: api, minter: minter)
            say(String(format: "%d plans submitted and in the heads' queue after %.1f s", waiting, Date().timeIntervalSince(started)))
        }
        let browser = BenchBrowser(portal: portal)
        let gauge = ProcessGauge(names: ["pumpurs-portal"], runDirectory: root + "/.local/run")
        let idle = gauge.sample()["pumpurs-portal"]
        // Sign in (and each preparer's plan): not measured, it happens once per person a semester.
        let tag = Int(school.tag)!
        let waitingPlans = school.waitingPlans
        let visitors = try await withThrowingTaskGroup(of: (BenchBrowser.Visitor, Bool).self) { group in
            for (index, subject) in preparers.enumerated() {
                group.addTask { (try await browser.signIn(subject: subject, code: StudentCodes.code(index: tag % 100_000 * 100 + index, bornIn: 2011)), false) }
            }
            for (index, subject) in heads.enumerated() {
                group.addTask { (try await browser.signInApprover(subject: subject, planId: waitingPlans[index % waitingPlans.count]), true) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        say("signed in: \(visitors.count)")
        let preparerSteps: [(String, @Sendable (BenchBrowser.Visitor) async throws -> Void)] = [
            ("GET /plans", browser.myPlans), ("GET /plans/{id}", browser.planPage), ("GET /plans/{id}/edit", browser.editPage),
            ("POST /plans/{id}/edit", browser.save)]
        let approverSteps: [(String, @Sendable (BenchBrowser.Visitor) async throws -> Void)] = [
            ("GET /queue", browser.queue), ("GET /plans/{id} (head)", browser.planPage)]
        let before = gauge.sample()["pumpurs-portal"]
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        let thinkMs = self.thinkMs
        let timings = try await withThrowingTaskGroup(of: [String: [Double]].self) { group in
            for (visitor, approver) in visitors {
                let steps = approver ? approverSteps : preparerSteps
                group.addTask {
                    var mine: [String: [Double]] = [:]
                    while Date() < deadline {
                        for (page, step) in steps {
                            if thinkMs > 0 { try await Task.sleep(for: .milliseconds(Int.random(in: thinkMs / 2...thinkMs * 3 / 2))) }
                            let start = ContinuousClock.now
                            try await step(visitor)
                            mine[page, default: []].append(Self.seconds(ContinuousClock.now - start))
                        }
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [String: [Double]]()) { all, mine in all.merge(mine) { $0 + $1 } }
        }
        let after = gauge.sample()["pumpurs-portal"]
        let total = timings.values.reduce(0) { $0 + $1.count }
        say(Self.column("page", 26) + Self.column("count", 8) + Self.column("p50 ms", 10) + Self.column("p95 ms", 10) + "p99 ms")
        for page in (preparerSteps + approverSteps).map(\.0) {
            let values = timings[page] ?? []
            guard !values.isEmpty else { continue }
            say(Self.column(page, 26) + Self.column("\(values.count)", 8) + Self.column(String(format: "%.1f", percentile(values, 0.5) * 1000), 10)
                + Self.column(String(format: "%.1f", percentile(values, 0.95) * 1000), 10) + String(format: "%.1f", percentile(values, 0.99) * 1000))
        }
        let all = timings.values.flatMap { $0 }
        say(String(format: "all pages: %d in %d s = %.1f pages/s; p95 %.1f ms", total, seconds, Double(total) / Double(seconds), percentile(all, 0.95) * 1000))
        if let idle, let before, let after {
            let cpu = after.cpuSeconds - before.cpuSeconds
            say(String(format: "portal: CPU %.1f s in %d s (%.2f ms per page); RSS idle %.1f MiB, after load %.1f MiB, peak %.1f MiB",
                       cpu, seconds, cpu * 1000 / Double(max(total, 1)), Double(idle.rssKiB) / 1024, Double(after.rssKiB) / 1024,
                       Double(after.peakKiB) / 1024))
        } else {
            say("portal: no pid in .local/run/pumpurs-portal.pid (start it with deploy/local/run)")
        }
        // One head approves every waiting plan at once from the queue (at most 200 a time, as the API takes).
        if let head = visitors.first(where: { $0.1 })?.0, !waitingPlans.isEmpty {
            let chosen = Array(waitingPlans.prefix(200))
            let bulk = try await browser.bulkApprove(head, planIds: chosen)
            say(String(format: "bulk approval of %d plans: confirmation page %.0f ms, approve %.0f ms; %d approved (goal: within 5 s)",
                       chosen.count, Self.seconds(bulk.confirm) * 1000, Self.seconds(bulk.approve) * 1000, bulk.approved))
            guard bulk.approved == chosen.count else {
                throw BenchBrowser.Failure(description: "the result page reports \(bulk.approved) of \(chosen.count) approved")
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func column(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
}

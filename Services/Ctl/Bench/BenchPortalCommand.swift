import ArgumentParser
import AsyncHTTPClient
import Auth
import Foundation
import NIOCore
import NIOHTTP1
import PlatformClient
import Portal
import ServiceKit

/// `pumpurs bench portal`: signed-in people browsing and saving in the staff portal, as a browser
/// would (cookies, form tokens, redirects not followed), against the running local system. Each
/// person signs in through the identity provider's own form, creates a plan, then loops: my plans,
/// the plan's page, the edit form, save. Prints p50/p95/p99 per page and the portal's CPU and RSS.
/// Goal on this machine: p95 ≤ 150 ms at 50 people; portal RSS ≤ 64 MiB idle.
struct BenchPortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "portal", abstract: "Signed-in people browsing and saving in the staff portal.")

    @Option(help: "People signed in at once.") var people = 50
    @Option(help: "Seconds of load after everyone signed in.") var seconds = 30
    @Option(help: "The portal.") var portal = "http://localhost:8087"
    @Option(help: "Milliseconds each person waits between clicks (0: as fast as the portal answers).") var thinkMs = 0

    func run() async throws {
        try RunMode.requireDevelopment(ProcessInfo.processInfo.environment, for: "pumpurs bench portal")
        let environment = ProcessInfo.processInfo.environment
        let root = FileManager.default.currentDirectoryPath
        let minter = try await TokenMinter(privateKeyFile: environment["PUMPURS_JWT_PRIVATE_KEY_FILE"] ?? root + "/.local/jwt/dev-private.pem",
                                           issuer: environment["PUMPURS_JWT_ISSUER"] ?? "pumpurs-dev", audience: "pumpurs")
        let administrator = try await CtlEnvironment().bootstrapAdministrator(name: "IKVD administrators", email: "admin@pumpurs.example.lv")
        let api = PlatformAPI(endpoints: .local)
        let admin = try await minter.mint(personId: administrator, role: .ikvdAdmin, scope: .national, lifetime: .seconds(3600))
        let tag = "\(Int(Date().timeIntervalSince1970))"
        let municipality = try await api.municipality(admin, name: "Bench novads \(tag)", region: "Latgale")
        let school = try await api.institution(admin, name: "Bench vidusskola \(tag)", kind: "general", founder: "municipal",
                                               municipality: municipality, region: nil)
        let head = try await api.person(admin, name: "Bench head", email: "head.\(tag)@bench.pumpurs.example.lv")
        try await api.assign(admin, person: head, role: "institution_head", scopeKind: "institution", scopeId: school)
        let headToken = try await minter.mint(personId: UUID(uuidString: head)!, role: .institutionHead, scope: .institution(UUID(uuidString: school)!),
                                              lifetime: .seconds(3600))
        say("bench portal: \(people) people at \(school.prefix(8))…, \(seconds) s of load against \(portal), \(thinkMs) ms between clicks")
        var subjects: [String] = []
        for index in 0..<people {
            let subject = "preparer\(index).\(tag)@bench.pumpurs.example.lv"
            let person = try await api.person(headToken, name: "Bench preparer \(index)", email: subject, signInSubject: subject)
            try await api.assign(headToken, person: person, role: "preparer", scopeKind: "institution", scopeId: school)
            subjects.append(subject)
        }
        let browser = BenchBrowser(portal: portal)
        let gauge = ProcessGauge(names: ["pumpurs-portal"], runDirectory: root + "/.local/run")
        let idle = gauge.sample()["pumpurs-portal"]
        // Sign in and create each person's plan (not measured: it happens once per person a semester).
        let visitors = try await withThrowingTaskGroup(of: BenchBrowser.Visitor.self) { group in
            for (index, subject) in subjects.enumerated() {
                group.addTask { try await browser.signIn(subject: subject, code: StudentCodes.code(index: Int(tag)! % 100_000 * 100 + index, bornIn: 2011)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        say("signed in and created plans: \(visitors.count)")
        let before = gauge.sample()["pumpurs-portal"]
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        let timings = try await withThrowingTaskGroup(of: [String: [Double]].self) { group in
            for visitor in visitors {
                group.addTask {
                    var mine: [String: [Double]] = [:]
                    while Date() < deadline {
                        for (page, step) in [("GET /plans", browser.myPlans), ("GET /plans/{id}", browser.planPage),
                                             ("GET /plans/{id}/edit", browser.editPage), ("POST /plans/{id}/edit", browser.save)] {
                            if thinkMs > 0 { try await Task.sleep(for: .milliseconds(Int.random(in: thinkMs / 2...thinkMs * 3 / 2))) }
                            let start = ContinuousClock.now
                            try await step(visitor)
                            let elapsed = ContinuousClock.now - start
                            mine[page, default: []].append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                        }
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [String: [Double]]()) { all, mine in all.merge(mine) { $0 + $1 } }
        }
        let after = gauge.sample()["pumpurs-portal"]
        let total = timings.values.reduce(0) { $0 + $1.count }
        func column(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        say(column("page", 24) + column("count", 8) + column("p50 ms", 10) + column("p95 ms", 10) + "p99 ms")
        for page in ["GET /plans", "GET /plans/{id}", "GET /plans/{id}/edit", "POST /plans/{id}/edit"] {
            let values = timings[page] ?? []
            say(column(page, 24) + column("\(values.count)", 8) + column(String(format: "%.1f", percentile(values, 0.5) * 1000), 10)
                + column(String(format: "%.1f", percentile(values, 0.95) * 1000), 10) + String(format: "%.1f", percentile(values, 0.99) * 1000))
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
    }
}

/// A minimal browser: one cookie, form tokens from the pages, redirects read, not followed.
struct BenchBrowser: Sendable {
    let portal: String
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 128)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    struct Visitor: Sendable {
        var cookie: String
        var planId: String
        var formToken: String
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    func send(_ method: HTTPMethod, _ url: String, cookie: String? = nil, form: String? = nil) async throws -> (status: Int, location: String?, setCookie: String?, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "Origin", value: portal)
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 4 << 20)
        return (Int(response.status.code), response.headers.first(name: "Location"), response.headers.first(name: "Set-Cookie"),
                String(buffer: body))
    }

    static func formToken(_ html: String) -> String? {
        guard let range = html.range(of: #"name="form_token" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Through the provider's form, as a person does; then a plan of their own.
    func signIn(subject: String, code: String) async throws -> Visitor {
        let start = try await send(.GET, portal + "/sign-in")
        guard let authorize = start.location else { throw Failure(description: "no redirect to the provider (\(start.status))") }
        let authorized = try await send(.POST, authorize, form: "sub=" + OIDCProvider.formEncode(subject))
        guard let callback = authorized.location else { throw Failure(description: "the provider did not redirect (\(authorized.status))") }
        let back = try await send(.GET, callback)
        guard let setCookie = back.setCookie, let pair = setCookie.split(separator: ";").first else {
            throw Failure(description: "no session cookie after the callback (\(back.status))")
        }
        let cookie = String(pair)
        let page = try await send(.GET, portal + "/plans/new", cookie: cookie)
        guard let token = Self.formToken(page.body) else { throw Failure(description: "no form token on /plans/new") }
        let created = try await send(.POST, portal + "/plans/new", cookie: cookie,
                                     form: "form_token=\(OIDCProvider.formEncode(token))&personalCode=\(OIDCProvider.formEncode(code))&semester=2022%2F2023-1")
        guard let location = created.location, let id = location.split(separator: "/").dropFirst().first else {
            throw Failure(description: "no plan created (\(created.status))")
        }
        return Visitor(cookie: cookie, planId: String(id), formToken: token)
    }

    func myPlans(_ visitor: Visitor) async throws { try await expect(200, .GET, "/plans", visitor) }
    func planPage(_ visitor: Visitor) async throws { try await expect(200, .GET, "/plans/\(visitor.planId)", visitor) }
    func editPage(_ visitor: Visitor) async throws { try await expect(200, .GET, "/plans/\(visitor.planId)/edit", visitor) }

    /// Saves a whole plan (the rules then run and report findings: 200 with them, or 303 when none).
    func save(_ visitor: Visitor) async throws {
        let fields = [("form_token", visitor.formToken), ("card.gradeOrCourse", "8"), ("card.preparerName", "Ilze Kalniņa"),
                      ("card.situation", "Skolēns kavē stundas un nepilda mājasdarbus; ģimenē grūtības."),
                      ("card.goal", "Semestra beigās matemātikā sasniegt vismaz 4 balles."), ("risks[0].code", "L02"),
                      ("risks[0].justification", "Matemātikā četri nepietiekami vērtējumi ieskaites darbos."),
                      ("risks[0].subjects", "matemātika"), ("risks[0].howSupportHelps", "Konsultācijas reizi nedēļā."),
                      ("priorityRisk", "L02"), ("measures[0].type", "consultation"), ("measures[0].addresses", "L02"),
                      ("measures[0].kind", "consultation"), ("measures[0].provider", "teacher"), ("measures[0].hours", "16")]
        let form = fields.map { "\(OIDCProvider.formEncode($0.0))=\(OIDCProvider.formEncode($0.1))" }.joined(separator: "&")
        let reply = try await send(.POST, portal + "/plans/\(visitor.planId)/edit", cookie: visitor.cookie, form: form)
        guard reply.status == 200 || reply.status == 303 else { throw Failure(description: "save answered \(reply.status)") }
    }

    func expect(_ status: Int, _ method: HTTPMethod, _ path: String, _ visitor: Visitor) async throws {
        let reply = try await send(method, portal + path, cookie: visitor.cookie)
        guard reply.status == status else { throw Failure(description: "\(method) \(path) answered \(reply.status)") }
    }
}

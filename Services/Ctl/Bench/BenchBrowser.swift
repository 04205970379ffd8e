import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Portal

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
        let cookie = try await session(subject: subject)
        let page = try await send(.GET, portal + "/plans/new", cookie: cookie)
        guard let token = Self.formToken(page.body) else { throw Failure(description: "no form token on /plans/new") }
        let created = try await send(.POST, portal + "/plans/new", cookie: cookie,
                                     form: "form_token=\(OIDCProvider.formEncode(token))&personalCode=\(OIDCProvider.formEncode(code))&semester=2022%2F2023-1")
        guard let location = created.location, let id = location.split(separator: "/").dropFirst().first else {
            throw Failure(description: "no plan created (\(created.status))")
        }
        return Visitor(cookie: cookie, planId: String(id), formToken: token)
    }

    /// An approver signed in, looking at one of the plans waiting in their queue.
    func signInApprover(subject: String, planId: String) async throws -> Visitor {
        let cookie = try await session(subject: subject)
        let page = try await send(.GET, portal + "/queue", cookie: cookie)
        guard page.status == 200, let token = Self.formToken(page.body) else { throw Failure(description: "no queue page (\(page.status))") }
        return Visitor(cookie: cookie, planId: planId, formToken: token)
    }

    /// A portal session through the provider's own form; returns the session cookie.
    func session(subject: String) async throws -> String {
        let start = try await send(.GET, portal + "/sign-in")
        guard let authorize = start.location else { throw Failure(description: "no redirect to the provider (\(start.status))") }
        let authorized = try await send(.POST, authorize, form: "sub=" + OIDCProvider.formEncode(subject))
        guard let callback = authorized.location else { throw Failure(description: "the provider did not redirect (\(authorized.status))") }
        let back = try await send(.GET, callback)
        guard let setCookie = back.setCookie, let pair = setCookie.split(separator: ";").first else {
            throw Failure(description: "no session cookie after the callback (\(back.status))")
        }
        return String(pair)
    }

    func myPlans(_ visitor: Visitor) async throws { try await expect(200, .GET, "/plans", visitor) }
    func queue(_ visitor: Visitor) async throws { try await expect(200, .GET, "/queue", visitor) }
    func planPage(_ visitor: Visitor) async throws { try await expect(200, .GET, "/plans/\(visitor.planId)", visitor) }
    func editPage(_ visitor: Visitor) async throws { try await expect(200, .GET, "/plans/\(visitor.planId)/edit", visitor) }

    /// Bulk approval as a head does it: the queue's ticked plans on the confirmation page (GET), then
    /// its form posted; returns both times and how many plans the result page reports approved.
    func bulkApprove(_ visitor: Visitor, planIds: [String]) async throws -> (confirm: Duration, approve: Duration, approved: Int) {
        let clock = ContinuousClock()
        let query = planIds.map { "planId=" + $0 }.joined(separator: "&")
        var start = clock.now
        let page = try await send(.GET, portal + "/queue/approve?" + query, cookie: visitor.cookie)
        let confirm = clock.now - start
        guard page.status == 200, let token = Self.formToken(page.body) else { throw Failure(description: "bulk confirmation answered \(page.status)") }
        let form = "form_token=\(OIDCProvider.formEncode(token))&" + query
        start = clock.now
        let result = try await send(.POST, portal + "/queue/approve", cookie: visitor.cookie, form: form)
        let approve = clock.now - start
        guard result.status == 200 else { throw Failure(description: "bulk approval answered \(result.status)") }
        return (confirm, approve, result.body.components(separatedBy: "class=\"result-ok\"").count - 1)
    }

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

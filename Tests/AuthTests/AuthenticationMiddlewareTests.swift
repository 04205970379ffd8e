import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Authentication middleware")
struct AuthenticationMiddlewareTests {
    /// `/me` needs any valid token, `/plans` a preparer (middleware), `/approvals` a head (route
    /// helper), `/institutions/a` coverage of school A; `/open` lets anonymous callers through.
    /// Every grant held (these tests are about the token; the revocation tests use ``FixedAssignments``).
    struct HoldsEverything: AssignmentCheck {
        func holds(_ principal: Principal) async throws -> Bool { true }
    }

    static func application(assignments: any AssignmentCheck = HoldsEverything()) async throws -> some ApplicationProtocol {
        let verifier = try await Fixture.verifier(at: Date())
        let router = Router(context: AuthenticatedRequestContext.self)
        let secured = router.group().add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: assignments))
        secured.get("/me") { _, context in
            try context.requirePrincipal().role.rawValue
        }
        secured.group("/plans").add(middleware: RequireRoleMiddleware([.preparer, .institutionHead]))
            .get { _, _ in "plans" }
        secured.get("/approvals") { _, context in
            try context.requireRole([.institutionHead, .municipalityCoordinator, .ikvdExpert]).personId.uuidString
        }
        secured.get("/institutions/a") { _, context in
            let schoolA = InstitutionScopeFacts(institutionId: Fixture.institution, municipalityId: UUID(), region: "Zemgale")
            try context.requireCoverage(of: schoolA)
            return "school A"
        }
        router.group("/open").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: assignments, allowsAnonymous: true))
            .get { _, context in context.principal?.role.rawValue ?? "anonymous" }
        return Application(router: router)
    }

    static func token(_ role: Role, _ scope: Scope) async throws -> String {
        try await Fixture.minter(at: Date()).mint(personId: Fixture.person, role: role, scope: scope)
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    /// Asserts a problem+json response and returns its members.
    static func problem(_ response: TestResponse, status: HTTPResponse.Status, code: String,
                        challenge: String) throws -> [String: Any] {
        #expect(response.status == status)
        #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
        #expect(response.headers[.wwwAuthenticate] == challenge)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
        #expect(json["type"] as? String == "urn:pumpurs:problem:\(code)")
        #expect(json["status"] as? Int == status.code)
        #expect((json["title"] as? String)?.isEmpty == false)
        #expect((json["detail"] as? String)?.contains(" / ") == true)
        return json
    }

    static let invalidChallenge = #"Bearer realm="pumpurs", error="invalid_token""#

    @Test("No Authorization header: 401 problem+json with a bare Bearer challenge")
    func missingHeader() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/me", method: .get) { response in
                let json = try Self.problem(response, status: .unauthorized, code: "auth.missing_token",
                                            challenge: #"Bearer realm="pumpurs""#)
                #expect(json["title"] as? String == "Nepieciešama autentifikācija / Authentication required")
                #expect(json["instance"] as? String == "/me")
            }
        }
    }

    @Test("Invalid tokens: 401 with error=\"invalid_token\", and the body never echoes the token")
    func invalidTokens() async throws {
        let expired = try await Fixture.minter(at: Date().addingTimeInterval(-7200))
            .mint(personId: Fixture.person, role: .preparer, scope: .institution(Fixture.institution), lifetime: .seconds(60))
        let cases: [(String, String)] = [
            ("Bearer not.a.token", "auth.malformed_token"),
            ("Bearer \(expired)", "auth.expired"),
            ("Bearer \(try Fixture.hs256WithPublicKeyAsSecret(kid: Fixture.trustedKeyId))", "auth.algorithm_not_allowed"),
            ("Basic YWxhZGRpbjpvcGVuc2VzYW1l", "auth.malformed_token"),
            ("Bearer", "auth.malformed_token"),
            ("Bearer a b", "auth.malformed_token"),
        ]
        try await Self.application().test(.router) { client in
            for (header, code) in cases {
                try await client.execute(uri: "/me", method: .get, headers: [.authorization: header]) { response in
                    _ = try Self.problem(response, status: .unauthorized, code: code, challenge: Self.invalidChallenge)
                    let body = String(buffer: response.body)
                    if let token = header.split(separator: " ").last, token.count > 20 {
                        #expect(!body.contains(token))
                    }
                }
            }
        }
    }

    @Test("A valid token reaches the route with its principal; the scheme is case-insensitive")
    func validToken() async throws {
        let token = try await Self.token(.preparer, .institution(Fixture.institution))
        try await Self.application().test(.router) { client in
            for header in ["Bearer \(token)", "bearer \(token)", "BEARER  \(token)"] {
                try await client.execute(uri: "/me", method: .get, headers: [.authorization: header]) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == "preparer")
                }
            }
        }
    }

    @Test("RequireRoleMiddleware: 200 for an allowed role, 403 problem+json for another")
    func requireRoleMiddleware() async throws {
        let preparer = try await Self.token(.preparer, .institution(Fixture.institution))
        let specialist = try await Self.token(.specialist, .institution(Fixture.institution))
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/plans", method: .get, headers: Self.bearer(preparer)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "plans")
            }
            try await client.execute(uri: "/plans", method: .get, headers: Self.bearer(specialist)) { response in
                let json = try Self.problem(response, status: .forbidden, code: "auth.role_not_allowed",
                                            challenge: #"Bearer realm="pumpurs", error="insufficient_scope""#)
                #expect(json["title"] as? String == "Piekļuve liegta / Access denied")
            }
            try await client.execute(uri: "/plans", method: .get) { response in
                _ = try Self.problem(response, status: .unauthorized, code: "auth.missing_token", challenge: #"Bearer realm="pumpurs""#)
            }
        }
    }

    @Test("requireRole in a route: 200 / 403")
    func requireRoleHelper() async throws {
        let head = try await Self.token(.institutionHead, .institution(Fixture.institution))
        let finance = try await Self.token(.finance, .national)
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/approvals", method: .get, headers: Self.bearer(head)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == Fixture.person.uuidString)
            }
            try await client.execute(uri: "/approvals", method: .get, headers: Self.bearer(finance)) { response in
                _ = try Self.problem(response, status: .forbidden, code: "auth.role_not_allowed",
                                     challenge: #"Bearer realm="pumpurs", error="insufficient_scope""#)
            }
        }
    }

    @Test("requireCoverage: own institution 200, another institution 403")
    func requireCoverage() async throws {
        let own = try await Self.token(.preparer, .institution(Fixture.institution))
        let other = try await Self.token(.preparer, .institution(UUID()))
        let admin = try await Self.token(.ikvdAdmin, .national)
        try await Self.application().test(.router) { client in
            for token in [own, admin] {
                try await client.execute(uri: "/institutions/a", method: .get, headers: Self.bearer(token)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/institutions/a", method: .get, headers: Self.bearer(other)) { response in
                _ = try Self.problem(response, status: .forbidden, code: "auth.out_of_scope",
                                     challenge: #"Bearer realm="pumpurs", error="insufficient_scope""#)
            }
        }
    }

    @Test("allowsAnonymous: no header passes with no principal; a bad token is still 401")
    func anonymous() async throws {
        let finance = try await Self.token(.finance, .national)
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/open", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "anonymous")
            }
            try await client.execute(uri: "/open", method: .get, headers: Self.bearer(finance)) { response in
                #expect(String(buffer: response.body) == "finance")
            }
            try await client.execute(uri: "/open", method: .get, headers: Self.bearer("x.y.z")) { response in
                _ = try Self.problem(response, status: .unauthorized, code: "auth.malformed_token", challenge: Self.invalidChallenge)
            }
        }
    }
}

@Suite("Auth failures")
struct AuthFailureTests {
    @Test("Codes are unique and stable; every failure has Latvian and English text; 401 vs 403")
    func catalogue() {
        let codes = AuthFailure.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("auth.") })
        for failure in AuthFailure.allCases {
            #expect(!failure.titleLv.isEmpty && !failure.titleEn.isEmpty)
            #expect(!failure.detailLv.isEmpty && !failure.detailEn.isEmpty)
            #expect(failure.detailLv != failure.detailEn)
            #expect(failure.type == "urn:pumpurs:problem:\(failure.code)")
        }
        #expect(AuthFailure.allCases.filter { $0.status == 403 } == [.roleNotAllowed, .outOfScope, .assignmentNotHeld])
    }
}

import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
@testable import Reporting
import Rules
import TestSupport
import Testing

/// The OpenAPI document reporting serves at `/openapi.yaml` against the routes `ReportingAPI`
/// really registers: every route documented, nothing documented that is not routed, same methods
/// and paths, every operation well-formed and listing exactly the status codes its route can
/// answer. No database or broker is needed: registering routes leases no connection.
@Suite("Reporting OpenAPI document covers the router")
struct ReportingOpenAPIRouteCoverageTests {
    typealias Route = OpenAPIDocumentReader.Route

    static func router() async throws -> Router<AuthenticatedRequestContext> {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: "postgres://unused@127.0.0.1:1/unused", poolSize: 1),
                                logger: Logger(label: "reporting-openapi-route-coverage"))
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(pem: OpenAPIDocumentReader.unusedPublicKeyPEM))
        let router = Router(context: AuthenticatedRequestContext.self)
        ReportingAPI(pool: pool, producer: "reporting-openapi-test", verifier: verifier, settings: .defaults).register(on: router)
        return router
    }

    static func registeredRoutes() async throws -> [Route] { OpenAPIDocumentReader.routes(of: try await router()) }

    static func documented() -> OpenAPIDocumentReader.PathsSection { OpenAPIDocumentReader.readPaths(ReportingOpenAPI.yaml) }

    /// What each route can answer, read from `ReportingAPI` and the code it calls: the success,
    /// 401 behind the authentication middleware, 403 where a role is required (and for a head's
    /// own report), 404 for a path id or a plan outside the scope, 409 for a report or plan state,
    /// 413 and 422 for a body, 422 for a checked query.
    static let statusCodes: [Route: Set<String>] = [
        Route(method: "GET", path: "/openapi.yaml"): ["200"],
        Route(method: "GET", path: "/audit"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/statistics"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/statistics.csv"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/statistics/programme"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/statistics/programme.csv"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/statistics/emergencies"): ["200", "401", "403"],
        Route(method: "GET", path: "/reports"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/reports/{planId}"): ["200", "401", "403", "404"],
        Route(method: "PUT", path: "/reports/{planId}"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "POST", path: "/reports/{planId}/submit"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "POST", path: "/reports/{planId}/confirm"): ["200", "401", "403", "404", "409", "413", "422"],
    ]

    @Test("the document is OpenAPI 3.1.0 and its paths section reads cleanly")
    func reads() {
        #expect(ReportingOpenAPI.yaml.hasPrefix("openapi: 3.1.0\n"))
        let section = Self.documented()
        #expect(section.problems.isEmpty, "\(section.problems.joined(separator: "\n"))")
        #expect(!section.operations.isEmpty)
    }

    @Test("every registered route is documented, and nothing else")
    func routesMatch() async throws {
        let registered = try await Self.registeredRoutes()
        let documented = Self.documented().operations.map(\.route)
        #expect(!registered.isEmpty)
        #expect(Set(registered).count == registered.count, "the router lists a route twice: \(registered.sorted())")
        let missing = Set(registered).subtracting(documented).sorted()
        let extra = Set(documented).subtracting(registered).sorted()
        #expect(missing.isEmpty, "routed but not documented: \(missing.map(\.description).joined(separator: ", "))")
        #expect(extra.isEmpty, "documented but not routed: \(extra.map(\.description).joined(separator: ", "))")
    }

    @Test("every operation documents exactly the status codes its route can answer")
    func statusCodesCovered() async throws {
        let registered = Set(try await Self.registeredRoutes())
        #expect(Set(Self.statusCodes.keys) == registered,
                "the routes changed: update the document and this table (\(registered.symmetricDifference(Self.statusCodes.keys).sorted()))")
        let operations = Self.documented().operations
        for (route, expected) in Self.statusCodes.sorted(by: { $0.key < $1.key }) {
            guard let operation = operations.first(where: { $0.route == route }) else {
                Issue.record("\(route) is not documented")
                continue
            }
            #expect(Set(operation.responseCodes) == expected, "\(route): documents \(operation.responseCodes.sorted()), can answer \(expected.sorted())")
        }
    }

    @Test("every operation is listed once, with a unique operationId; only the document itself is public")
    func operationsWellFormed() {
        let operations = Self.documented().operations
        #expect(Set(operations.map(\.route)).count == operations.count)
        let ids = operations.compactMap(\.operationId)
        #expect(ids.count == operations.count && Set(ids).count == ids.count)
        #expect(operations.filter(\.isPublic).map(\.route) == [Route(method: "GET", path: "/openapi.yaml")])
        #expect(ReportingOpenAPI.yaml.contains("\nsecurity:\n  - bearerAuth: []\n"))
        #expect(ReportingOpenAPI.yaml.contains("text/csv:"))
        #expect(ReportingOpenAPI.yaml.contains("RFC 4180"))
    }

    @Test("the router serves the document without a token, and everything else only with one")
    func servesTheDocument() async throws {
        let app = Application(router: try await Self.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
                #expect(String(buffer: response.body) == ReportingOpenAPI.yaml)
            }
            for (uri, method) in [("/statistics", HTTPRequest.Method.get), ("/statistics.csv", .get), ("/statistics/programme", .get),
                                  ("/statistics/programme.csv", .get), ("/reports", .get),
                                  ("/reports/\(UUID())/submit", .post)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
            }
        }
    }
}

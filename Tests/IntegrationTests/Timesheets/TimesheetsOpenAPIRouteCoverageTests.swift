import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Rules
import TestSupport
import Testing
@testable import Timesheets

/// The OpenAPI document timesheets serves at `/openapi.yaml` against the routes `TimesheetsAPI`
/// really registers: every route documented, nothing documented that is not routed, same methods
/// and paths, and every operation well-formed. No database or broker is needed: registering
/// routes leases no connection.
@Suite("Timesheets OpenAPI document covers the router")
struct TimesheetsOpenAPIRouteCoverageTests {
    typealias Route = OpenAPIDocumentReader.Route

    static func router() async throws -> Router<AuthenticatedRequestContext> {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: "postgres://unused@127.0.0.1:1/unused", poolSize: 1),
                                logger: Logger(label: "timesheets-openapi-route-coverage"))
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(pem: OpenAPIDocumentReader.unusedPublicKeyPEM))
        let router = Router(context: AuthenticatedRequestContext.self)
        TimesheetsAPI(pool: pool, producer: "timesheets-openapi-test", verifier: verifier, settings: .defaults, today: { nil })
            .register(on: router)
        return router
    }

    static func documented() -> OpenAPIDocumentReader.PathsSection {
        OpenAPIDocumentReader.readPaths(TimesheetsOpenAPI.yaml)
    }

    @Test("the document is OpenAPI 3.1.0 and its paths section reads cleanly")
    func reads() {
        #expect(TimesheetsOpenAPI.yaml.hasPrefix("openapi: 3.1.0\n"))
        let section = Self.documented()
        #expect(section.problems.isEmpty, "\(section.problems.joined(separator: "\n"))")
        #expect(!section.operations.isEmpty)
    }

    @Test("every registered route is documented, and nothing else")
    func routesMatch() async throws {
        let registered = OpenAPIDocumentReader.routes(of: try await Self.router())
        let documented = Self.documented().operations.map(\.route)
        #expect(!registered.isEmpty)
        #expect(Set(registered).count == registered.count, "the router lists a route twice: \(registered.sorted())")
        let missing = Set(registered).subtracting(documented).sorted()
        let extra = Set(documented).subtracting(registered).sorted()
        #expect(missing.isEmpty, "routed but not documented: \(missing.map(\.description).joined(separator: ", "))")
        #expect(extra.isEmpty, "documented but not routed: \(extra.map(\.description).joined(separator: ", "))")
    }

    @Test("every work-record command is routed and documented with what it can answer")
    func commandsCovered() async throws {
        let registered = Set(OpenAPIDocumentReader.routes(of: try await Self.router()))
        let operations = Self.documented().operations
        #expect(TimesheetsAPI.commands.map(\.0) == ["submit", "attest", "approve", "return"], "the command list changed: update the document and this test")
        for (command, _) in TimesheetsAPI.commands {
            let route = Route(method: "POST", path: "/timesheets/worklogs/{workLogId}/\(command)")
            #expect(registered.contains(route), "\(route) is not routed")
            guard let operation = operations.first(where: { $0.route == route }) else {
                Issue.record("\(route) is not documented")
                continue
            }
            for code in ["200", "401", "403", "404", "409", "422"] {
                #expect(operation.responseCodes.contains(code), "\(route) does not document \(code)")
            }
        }
        let record = try #require(operations.first { $0.route == Route(method: "POST", path: "/timesheets/entries") })
        for code in ["201", "401", "403", "404", "409", "413", "422", "503"] {
            #expect(record.responseCodes.contains(code), "POST /timesheets/entries does not document \(code)")
        }
    }

    @Test("every operation is listed once, with a unique operationId and a success response")
    func operationsWellFormed() {
        var seenIds: [String: Int] = [:]
        for operation in Self.documented().operations {
            let at = "\(operation.route) (line \(operation.line))"
            guard let id = operation.operationId else {
                Issue.record("\(at) has no operationId")
                continue
            }
            if let first = seenIds[id] { Issue.record("\(at): operationId \(id) is already used at line \(first)") }
            seenIds[id] = operation.line
            #expect(operation.responseCodes.contains { $0.hasPrefix("2") }, "\(at) has no success response")
        }
        let routes = Self.documented().operations.map(\.route)
        #expect(Set(routes).count == routes.count, "an operation is listed twice")
    }

    @Test("only the document itself is public; the router serves it and refuses the rest without a token")
    func onlyTheDocumentIsPublic() async throws {
        #expect(Self.documented().operations.filter(\.isPublic).map(\.route) == [Route(method: "GET", path: "/openapi.yaml")])
        #expect(TimesheetsOpenAPI.yaml.contains("\nsecurity:\n  - bearerAuth: []\n"), "bearerAuth must apply globally")
        let app = Application(router: try await Self.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == TimesheetsOpenAPI.yaml)
            }
            for (uri, method) in [("/timesheets/plans", HTTPRequest.Method.get), ("/timesheets/entries", .post),
                                  ("/timesheets/worklogs/\(UUID())/approve", .post)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
            }
        }
    }
}

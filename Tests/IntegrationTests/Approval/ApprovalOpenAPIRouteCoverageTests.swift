@testable import ApprovalRouting
import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing

/// The OpenAPI document approval routing serves at `/openapi.yaml` against the routes
/// `ApprovalAPI` really registers: every route documented, nothing documented that is not routed,
/// same methods and paths (capture names included), and every operation well-formed. No database
/// or broker is needed: registering routes leases no connection.
@Suite("Approval OpenAPI document covers the router")
struct ApprovalOpenAPIRouteCoverageTests {
    typealias Route = OpenAPIDocumentReader.Route

    // MARK: The router

    /// A router with the real `ApprovalAPI` registered. The pool opens connections only when
    /// leased, and neither registering routes nor refusing a request without a token leases one.
    static func router() async throws -> Router<AuthenticatedRequestContext> {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: "postgres://unused@127.0.0.1:1/unused", poolSize: 1),
                                logger: Logger(label: "approval-openapi-route-coverage"))
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(pem: OpenAPIDocumentReader.unusedPublicKeyPEM))
        let router = Router(context: AuthenticatedRequestContext.self)
        ApprovalAPI(pool: pool, producer: "approval-openapi-test", verifier: verifier, settings: .defaults, today: { nil })
            .register(on: router)
        return router
    }

    static func registeredRoutes() async throws -> [Route] {
        OpenAPIDocumentReader.routes(of: try await router())
    }

    static func documented() -> OpenAPIDocumentReader.PathsSection {
        OpenAPIDocumentReader.readPaths(ApprovalOpenAPI.yaml)
    }

    // MARK: Tests

    @Test("the document is OpenAPI 3.1.0")
    func declaresVersion() {
        #expect(ApprovalOpenAPI.yaml.hasPrefix("openapi: 3.1.0\n"))
    }

    @Test("the paths section reads cleanly")
    func pathsSectionReads() {
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

        // The same paths with other methods: say so plainly, it is the most likely slip.
        let routedByPath = Dictionary(grouping: registered, by: \.path).mapValues { Set($0.map(\.method)) }
        let documentedByPath = Dictionary(grouping: documented, by: \.path).mapValues { Set($0.map(\.method)) }
        for (path, methods) in routedByPath.sorted(by: { $0.key < $1.key }) {
            guard let listed = documentedByPath[path] else { continue }
            #expect(listed == methods, "\(path): routed \(methods.sorted()), documented \(listed.sorted())")
        }
    }

    @Test("every decision command is routed and documented as POST /approvals/plans/{planId}/<command>")
    func decisionCommandsCovered() async throws {
        let registered = Set(try await Self.registeredRoutes())
        let operations = Self.documented().operations
        #expect(ApprovalAPI.commands.map(\.0) == ["approve", "return", "suspend", "resume", "review", "delete"],
                "the command list changed: update the document and this test")
        for (command, _, _) in ApprovalAPI.commands {
            let route = Route(method: "POST", path: "/approvals/plans/{planId}/\(command)")
            #expect(registered.contains(route), "\(route) is not routed")
            guard let operation = operations.first(where: { $0.route == route }) else {
                Issue.record("\(route) is not documented")
                continue
            }
            // What every decision can answer: the result, no token, refused rights, no such plan,
            // refused by the lifecycle, invalid body.
            for code in ["200", "401", "403", "404", "409", "422"] {
                #expect(operation.responseCodes.contains(code), "\(route) does not document \(code)")
            }
        }
    }

    @Test("every refusal of the identity rules and of delegations is documented by its rule code")
    func identityRefusalsDocumented() {
        let codes = DecisionEligibility.Rule.allCases.map(\.rawValue)
            + [DelegationProblems.conflictingLevel, DelegationProblems.delegatorRoleEnded].compactMap { $0.errors?.first?.rule }
            + ["delegation.not_valid"]
        #expect(codes.count == 6)
        for code in codes {
            #expect(ApprovalOpenAPI.yaml.contains("`\(code)`"), "\(code) is not in the OpenAPI document")
        }
    }

    @Test("every operation is listed once, with a unique operationId and responses")
    func operationsWellFormed() {
        for problem in OpenAPIDocumentReader.malformedOperations(Self.documented()) { Issue.record("\(problem)") }
        #expect(!Self.documented().operations.isEmpty)
    }

    @Test("only the OpenAPI document itself is public")
    func onlyTheDocumentIsPublic() {
        let publicRoutes = Self.documented().operations.filter(\.isPublic).map(\.route)
        #expect(publicRoutes == [Route(method: "GET", path: "/openapi.yaml")])
        #expect(ApprovalOpenAPI.yaml.contains("\nsecurity:\n  - bearerAuth: []\n"), "bearerAuth must apply globally")
    }

    @Test("the router serves the document without a token, and the approval routes only with one")
    func servesTheDocument() async throws {
        let app = Application(router: try await Self.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
                #expect(String(buffer: response.body) == ApprovalOpenAPI.yaml)
            }
            try await client.execute(uri: "/approvals/queue", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/approvals/plans/\(UUID())/approve", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}

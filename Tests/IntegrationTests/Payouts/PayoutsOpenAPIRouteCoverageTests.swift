import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import Payouts
import Postgres
import Rules
import TestSupport
import Testing

/// The OpenAPI document payouts serves at `/openapi.yaml` against the routes `PayoutsAPI` really
/// registers: every route documented, nothing documented that is not routed, same methods and
/// paths (capture names included), every operation well-formed and listing exactly the status
/// codes its route can answer. No database or broker is needed: registering routes leases no
/// connection.
@Suite("Payouts OpenAPI document covers the router")
struct PayoutsOpenAPIRouteCoverageTests {
    typealias Route = OpenAPIDocumentReader.Route

    // MARK: The router

    /// A router with the real `PayoutsAPI` registered. The pool opens connections only when
    /// leased, and neither registering routes nor refusing a request without a token leases one.
    static func router() async throws -> Router<AuthenticatedRequestContext> {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: "postgres://unused@127.0.0.1:1/unused", poolSize: 1),
                                logger: Logger(label: "payouts-openapi-route-coverage"))
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(pem: OpenAPIDocumentReader.unusedPublicKeyPEM))
        let router = Router(context: AuthenticatedRequestContext.self)
        PayoutsAPI(pool: pool, producer: "payouts-openapi-test", verifier: verifier, settings: .defaults,
                   debtor: PayoutsSettings.exampleDebtor, today: { nil })
            .register(on: router)
        return router
    }

    static func registeredRoutes() async throws -> [Route] {
        OpenAPIDocumentReader.routes(of: try await router())
    }

    static func documented() -> OpenAPIDocumentReader.PathsSection {
        OpenAPIDocumentReader.readPaths(PayoutsOpenAPI.yaml)
    }

    /// What each route can answer, read from `PayoutsAPI` and the code it calls: the success,
    /// 401 behind the authentication middleware, 403 where a role is required, 404 for a path id
    /// or an object outside the scope, 409 for a state conflict, 413 and 422 for a body, 415 for
    /// a receipt that is no PDF/JPEG/PNG, 422 for a checked query, 503 where today's date is read.
    static let statusCodes: [Route: Set<String>] = [
        Route(method: "GET", path: "/openapi.yaml"): ["200"],
        Route(method: "GET", path: "/audit"): ["200", "401", "403", "422"],
        Route(method: "POST", path: "/payouts/receipts"): ["201", "401", "403", "413", "415", "422"],
        Route(method: "GET", path: "/payouts/receipts/{receiptId}"): ["200", "401", "403", "404"],
        Route(method: "POST", path: "/payouts/claims"): ["201", "401", "403", "404", "409", "413", "422", "503"],
        Route(method: "GET", path: "/payouts/claims"): ["200", "401", "403", "404", "422"],
        Route(method: "GET", path: "/payouts/claims/{claimId}"): ["200", "401", "403", "404"],
        // Any role registers its own account; someone else's is 403 (review #17); 404 for a non-UUID id.
        Route(method: "PUT", path: "/payouts/payees/staff/{personId}"): ["200", "401", "403", "404", "413", "422"],
        Route(method: "POST", path: "/finance/staff-payees/{personId}/changes"): ["201", "401", "403", "404", "413", "422"],
        Route(method: "GET", path: "/finance/staff-payee-changes"): ["200", "401", "403"],
        Route(method: "POST", path: "/finance/staff-payee-changes/{changeId}/confirm"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "GET", path: "/payouts/plans/{planId}"): ["200", "401", "403", "404", "422"],
        Route(method: "GET", path: "/finance/payouts"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/finance/payouts/{payoutId}"): ["200", "401", "403", "404"],
        Route(method: "POST", path: "/finance/payouts/{payoutId}/reverse"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "POST", path: "/finance/batches"): ["201", "401", "403", "409", "413", "422", "503"],
        Route(method: "GET", path: "/finance/batches"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/finance/batches/{batchId}"): ["200", "401", "403", "404"],
        Route(method: "POST", path: "/finance/batches/{batchId}/sent"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "GET", path: "/finance/batches/{batchId}/sepa.xml"): ["200", "401", "403", "404", "409"],
        Route(method: "GET", path: "/finance/batches/{batchId}/payouts.csv"): ["200", "401", "403", "404", "409"],
        Route(method: "GET", path: "/finance/ledger"): ["200", "401", "403", "422"],
        // Youth initiative projects: 403 for a role that runs no competition, 404 for another partner's.
        Route(method: "POST", path: "/payouts/youth/competitions"): ["201", "401", "403", "409", "413", "422"],
        Route(method: "GET", path: "/payouts/youth/competitions"): ["200", "401", "403", "422"],
        Route(method: "GET", path: "/payouts/youth/competitions/{competitionId}"): ["200", "401", "403", "404"],
        Route(method: "POST", path: "/payouts/youth/competitions/{competitionId}/applications"): ["201", "401", "403", "404", "409", "413", "422"],
        Route(method: "GET", path: "/payouts/youth/competitions/{competitionId}/applications"): ["200", "401", "403", "404", "422"],
        Route(method: "GET", path: "/payouts/youth/applications/{applicationId}"): ["200", "401", "403", "404"],
        Route(method: "POST", path: "/payouts/youth/applications/{applicationId}/award"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "POST", path: "/payouts/youth/applications/{applicationId}/refuse"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "POST", path: "/payouts/youth/applications/{applicationId}/withdraw"): ["200", "401", "403", "404", "409", "413", "422"],
        Route(method: "POST", path: "/payouts/youth/applications/{applicationId}/payments"):
            ["200", "201", "401", "403", "404", "409", "413", "422", "503"],
    ]

    /// The YAML lines of one documented operation: from its method key to the next operation, or
    /// to `components:` after the last one.
    static func text(of route: Route) -> String? {
        let operations = documented().operations.sorted { $0.line < $1.line }
        guard let index = operations.firstIndex(where: { $0.route == route }) else { return nil }
        let lines = PayoutsOpenAPI.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let start = operations[index].line - 1
        let end = index + 1 < operations.count ? operations[index + 1].line - 1
            : (lines.firstIndex(of: "components:") ?? lines.count)
        return lines[start..<end].joined(separator: "\n")
    }

    // MARK: Tests

    @Test("the document is OpenAPI 3.1.0")
    func declaresVersion() {
        #expect(PayoutsOpenAPI.yaml.hasPrefix("openapi: 3.1.0\n"))
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
            let listed = Set(operation.responseCodes)
            #expect(listed == expected, "\(route): documents \(listed.sorted()), can answer \(expected.sorted())")
        }
    }

    @Test("the claim takes an Idempotency-Key, and the exports say their type and control figures")
    func headersAndContentTypes() {
        let yaml = PayoutsOpenAPI.yaml
        #expect(yaml.contains("\n    IdempotencyKey:\n      name: Idempotency-Key\n      in: header\n"))
        #expect(yaml.contains("\n    PumpursControl:\n"))

        let claim = Self.text(of: Route(method: "POST", path: "/payouts/claims")) ?? ""
        #expect(claim.contains("$ref: '#/components/parameters/IdempotencyKey'"), "POST /payouts/claims lists no Idempotency-Key")
        #expect(claim.contains("Idempotent-Replayed:"), "POST /payouts/claims does not document Idempotent-Replayed")
        let others = Self.documented().operations.map(\.route).filter { $0 != Route(method: "POST", path: "/payouts/claims") }
        for route in others {
            #expect(!(Self.text(of: route) ?? "").contains("parameters/IdempotencyKey"), "\(route) does not support Idempotency-Key")
        }

        let exports = [("/finance/batches/{batchId}/sepa.xml", "application/xml:", "pain.001.001.09"),
                       ("/finance/batches/{batchId}/payouts.csv", "text/csv:", "RFC 4180")]
        for (path, mediaType, standard) in exports {
            let text = Self.text(of: Route(method: "GET", path: path)) ?? ""
            #expect(text.contains("Pumpurs-Control:\n"), "\(path) does not document Pumpurs-Control")
            #expect(text.contains("$ref: '#/components/headers/PumpursControl'"))
            #expect(text.contains(mediaType), "\(path) does not document \(mediaType)")
            #expect(text.contains(standard), "\(path) does not name \(standard)")
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
        #expect(PayoutsOpenAPI.yaml.contains("\nsecurity:\n  - bearerAuth: []\n"), "bearerAuth must apply globally")
    }

    @Test("the router serves the document without a token, and the payouts and finance routes only with one")
    func servesTheDocument() async throws {
        let app = Application(router: try await Self.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
                #expect(String(buffer: response.body) == PayoutsOpenAPI.yaml)
            }
            try await client.execute(uri: "/payouts/claims", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/finance/payouts", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/finance/batches/\(UUID())/sepa.xml", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}

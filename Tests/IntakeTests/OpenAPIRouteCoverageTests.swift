import Auth
import Foundation
import Hummingbird
@testable import Intake
import Logging
import Postgres
import TestSupport
import Testing

/// The OpenAPI document served at `/openapi.yaml` against the routes `IntakeAPI` really registers:
/// every route documented, nothing documented that is not routed, same methods and paths (capture
/// names included), and every operation well-formed.
@Suite("Intake OpenAPI document covers the router")
struct OpenAPIRouteCoverageTests {
    typealias Route = OpenAPIDocumentReader.Route

    // MARK: The router

    /// The routes of a router with the real `IntakeAPI` registered. The pool opens connections
    /// only when leased, and registering routes leases none, so no database is needed.
    static func registeredRoutes() async throws -> [Route] {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: "postgres://unused@127.0.0.1:1/unused", poolSize: 1),
                                logger: Logger(label: "openapi-route-coverage"))
        let generated = StudentKeys.generate()
        let keys = try StudentKeys(encryptionBase64: generated.encryptionBase64, lookupBase64: generated.lookupBase64)
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(pem: OpenAPIDocumentReader.unusedPublicKeyPEM))
        let router = Router(context: AuthenticatedRequestContext.self)
        IntakeAPI(pool: pool, keys: keys, verifier: verifier, today: { nil }).register(on: router)
        return OpenAPIDocumentReader.routes(of: router)
    }

    static func documented() -> OpenAPIDocumentReader.PathsSection {
        OpenAPIDocumentReader.readPaths(IntakeOpenAPI.yaml)
    }

    // MARK: Tests

    @Test("the document is OpenAPI 3.1.0")
    func declaresVersion() {
        #expect(IntakeOpenAPI.yaml.hasPrefix("openapi: 3.1.0\n"))
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

    @Test("every operation is listed once, with a unique operationId and responses")
    func operationsWellFormed() {
        for problem in OpenAPIDocumentReader.malformedOperations(Self.documented()) { Issue.record("\(problem)") }
        #expect(!Self.documented().operations.isEmpty)
    }

    @Test("only the OpenAPI document itself is public")
    func onlyTheDocumentIsPublic() {
        let publicRoutes = Self.documented().operations.filter(\.isPublic).map(\.route)
        #expect(publicRoutes == [Route(method: "GET", path: "/openapi.yaml")])
        #expect(IntakeOpenAPI.yaml.contains("\nsecurity:\n  - bearerAuth: []\n"), "bearerAuth must apply globally")
    }

    /// The shared `OpenAPIDocumentReader` (TestSupport, also used by the approval coverage
    /// tests) has no test target of its own: this is its check.
    @Test("the reader finds operations, and only operations")
    func readerSelfCheck() {
        let sample = """
            openapi: 3.1.0
            info:
              title: t
              description: |
                paths:
                  /not-a-path:
            paths:
              /a/{id}:
                parameters:
                  - name: id
                get:
                  operationId: getA
                  description: |
                    responses:
                      '200': not this one
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            properties:
                              get:
                                type: string
                    '404':
                      description: no
                'post':
                  operationId: "postA"
                  security: []
                  responses:
                    default:
                      description: any
              /b:
                delete:
                  summary: no id, no responses
            components:
              schemas:
                get:
                  type: object
            """
        let section = OpenAPIDocumentReader.readPaths(sample)
        #expect(section.problems.isEmpty)
        #expect(section.operations.map(\.route) == [Route(method: "GET", path: "/a/{id}"), Route(method: "POST", path: "/a/:id"),
                                                    Route(method: "DELETE", path: "/b/")])
        #expect(section.operations.map(\.operationId) == ["getA", "postA", nil])
        #expect(section.operations.map(\.responseCodes) == [["200", "404"], ["default"], []])
        #expect(section.operations.map(\.hasResponses) == [true, true, false])
        #expect(section.operations.map(\.isPublic) == [false, true, false])
    }
}

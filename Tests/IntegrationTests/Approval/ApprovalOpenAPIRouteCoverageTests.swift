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
import Testing

/// The OpenAPI document approval routing serves at `/openapi.yaml` against the routes
/// `ApprovalAPI` really registers: every route documented, nothing documented that is not routed,
/// same methods and paths (capture names included), and every operation well-formed. No database
/// or broker is needed: registering routes leases no connection.
@Suite("Approval OpenAPI document covers the router")
struct ApprovalOpenAPIRouteCoverageTests {
    typealias Route = ApprovalOpenAPIPathsReader.Route

    /// A P-256 public key whose private half was thrown away: the verifier needs a key but no
    /// token is ever accepted here.
    static let unusedPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEY0Y7nis/eQHM9B/1u5QiAOmDBPjK
        UlPhdOA59RDhyvtaSNhAJpgQYTMmgMzsvaGNpMx+5SKNAQPtzrVuba+T/g==
        -----END PUBLIC KEY-----
        """

    // MARK: The router

    /// A router with the real `ApprovalAPI` registered. The pool opens connections only when
    /// leased, and neither registering routes nor refusing a request without a token leases one.
    static func router() async throws -> Router<AuthenticatedRequestContext> {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: "postgres://unused@127.0.0.1:1/unused", poolSize: 1),
                                logger: Logger(label: "approval-openapi-route-coverage"))
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(pem: unusedPublicKeyPEM))
        let router = Router(context: AuthenticatedRequestContext.self)
        ApprovalAPI(pool: pool, producer: "approval-openapi-test", verifier: verifier, settings: .defaults, today: { nil })
            .register(on: router)
        return router
    }

    static func registeredRoutes() async throws -> [Route] {
        try await router().routes.map { Route(method: String(describing: $0.method), path: String(describing: $0.path)) }
    }

    static func documented() -> ApprovalOpenAPIPathsReader.PathsSection {
        ApprovalOpenAPIPathsReader.readPaths(ApprovalOpenAPI.yaml)
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

    @Test("every operation is listed once, with a unique operationId and responses")
    func operationsWellFormed() {
        let operations = Self.documented().operations
        var seenRoutes: [Route: Int] = [:]
        var seenIds: [String: Int] = [:]
        for operation in operations {
            let at = "\(operation.route) (line \(operation.line))"
            if let first = seenRoutes[operation.route] {
                Issue.record("\(at) repeats the operation at line \(first)")
            }
            seenRoutes[operation.route] = operation.line
            guard let id = operation.operationId else {
                Issue.record("\(at) has no operationId")
                continue
            }
            if let first = seenIds[id] {
                Issue.record("\(at): operationId \(id) is already used at line \(first)")
            }
            seenIds[id] = operation.line
            #expect(operation.hasResponses, "\(at) has no responses")
            #expect(!operation.responseCodes.isEmpty, "\(at) lists no response")
            #expect(operation.responseCodes.contains { $0.hasPrefix("2") }, "\(at) has no success response")
            for code in operation.responseCodes {
                #expect(code == "default" || (code.count == 3 && Int(code).map { (100...599).contains($0) } == true),
                        "\(at): `\(code)` is not a status code")
            }
        }
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
        let section = ApprovalOpenAPIPathsReader.readPaths(sample)
        #expect(section.problems.isEmpty)
        #expect(section.operations.map(\.route) == [Route(method: "GET", path: "/a/{id}"), Route(method: "POST", path: "/a/:id"),
                                                    Route(method: "DELETE", path: "/b/")])
        #expect(section.operations.map(\.operationId) == ["getA", "postA", nil])
        #expect(section.operations.map(\.responseCodes) == [["200", "404"], ["default"], []])
        #expect(section.operations.map(\.hasResponses) == [true, true, false])
        #expect(section.operations.map(\.isPublic) == [false, true, false])
    }
}

/// A line-based reader of an OpenAPI document's `paths:` section (a copy of the one the intake
/// coverage test uses, so the two test targets stay independent).
enum ApprovalOpenAPIPathsReader {
    /// One operation: `POST /approvals/plans/{planId}/approve`.
    struct Route: Hashable, Comparable, CustomStringConvertible {
        var method: String
        var path: String

        init(method: String, path: String) {
            self.method = method.uppercased()
            self.path = ApprovalOpenAPIPathsReader.normalise(path)
        }

        var description: String { "\(method) \(path)" }

        static func < (lhs: Route, rhs: Route) -> Bool {
            (lhs.path, lhs.method) < (rhs.path, rhs.method)
        }
    }

    /// An operation as the document lists it.
    struct DocumentedOperation: Equatable {
        var route: Route
        /// 1-based line of the method key in the YAML.
        var line: Int
        var operationId: String?
        var responseCodes: [String] = []
        var hasResponses = false
        /// `security: []`: the operation needs no token.
        var isPublic = false
    }

    /// What the reader found, plus lines it could not place.
    struct PathsSection {
        var operations: [DocumentedOperation] = []
        var problems: [String] = []
    }

    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// One spelling for both sides: captures as `{name}` (Hummingbird's `:name` too), a leading
    /// slash, no empty segments, no trailing slash.
    static func normalise(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            if segment.hasPrefix(":") { return "{\(segment.dropFirst())}" }
            return String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Reads the `paths:` section line by line: path keys at the first indentation under `paths:`,
    /// method keys at the next, and each operation's own keys (`operationId`, `responses`,
    /// `security`) at the one after that. Deeper lines (schemas, block texts) are skipped.
    static func readPaths(_ yaml: String) -> PathsSection {
        var section = PathsSection()
        var inPaths = false
        var sawPaths = false
        var pathIndent: Int?
        var methodIndent: Int?
        var fieldIndent: Int?
        var responsesIndent: Int?
        var responseCodeIndent: Int?
        var currentPath: String?
        var current: DocumentedOperation?

        func flush() {
            if let operation = current { section.operations.append(operation) }
            current = nil
            fieldIndent = nil
            responsesIndent = nil
            responseCodeIndent = nil
        }

        for (index, raw) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            let indent = line.prefix { $0 == " " }.count
            if indent == 0 {
                flush()
                inPaths = text == "paths:"
                if inPaths {
                    guard !sawPaths else {
                        section.problems.append("line \(index + 1): a second `paths:` section")
                        continue
                    }
                    sawPaths = true
                }
                continue
            }
            guard inPaths else { continue }
            let (key, value) = keyAndValue(text)
            if pathIndent == nil { pathIndent = indent }
            guard let pathLevel = pathIndent, indent >= pathLevel else {
                section.problems.append("line \(index + 1): `\(text)` is indented less than the path keys")
                continue
            }
            if indent == pathLevel {
                flush()
                methodIndent = nil
                guard let key, key.hasPrefix("/"), value.isEmpty else {
                    section.problems.append("line \(index + 1): `\(text)` is not a path key")
                    currentPath = nil
                    continue
                }
                currentPath = key
                continue
            }
            if methodIndent == nil { methodIndent = indent }
            guard let methodLevel = methodIndent, indent >= methodLevel else {
                section.problems.append("line \(index + 1): `\(text)` is indented between a path key and its methods")
                continue
            }
            if indent == methodLevel {
                flush()
                // Path-level keys such as `parameters:` or `summary:` are allowed; only methods are operations.
                if let key, httpMethods.contains(key) {
                    guard let currentPath else {
                        section.problems.append("line \(index + 1): method `\(key)` outside a path")
                        continue
                    }
                    current = DocumentedOperation(route: Route(method: key, path: currentPath), line: index + 1)
                }
                continue
            }
            guard current != nil else { continue }
            if fieldIndent == nil { fieldIndent = indent }
            if indent == fieldIndent {
                responsesIndent = nil
                responseCodeIndent = nil
                switch key {
                case "operationId": current?.operationId = value.isEmpty ? nil : value
                case "responses":
                    current?.hasResponses = true
                    responsesIndent = indent
                case "security": current?.isPublic = value.replacingOccurrences(of: " ", with: "") == "[]"
                default: break
                }
                continue
            }
            if let responsesIndent, indent > responsesIndent {
                if responseCodeIndent == nil { responseCodeIndent = indent }
                if indent == responseCodeIndent, let key { current?.responseCodes.append(key) }
            }
        }
        flush()
        if !sawPaths { section.problems.append("no top-level `paths:` section") }
        return section
    }

    /// `key: value` with quotes taken off the key and the value (`'200':` → `200`).
    static func keyAndValue(_ text: String) -> (key: String?, value: String) {
        var body = Substring(text)
        if body.hasPrefix("- ") { return (nil, text) }
        let key: Substring
        if let quote = body.first, quote == "'" || quote == "\"" {
            body = body.dropFirst()
            guard let end = body.firstIndex(of: quote) else { return (nil, text) }
            key = body[..<end]
            body = body[body.index(after: end)...]
            guard body.hasPrefix(":") else { return (nil, text) }
            body = body.dropFirst()
        } else if body.hasSuffix(":") {
            key = body.dropLast()
            body = ""
        } else if let range = body.range(of: ": ") {
            key = body[..<range.lowerBound]
            body = body[range.upperBound...]
        } else {
            return (nil, text)
        }
        var value = body.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, (first == "'" || first == "\""), value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return (String(key), value)
    }
}

import Foundation
import Hummingbird

/// A line-based reader of an OpenAPI document's `paths:` section, for the tests that hold each
/// service's served `/openapi.yaml` against the routes its router really registers.
///
/// It lives here, not in each test target, because intake and approval routing check their
/// documents the same way and the reader must not drift between two copies. It is deliberately
/// no YAML parser: the documents are hand-written in one house style (two-space indents, one key
/// per line), and a small reader that reports what it could not place keeps the coverage tests
/// free of a YAML dependency. The reader's own check (`readerSelfCheck`) lives in the intake
/// coverage tests, since this library has no test target.
public enum OpenAPIDocumentReader {
    /// One operation: `POST /plans/{planId}/submit`. Method and path are normalised on the way in
    /// so that a routed `post /plans/:planId/submit` and a documented `post /plans/{planId}/submit`
    /// compare equal.
    public struct Route: Hashable, Comparable, CustomStringConvertible, Sendable {
        public var method: String
        public var path: String

        public init(method: String, path: String) {
            self.method = method.uppercased()
            self.path = OpenAPIDocumentReader.normalise(path)
        }

        public var description: String { "\(method) \(path)" }

        public static func < (lhs: Route, rhs: Route) -> Bool {
            (lhs.path, lhs.method) < (rhs.path, rhs.method)
        }
    }

    /// An operation as the document lists it: what the coverage tests check for each one.
    public struct DocumentedOperation: Equatable, Sendable {
        public var route: Route
        /// 1-based line of the method key in the YAML, so a failure points at the document.
        public var line: Int
        public var operationId: String?
        public var responseCodes: [String] = []
        public var hasResponses = false
        /// `security: []`: the operation needs no token.
        public var isPublic = false
    }

    /// What the reader found, plus lines it could not place (a test fails on any problem rather
    /// than silently skipping a misindented operation).
    public struct PathsSection: Sendable {
        public var operations: [DocumentedOperation] = []
        public var problems: [String] = []
    }

    /// A P-256 public key whose private half was thrown away: building a router needs a token
    /// verifier, and a verifier needs a key, but the coverage tests never accept a token.
    public static let unusedPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEY0Y7nis/eQHM9B/1u5QiAOmDBPjK
        UlPhdOA59RDhyvtaSNhAJpgQYTMmgMzsvaGNpMx+5SKNAQPtzrVuba+T/g==
        -----END PUBLIC KEY-----
        """

    /// The keys under a path item that are operations; any other key (`parameters`, `summary`)
    /// is path-level and is not counted as one.
    public static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The routes a Hummingbird router has registered, in the reader's spelling, so they compare
    /// directly with `readPaths(_:).operations.map(\.route)`.
    public static func routes<Context>(of router: Router<Context>) -> [Route] {
        router.routes.map { Route(method: String(describing: $0.method), path: String(describing: $0.path)) }
    }

    /// One spelling for both sides: captures as `{name}` (Hummingbird's `:name` too), a leading
    /// slash, no empty segments, no trailing slash.
    public static func normalise(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            if segment.hasPrefix(":") { return "{\(segment.dropFirst())}" }
            return String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Reads the `paths:` section line by line: path keys at the first indentation under `paths:`,
    /// method keys at the next, and each operation's own keys (`operationId`, `responses`,
    /// `security`) at the one after that. Deeper lines (schemas, block texts) are skipped.
    /// What is wrong with the documented operations as operations: a route listed twice, a
    /// missing or repeated operationId, no responses, no success response, or a response key that
    /// is not a status code. Empty when every operation is well formed (the route-coverage tests
    /// of every service record each entry as an issue).
    public static func malformedOperations(_ section: PathsSection) -> [String] {
        var problems: [String] = []
        var seenRoutes: [Route: Int] = [:]
        var seenIds: [String: Int] = [:]
        for operation in section.operations {
            let at = "\(operation.route) (line \(operation.line))"
            if let first = seenRoutes[operation.route] { problems.append("\(at) repeats the operation at line \(first)") }
            seenRoutes[operation.route] = operation.line
            guard let id = operation.operationId else {
                problems.append("\(at) has no operationId")
                continue
            }
            if let first = seenIds[id] { problems.append("\(at): operationId \(id) is already used at line \(first)") }
            seenIds[id] = operation.line
            if !operation.hasResponses { problems.append("\(at) has no responses") }
            if operation.responseCodes.isEmpty { problems.append("\(at) lists no response") }
            if !operation.responseCodes.contains(where: { $0.hasPrefix("2") }) { problems.append("\(at) has no success response") }
            for code in operation.responseCodes
            where !(code == "default" || (code.count == 3 && Int(code).map { (100...599).contains($0) } == true)) {
                problems.append("\(at): `\(code)` is not a status code")
            }
        }
        return problems
    }

    public static func readPaths(_ yaml: String) -> PathsSection {
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

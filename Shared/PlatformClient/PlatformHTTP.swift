import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small HTTP client for driving the platform's APIs as their users would (the demo, the
/// end-to-end test and the pipeline benchmark): bearer tokens, JSON or raw bodies, and the
/// answer's status, headers and body.
public struct PlatformHTTP: Sendable {
    /// One answer.
    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
        public var headers: [String: String]

        /// The body as a JSON object (empty when it is not one).
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// A string member of the JSON body.
        public func string(_ key: String) -> String? { json[key] as? String }
    }

    /// A reply that was not what the step needed.
    public struct UnexpectedReply: Error, CustomStringConvertible {
        public var step: String
        public var status: Int
        public var body: String
        public var description: String { "\(step): HTTP \(status): \(body.prefix(600))" }
    }

    let session: URLSession

    public init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: configuration)
    }

    public func send(_ method: String, _ url: String, token: String?, json: String? = nil, bytes: [UInt8]? = nil,
                     contentType: String = "application/json", headers: [String: String] = [:]) async throws -> Reply {
        guard let target = URL(string: url) else { throw UnexpectedReply(step: "\(method) \(url)", status: 0, body: "bad URL") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json { request.httpBody = Data(json.utf8) }
        if let bytes { request.httpBody = Data(bytes) }
        if request.httpBody != nil { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return Reply(status: http?.statusCode ?? 0, body: data, headers: fields)
    }

    /// Sends and requires one of `expected` statuses, else throws with the body.
    public func require(_ expected: Set<Int>, _ step: String, _ method: String, _ url: String, token: String?, json: String? = nil,
                        bytes: [UInt8]? = nil, contentType: String = "application/json",
                        headers: [String: String] = [:]) async throws -> Reply {
        let reply = try await send(method, url, token: token, json: json, bytes: bytes, contentType: contentType, headers: headers)
        guard expected.contains(reply.status) else { throw UnexpectedReply(step: step, status: reply.status, body: reply.text) }
        return reply
    }
}

/// JSON text from a dictionary (for request bodies built in code).
public func jsonText(_ object: [String: Any]) -> String {
    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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

    /// Seconds a request may take, from sending to the last byte of the answer.
    let timeout: TimeInterval

    /// One connection pool for the whole process, never shut down (it lives as long as the
    /// process). URLSession (FoundationNetworking over libcurl) took ≈ 3 ms of CPU per request and
    /// a thread hop or two; the benchmark's client then competed with the services it measures for
    /// the same two cores. AsyncHTTPClient keeps connections alive per host and costs a fraction.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        // Up to 64 kept-alive connections per service: the benchmark runs ~50 users at once.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        configuration.timeout = .init(connect: .seconds(10))
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Answers above this size are refused (the largest, an export, is a few MiB).
    static let answerLimit = 256 << 20

    public init(timeout: TimeInterval = 30) {
        self.timeout = timeout
    }

    /// Sends once more (for up to ~10 s) while the service answers 403 `auth.assignment_not_held`:
    /// a role given a moment ago reaches each service's directory copy through the broker, so the
    /// first request after an assignment can arrive before it (as a person clicking at once would).
    public func send(_ method: String, _ url: String, token: String?, json: String? = nil, bytes: [UInt8]? = nil,
                     contentType: String = "application/json", headers: [String: String] = [:]) async throws -> Reply {
        var attempt = 0
        while true {
            let reply = try await sendOnce(method, url, token: token, json: json, bytes: bytes, contentType: contentType, headers: headers)
            guard reply.status == 403, attempt < 50, reply.text.contains("auth.assignment_not_held") else { return reply }
            attempt += 1
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    func sendOnce(_ method: String, _ url: String, token: String?, json: String?, bytes: [UInt8]?,
                  contentType: String, headers: [String: String]) async throws -> Reply {
        guard URL(string: url) != nil else { throw UnexpectedReply(step: "\(method) \(url)", status: 0, body: "bad URL") }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)") }
        var body: [UInt8]?
        if let json { body = Array(json.utf8) }
        if let bytes { body = bytes }
        if let body {
            request.headers.replaceOrAdd(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        let response = try await Self.client.execute(request, deadline: deadline)
        let answer = try await response.body.collect(upTo: Self.answerLimit)
        var fields: [String: String] = [:]
        for (name, value) in response.headers { fields[name.lowercased()] = value }
        return Reply(status: Int(response.status.code), body: Data(answer.readableBytesView), headers: fields)
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

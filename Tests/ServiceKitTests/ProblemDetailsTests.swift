import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceKit
import Testing

/// A request context built from nothing but a logger: no channel, no server.
struct OfflineContextSource: RequestContextSource {
    var logger: Logger
}

struct OfflineContext: RequestContext {
    typealias Source = OfflineContextSource
    var coreContext: CoreRequestContextStorage
    init(source: OfflineContextSource) { coreContext = .init(source: source) }
}

/// Collects a response body in memory.
final class BodyCollector: ResponseBodyWriter {
    var bytes: [UInt8] = []
    func write(_ buffer: ByteBuffer) async throws { bytes += buffer.readableBytesView }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

@Suite("ProblemDetails")
struct ProblemDetailsTests {
    static let sample = ProblemDetails(
        status: .unprocessableContent, type: "https://pumpurs.example/problems/validation", title: "Plāns nav derīgs",
        detail: "Pārbaudiet laukus / Check the fields", instance: "/plans/42",
        errors: [.init(field: "risks[0].justification", rule: "risk.justification.vague",
                       message: "Pamatojums ir neskaidrs", messageEn: "The justification is vague")])

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("RFC 9457 members: type, title, status as a number, detail, instance, errors")
    func jsonShape() throws {
        let json = try Self.json(Array(try JSONEncoder().encode(Self.sample)))
        #expect(Set(json.keys) == ["type", "title", "status", "detail", "instance", "errors"])
        #expect(json["type"] as? String == "https://pumpurs.example/problems/validation")
        #expect(json["title"] as? String == "Plāns nav derīgs")
        #expect(json["status"] as? Int == 422)
        #expect(!(json["status"] is String))
        #expect(json["detail"] as? String == "Pārbaudiet laukus / Check the fields")
        #expect(json["instance"] as? String == "/plans/42")
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(Set(errors[0].keys) == ["field", "rule", "message", "messageEn"])
        #expect(errors[0]["field"] as? String == "risks[0].justification")
        #expect(errors[0]["rule"] as? String == "risk.justification.vague")
        #expect(errors[0]["message"] as? String == "Pamatojums ir neskaidrs")
        #expect(errors[0]["messageEn"] as? String == "The justification is vague")
    }

    @Test("absent optional members are left out")
    func minimal() throws {
        let problem = ProblemDetails(status: .notFound, type: "about:blank", title: "Nav atrasts")
        let json = try Self.json(Array(try JSONEncoder().encode(problem)))
        #expect(Set(json.keys) == ["type", "title", "status"])
        #expect(json["status"] as? Int == 404)
    }

    @Test("decodes what it encodes")
    func roundTrip() throws {
        let decoded = try JSONDecoder().decode(ProblemDetails.self, from: JSONEncoder().encode(Self.sample))
        #expect(decoded.statusCode == 422)
        #expect(decoded.status == .unprocessableContent)
        #expect(decoded.errors == Self.sample.errors)
        #expect(decoded.title == Self.sample.title)
    }

    @Test("is an HTTPResponseError with its own status", arguments: [
        HTTPResponse.Status.badRequest, .notFound, .conflict, .unprocessableContent, .serviceUnavailable,
    ])
    func httpResponseError(status: HTTPResponse.Status) {
        let problem = ProblemDetails(status: status, type: "about:blank", title: "x")
        let error: any Error = problem
        let responseError = error as? any HTTPResponseError
        #expect(responseError?.status == status)
        #expect(problem.statusCode == status.code)
    }

    @Test("the response carries the status, application/problem+json and the JSON body")
    func response() async throws {
        let request = Request(head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/plans/42"),
                              body: .init(buffer: ByteBuffer()))
        let context = OfflineContext(source: OfflineContextSource(logger: Logger(label: "test")))
        let response = try Self.sample.response(from: request, context: context)
        #expect(response.status == .unprocessableContent)
        #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
        let collector = BodyCollector()
        try await response.body.write(collector)
        let json = try Self.json(collector.bytes)
        #expect(json["status"] as? Int == 422)
        #expect(json["title"] as? String == "Plāns nav derīgs")
        #expect((json["errors"] as? [[String: Any]])?.first?["messageEn"] as? String == "The justification is vague")
    }
}

import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem (`application/problem+json`) that names the field and the rule, with the
/// message in Latvian first and English too. Thrown from a route, it becomes the response.
public struct ProblemDetails: Error, HTTPResponseError, Codable, Sendable {
    /// One violated rule.
    public struct FieldError: Codable, Sendable, Equatable {
        /// JSON path of the field, e.g. `risks[0].justification`.
        public var field: String
        /// Stable rule id.
        public var rule: String
        /// Latvian message.
        public var message: String
        /// English message.
        public var messageEn: String
        /// `error` or `warning` where a rule set reports both (plan validation); else absent.
        public var severity: String?
        /// Creates a field error.
        public init(field: String, rule: String, message: String, messageEn: String, severity: String? = nil) {
            self.field = field; self.rule = rule; self.message = message; self.messageEn = messageEn; self.severity = severity
        }
    }

    /// Problem type URI.
    public var type: String
    /// Short summary (Latvian).
    public var title: String
    /// HTTP status code as a number (the `status` member of the JSON).
    public var statusCode: Int
    /// Explanation (Latvian, then English).
    public var detail: String?
    /// The request path.
    public var instance: String?
    /// Field-level errors.
    public var errors: [FieldError]?

    /// Creates a problem.
    public init(status: HTTPResponse.Status, type: String, title: String, detail: String? = nil,
                instance: String? = nil, errors: [FieldError]? = nil) {
        self.type = type
        self.title = title
        self.statusCode = status.code
        self.detail = detail
        self.instance = instance
        self.errors = errors
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, instance, errors
    }

    /// Writes `application/problem+json`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

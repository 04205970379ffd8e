import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An ``AuthFailure`` as an HTTP response: RFC 9457 `application/problem+json` with the same
/// members as ServiceKit's `ProblemDetails` (`type`, `title`, `status`, `detail`, `instance`;
/// Latvian first, then English), plus the RFC 6750 `WWW-Authenticate` challenge.
public struct AuthProblem: HTTPResponseError, Sendable, Equatable {
    /// Realm named in the challenge.
    public static let realm = "pumpurs"

    /// Why the request was refused.
    public let failure: AuthFailure

    /// Wraps `failure`.
    public init(_ failure: AuthFailure) {
        self.failure = failure
    }

    /// 401 or 403.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: failure.status) }

    /// The `WWW-Authenticate` value. Per RFC 6750 §3.1 a request with no credentials gets the bare
    /// challenge (no error code), a bad token `invalid_token`, a refused role or scope `insufficient_scope`.
    public var challenge: String {
        switch failure {
        case .missingToken: #"Bearer realm="\#(Self.realm)""#
        case .roleNotAllowed, .outOfScope, .assignmentNotHeld: #"Bearer realm="\#(Self.realm)", error="insufficient_scope""#
        default: #"Bearer realm="\#(Self.realm)", error="invalid_token""#
        }
    }

    /// The JSON body.
    struct Body: Codable, Equatable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var instance: String?
    }

    func body(instance: String?) -> Body {
        Body(type: failure.type, title: "\(failure.titleLv) / \(failure.titleEn)", status: failure.status,
             detail: "\(failure.detailLv) / \(failure.detailEn)", instance: instance)
    }

    /// Writes the problem response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body(instance: request.uri.path))
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        headers[.wwwAuthenticate] = challenge
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

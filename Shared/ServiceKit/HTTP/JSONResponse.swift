import Contracts
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// Builds JSON responses the same way everywhere: sorted keys, UTF-8, no escaped slashes.
public enum JSONResponse {
    /// The encoder every API response uses.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        // Foundation's bytes (sorted keys), written by the contract kit's faster encoder.
        try ContractCoding.encodeSorted(value)
    }

    /// `status` with `value` as `application/json`, plus `headers`.
    public static func make(_ status: HTTPResponse.Status = .ok, _ value: some Encodable,
                            headers: HTTPFields = [:]) throws -> Response {
        var all = headers
        all[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: all, body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }
}

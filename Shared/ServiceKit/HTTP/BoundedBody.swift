import Hummingbird
import HTTPTypes
import NIOCore

/// Reads request bodies with a size limit checked before anything is decoded.
public enum BoundedBody {
    /// The body's bytes; 413 when the declared length or the bytes received exceed `limit`.
    public static func read(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw CommonProblems.bodyTooLarge(limit: limit)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw CommonProblems.bodyTooLarge(limit: limit)
        }
        return Array(buffer.readableBytesView)
    }

    /// Reads and strictly decodes a JSON body (``StrictJSON``).
    public static func decode<T: Codable>(_ type: T.Type, from request: Request, limit: Int,
                                          personalCodeFields: Set<String> = []) async throws -> T {
        try StrictJSON.decode(type, from: try await read(request, limit: limit), personalCodeFields: personalCodeFields)
    }
}

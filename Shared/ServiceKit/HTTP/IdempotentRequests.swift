import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import Postgres

/// A response as an idempotent POST stores it, to answer a repeated request the same way.
public struct StoredResponse: Sendable, Equatable {
    /// HTTP status code.
    public var status: Int
    /// JSON body.
    public var body: [UInt8]
    /// `Location` header, if any.
    public var location: String?

    /// A JSON response from an encodable value.
    public init(status: HTTPResponse.Status, json value: some Encodable, location: String? = nil) throws {
        self.status = status.code
        self.body = try JSONResponse.encode(value)
        self.location = location
    }

    init(status: Int, body: [UInt8], location: String?) {
        self.status = status
        self.body = body
        self.location = location
    }

    /// The HTTP response; `replayed` adds `Idempotent-Replayed: true`.
    public func response(replayed: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let location { headers[.location] = location }
        if replayed, let name = HTTPField.Name("Idempotent-Replayed") { headers[name] = "true" }
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// `Idempotency-Key` for POST requests: the first request with a key runs and its response is
/// stored in the same transaction as its effects; the same key (per person) with the same body
/// gets the stored response again; the same key with another body gets 422. A request that fails
/// stores nothing, so it may be retried with the same key.
public struct IdempotentRequests: Sendable {
    /// The header's name.
    public static let header = HTTPField.Name("Idempotency-Key")!
    let pool: PostgresPool
    let fingerprintKey: SymmetricKey?

    /// Uses the service's pool (the table comes with the kit's migrations). A service whose request
    /// bodies hold personal data passes a secret `fingerprintKey`: the stored fingerprint is then an
    /// HMAC, from which no body can be recovered by guessing (a plain hash of a body with a personal
    /// code could be brute-forced from a dump).
    public init(pool: PostgresPool, fingerprintKey: SymmetricKey? = nil) {
        self.pool = pool
        self.fingerprintKey = fingerprintKey
    }

    /// Runs `operation` in a transaction, at most once per (`actor`, key); `route` and `body`
    /// identify the request (another route or body under the same key is refused).
    public func perform(_ request: Request, actor: UUID, route: String, body: [UInt8],
                        operation: @escaping @Sendable (PostgresConnection) throws -> StoredResponse) async throws -> Response {
        guard let key = request.headers[Self.header] else {
            return try await pool.withTransaction { try operation($0) }.response()
        }
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw CommonProblems.invalidField("Idempotency-Key", "idempotency.key_format",
                                              lv: "Atslēgai jābūt 1–255 drukājamām ASCII rakstzīmēm.",
                                              en: "The key must be 1–255 printable ASCII characters.")
        }
        let request = Array(route.utf8) + [0x0A] + body
        let fingerprint = fingerprintKey.map { Array(HMAC<SHA256>.authenticationCode(for: request, using: $0)) }
            ?? Array(SHA256.hash(data: request))
        let (stored, replayed) = try await pool.withTransaction { connection -> (StoredResponse, Bool) in
            // Claim the key first: a concurrent request with the same key waits here until the
            // first commits (then finds its response) or rolls back (then runs itself).
            let claimed = try connection.query("""
                INSERT INTO idempotency_keys (actor, key, fingerprint) VALUES ($1, $2, $3)
                ON CONFLICT (actor, key) DO NOTHING RETURNING key
                """, [actor, key, fingerprint])
            if claimed.first == nil {
                let row = try connection.query(
                    "SELECT fingerprint, status, body, location FROM idempotency_keys WHERE actor = $1 AND key = $2",
                    [actor, key]).single()
                guard try row.decode("fingerprint", as: [UInt8].self) == fingerprint else {
                    throw CommonProblems.invalidField("Idempotency-Key", "idempotency.key_reused",
                                                      lv: "Šī atslēga jau izmantota citam pieprasījumam.",
                                                      en: "This key was already used for a different request.")
                }
                return (StoredResponse(status: try row.decode("status", as: Int.self), body: try row.decode("body", as: [UInt8].self),
                                       location: try row.decode("location", as: String?.self)), true)
            }
            let response = try operation(connection)
            try connection.execute("UPDATE idempotency_keys SET status = $3, body = $4, location = $5 WHERE actor = $1 AND key = $2",
                                   [actor, key, response.status, response.body, response.location])
            return (response, false)
        }
        return stored.response(replayed: replayed)
    }
}

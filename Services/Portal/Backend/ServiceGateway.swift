import Auth
import Foundation
import PlatformClient

/// The services' HTTP APIs, called as the signed-in person in their current role: each call
/// carries a short-lived token (5 minutes) signed with the portal's own key, which the services
/// trust through the portal's published JWKS (`/.well-known/jwks.json`).
public struct ServiceGateway: Sendable {
    public let endpoints: PlatformEndpoints
    let minter: TokenMinter
    let http: PlatformHTTP
    /// Lifetime of the tokens the portal mints.
    public static let tokenLifetime: Duration = .seconds(300)

    public init(endpoints: PlatformEndpoints, minter: TokenMinter, http: PlatformHTTP = PlatformHTTP(timeout: 20)) {
        self.endpoints = endpoints
        self.minter = minter
        self.http = http
    }

    /// The principal a role stands for, or nil for a role or scope this build does not know.
    public static func principal(person: UUID, role: SignedInPerson.Role) -> Principal? {
        guard let kind = Role(rawValue: role.role) else { return nil }
        let scope: Scope
        switch role.scope.kind {
        case "national": scope = .national
        case "region": guard let name = role.scope.region else { return nil }; scope = .region(name)
        case "municipality": guard let id = role.scope.id else { return nil }; scope = .municipality(id)
        case "institution": guard let id = role.scope.id else { return nil }; scope = .institution(id)
        default: return nil
        }
        return try? Principal(personId: person, role: kind, scope: scope)
    }

    /// One call as `principal`.
    public func call(_ principal: Principal, _ method: String, _ url: String, json: String? = nil, bytes: [UInt8]? = nil,
                     contentType: String = "application/json", idempotencyKey: String? = nil) async throws -> PlatformHTTP.Reply {
        let token = try await minter.mint(principal, lifetime: Self.tokenLifetime)
        var headers: [String: String] = [:]
        if let idempotencyKey { headers["Idempotency-Key"] = idempotencyKey }
        return try await http.send(method, url, token: token, json: json, bytes: bytes, contentType: contentType, headers: headers)
    }
}

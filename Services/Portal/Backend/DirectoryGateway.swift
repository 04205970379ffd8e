import Foundation
import PlatformClient

/// Intake's `POST /directory/sign-in`, called with the portal's own credential: who a provider
/// subject is (at sign-in) and who a person is now (every request).
public struct DirectoryGateway: Sendable {
    let intake: String
    let secret: String
    let http: PlatformHTTP

    public init(intake: String, secret: String, http: PlatformHTTP = PlatformHTTP(timeout: 10)) {
        self.intake = intake
        self.secret = secret
        self.http = http
    }

    public struct Unavailable: Error {}

    public func person(subject: String) async throws -> SignedInPerson? {
        try await lookup(["subject": subject])
    }

    public func person(id: UUID) async throws -> SignedInPerson? {
        try await lookup(["personId": id.uuidString.lowercased()])
    }

    func lookup(_ body: [String: String]) async throws -> SignedInPerson? {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let reply = try await http.send("POST", intake + "/directory/sign-in", token: secret, json: json)
        switch reply.status {
        case 200: return try JSONDecoder().decode(SignedInPerson.self, from: reply.body)
        case 404: return nil
        default: throw Unavailable()
        }
    }
}

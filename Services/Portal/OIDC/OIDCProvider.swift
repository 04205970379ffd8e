import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The identity provider as the portal talks to it: discovery, the token endpoint, its keys.
/// Any standard OpenID Connect provider works by configuration (issuer, client id and secret).
public struct OIDCProvider: Sendable {
    /// What discovery (`/.well-known/openid-configuration`) tells us.
    public struct Metadata: Sendable, Equatable {
        public var issuer: String
        public var authorizationEndpoint: String
        public var tokenEndpoint: String
        public var jwksURI: String
        public var endSessionEndpoint: String?
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let issuer: String
    public let clientId: String
    let clientSecret: String

    public init(issuer: String, clientId: String, clientSecret: String) {
        self.issuer = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    /// Discovery; the document's issuer must be the configured one (OIDC Discovery §4.3).
    public func discover() async throws -> Metadata {
        let json = try await getJSON(issuer + "/.well-known/openid-configuration")
        guard let found = json["issuer"] as? String, found == issuer || found == issuer + "/",
              let authorization = json["authorization_endpoint"] as? String, let token = json["token_endpoint"] as? String,
              let jwks = json["jwks_uri"] as? String else {
            throw Failure(description: "the provider's discovery document lacks or contradicts issuer/endpoints")
        }
        return Metadata(issuer: found, authorizationEndpoint: authorization, tokenEndpoint: token, jwksURI: jwks,
                        endSessionEndpoint: json["end_session_endpoint"] as? String)
    }

    /// The provider's JWKS as text.
    public func jwks(_ metadata: Metadata) async throws -> String {
        let reply = try await send(HTTPClientRequest(url: metadata.jwksURI))
        guard reply.status == 200 else { throw Failure(description: "JWKS answered \(reply.status)") }
        return String(decoding: reply.body, as: UTF8.self)
    }

    /// Exchanges the authorization code (with the PKCE verifier) for the ID token.
    public func idToken(code: String, codeVerifier: String, redirectURI: String, metadata: Metadata) async throws -> String {
        var request = HTTPClientRequest(url: metadata.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let credentials = Data("\(Self.formEncode(clientId)):\(Self.formEncode(clientSecret))".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(credentials)")
        let form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", codeVerifier),
                    ("client_id", clientId)]
        request.body = .bytes(ByteBuffer(string: form.map { "\($0)=\(Self.formEncode($1))" }.joined(separator: "&")))
        let reply = try await send(request)
        guard reply.status == 200, let json = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
              let idToken = json["id_token"] as? String else {
            throw Failure(description: "the token endpoint answered \(reply.status) without an id_token")
        }
        return idToken
    }

    /// RP-initiated logout URL, when the provider offers it.
    public func logoutURL(_ metadata: Metadata, idToken: String?, returnTo: String) -> String? {
        guard let endpoint = metadata.endSessionEndpoint, var components = URLComponents(string: endpoint) else { return nil }
        var items = components.queryItems ?? []
        if let idToken { items.append(URLQueryItem(name: "id_token_hint", value: idToken)) }
        items.append(URLQueryItem(name: "post_logout_redirect_uri", value: returnTo))
        items.append(URLQueryItem(name: "client_id", value: clientId))
        components.queryItems = items
        return components.string
    }

    func getJSON(_ url: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let reply = try await send(request)
        guard reply.status == 200, let json = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any] else {
            throw Failure(description: "GET \(url) answered \(reply.status)")
        }
        return json
    }

    func send(_ request: HTTPClientRequest) async throws -> (status: Int, body: Data) {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), Data(body.readableBytesView))
    }

    /// `application/x-www-form-urlencoded` value encoding.
    public static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

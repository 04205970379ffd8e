import Crypto
import Foundation

/// The random values of one sign-in attempt (RFC 7636 PKCE with S256, OIDC `state` and `nonce`).
/// Pure apart from the random source, which tests can pin.
public struct SignInAttempt: Sendable, Equatable {
    /// Sent back by the provider; finds the attempt (stored only as its hash).
    public var state: String
    /// Put into the ID token by the provider; checked against it.
    public var nonce: String
    /// Kept by us; its hash goes to the provider (`code_challenge`).
    public var codeVerifier: String

    public init(state: String, nonce: String, codeVerifier: String) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
    }

    /// Fresh random values (32 bytes each, base64url: 43 characters, within PKCE's 43–128).
    public static func random() -> SignInAttempt {
        SignInAttempt(state: RandomToken.make(), nonce: RandomToken.make(), codeVerifier: RandomToken.make())
    }

    /// `BASE64URL(SHA256(code_verifier))`, the S256 challenge.
    public var codeChallenge: String { Base64URLText.encode(Data(SHA256.hash(data: Data(codeVerifier.utf8)))) }

    /// The provider's authorization URL for this attempt.
    public func authorizationURL(endpoint: String, clientId: String, redirectURI: String, language: String) -> String {
        var components = URLComponents(string: endpoint) ?? URLComponents()
        var items = components.queryItems ?? []
        items += [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: clientId),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "scope", value: "openid"),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: codeChallenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
            URLQueryItem(name: "ui_locales", value: language),
        ]
        components.queryItems = items
        return components.string ?? endpoint
    }
}

/// Unguessable tokens (session ids, form tokens, PKCE values): 32 random bytes, base64url.
public enum RandomToken {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URLText.encode(Data(bytes))
    }

    /// SHA-256 of a token: what the database keeps (a leaked table opens no session).
    public static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }
}

/// Base64url without padding (RFC 4648 §5).
public enum Base64URLText {
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

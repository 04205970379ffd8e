import Foundation
import JWTKit

/// The public keys a ``TokenVerifier`` trusts, each ES256 (P-256) with its key id.
///
/// Only P-256 keys are ever loaded, so no key in the set can verify under another algorithm:
/// the algorithm is pinned by the keys as well as by the header check.
public struct VerificationKeys: Sendable {
    /// One trusted key.
    public struct Entry: Sendable {
        /// Key id (`kid`) tokens name it by.
        public var keyId: String
        /// The public key.
        public var key: ES256PublicKey
    }

    /// The trusted keys, in document order.
    public private(set) var entries: [Entry]

    /// Trusts exactly these keys.
    public init(entries: [Entry]) throws(AuthConfigurationError) {
        guard !entries.isEmpty else {
            throw AuthConfigurationError(code: "auth.config.no_keys", message: "no verification key configured")
        }
        self.entries = entries
    }

    /// Development: one ES256 public key in PEM; its key id is its RFC 7638 thumbprint, the same
    /// one ``TokenMinter`` puts in the header.
    public static func developmentPublicKey(pem: String) throws(AuthConfigurationError) -> VerificationKeys {
        let key: ES256PublicKey
        do { key = try ES256PublicKey(pem: pem) } catch {
            throw AuthConfigurationError(code: "auth.config.bad_public_key",
                                         message: "the development public key is not an ES256 (P-256) PEM key",
                                         cause: String(describing: type(of: error)))
        }
        return try VerificationKeys(entries: [Entry(keyId: DevelopmentKeyPair.keyId(of: key), key: key)])
    }

    /// Development: the PEM file `PUMPURS_JWT_PUBLIC_KEY_FILE` names.
    public static func developmentPublicKey(file path: String) throws(AuthConfigurationError) -> VerificationKeys {
        try developmentPublicKey(pem: readText(path, what: "public key"))
    }

    /// Production: the identity provider's JWKS document. Keys that are not EC P-256 for
    /// signing with ES256 (RSA, other curves, `use: enc`, another `alg`) or have no `kid` are skipped.
    public static func jwks(json: String) throws(AuthConfigurationError) -> VerificationKeys {
        let document: JWKSDocument
        do { document = try JSONDecoder().decode(JWKSDocument.self, from: Data(json.utf8)) } catch {
            throw AuthConfigurationError(code: "auth.config.bad_jwks", message: "the JWKS is not a JSON object with `keys`",
                                         cause: String(describing: type(of: error)))
        }
        var entries: [Entry] = []
        for jwk in document.keys where jwk.isES256SigningKey {
            guard let kid = jwk.kid, !kid.isEmpty, let x = jwk.x, let y = jwk.y,
                  let key = try? ES256PublicKey(parameters: (x: x, y: y)) else { continue }
            entries.append(Entry(keyId: kid, key: key))
        }
        guard !entries.isEmpty else {
            throw AuthConfigurationError(code: "auth.config.jwks_no_usable_key",
                                         message: "the JWKS holds no EC P-256 signing key with a kid")
        }
        return try VerificationKeys(entries: entries)
    }

    /// Production: a JWKS document in a file.
    public static func jwks(file path: String) throws(AuthConfigurationError) -> VerificationKeys {
        try jwks(json: readText(path, what: "JWKS"))
    }

    static func readText(_ path: String, what: String) throws(AuthConfigurationError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AuthConfigurationError(code: "auth.config.unreadable_file", message: "cannot read the \(what) file \(path)",
                                         cause: String(describing: type(of: error)))
        }
    }
}

/// The environment keys the auth module reads.
public enum EnvironmentKey {
    /// JWKS JSON (production).
    public static let jwks = "PUMPURS_JWT_JWKS"
    /// Path of a JWKS file (production).
    public static let jwksFile = "PUMPURS_JWT_JWKS_FILE"
    /// Path of the development ES256 public key (PEM).
    public static let publicKeyFile = "PUMPURS_JWT_PUBLIC_KEY_FILE"
    /// URL of the identity provider's JWKS (production; read again when a token names an unknown key).
    public static let jwksURL = "PUMPURS_JWT_JWKS_URL"
    /// Path of the development ES256 private key (PEM, secret; `pumpurs token` and the demo only,
    /// never a service).
    public static let privateKeyFile = "PUMPURS_JWT_PRIVATE_KEY_FILE"
    /// Expected `iss`.
    public static let issuer = "PUMPURS_JWT_ISSUER"
    /// Expected `aud`.
    public static let audience = "PUMPURS_JWT_AUDIENCE"
    /// Allowed clock skew in seconds.
    public static let leewaySeconds = "PUMPURS_JWT_LEEWAY_SECONDS"
    /// The longest token lifetime (`exp − iat`) accepted, in seconds.
    public static let maximumLifetimeSeconds = "PUMPURS_JWT_MAX_LIFETIME_SECONDS"
    /// `production` (the default) or `development`.
    public static let mode = "PUMPURS_MODE"
}

/// The members of a JWK this module reads; everything else is ignored.
private struct JWKSDocument: Decodable {
    struct Key: Decodable {
        var kty: String?
        var crv: String?
        var alg: String?
        var use: String?
        var kid: String?
        var x: String?
        var y: String?

        var isES256SigningKey: Bool {
            kty == "EC" && crv == "P-256" && (alg == nil || alg == "ES256") && (use == nil || use == "sig")
        }
    }

    var keys: [Key]
}

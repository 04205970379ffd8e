import Crypto
import Foundation
import JWTKit

/// The development signing key: an ES256 (P-256) pair in two PEM files, created on first use.
/// Production never has a private key; it verifies against the identity provider's JWKS.
public enum DevelopmentKeyPair {
    /// Loads the private key at `privateKeyFile`, creating the pair first if neither file exists.
    /// The private key file is written with mode 0600; a missing public key file is re-derived.
    /// A public key file without its private key is refused rather than silently replaced.
    @discardableResult
    public static func ensure(privateKeyFile: String, publicKeyFile: String) throws(AuthConfigurationError) -> ES256PrivateKey {
        let files = FileManager.default
        let hasPrivate = files.fileExists(atPath: privateKeyFile)
        let hasPublic = files.fileExists(atPath: publicKeyFile)
        if !hasPrivate && hasPublic {
            throw AuthConfigurationError(code: "auth.config.orphan_public_key",
                                         message: "\(publicKeyFile) exists without its private key \(privateKeyFile)")
        }
        let key: ES256PrivateKey
        if hasPrivate {
            key = try loadPrivateKey(file: privateKeyFile)
        } else {
            key = ES256PrivateKey()
            try write(key.pemRepresentation, to: privateKeyFile, permissions: 0o600)
        }
        if !hasPublic {
            try write(key.publicKey.pemRepresentation, to: publicKeyFile, permissions: 0o644)
        }
        return key
    }

    /// Reads an ES256 private key PEM.
    public static func loadPrivateKey(file path: String) throws(AuthConfigurationError) -> ES256PrivateKey {
        let pem = try VerificationKeys.readText(path, what: "private key")
        do { return try ES256PrivateKey(pem: pem) } catch {
            throw AuthConfigurationError(code: "auth.config.bad_private_key",
                                         message: "\(path) is not an ES256 (P-256) private key PEM",
                                         cause: String(describing: type(of: error)))
        }
    }

    /// The key id of `key`: its RFC 7638 JWK thumbprint (SHA-256, base64url).
    public static func keyId(of key: ES256PublicKey) -> String {
        guard let parameters = key.parameters else { return "pumpurs-dev" }
        // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
        return Base64URL.encode(SHA256.hash(data: Data(canonical.utf8)))
    }

    /// A JWKS document holding `key` (what an identity provider would publish).
    public static func jwks(for key: ES256PublicKey) -> String {
        guard let parameters = key.parameters else { return #"{"keys":[]}"# }
        return #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\#(keyId(of: key))","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
    }

    private static func write(_ text: String, to path: String, permissions: Int) throws(AuthConfigurationError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw AuthConfigurationError(code: "auth.config.unwritable_file", message: "cannot create \(directory)",
                                         cause: String(describing: type(of: error)))
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: permissions]) else {
            throw AuthConfigurationError(code: "auth.config.unwritable_file", message: "cannot write \(path)")
        }
    }
}

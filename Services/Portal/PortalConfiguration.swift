import Foundation
import PlatformClient
import ServiceKit

/// The portal's settings (beyond the kit's HTTP, database and log keys):
///
/// | key | default | meaning |
/// |---|---|---|
/// | `PUMPURS_PORTAL_PUBLIC_URL` | `http://localhost:8087` | the address people open (cookies, redirects, `Origin` checks) |
/// | `PUMPURS_OIDC_ISSUER` | required | the identity provider (Latvija.lv, VIIS, or the local stand-in) |
/// | `PUMPURS_OIDC_CLIENT_ID` / `PUMPURS_OIDC_CLIENT_SECRET` (secret) | `pumpurs-portal` / required | the portal's registration there |
/// | `PUMPURS_OIDC_ALGORITHM` | `RS256` | the only ID token algorithm accepted |
/// | `PUMPURS_PORTAL_SIGNING_KEY_FILE` (secret) | required | ES256 private key (PEM) for the tokens sent to the services |
/// | `PUMPURS_JWT_ISSUER` / `PUMPURS_JWT_AUDIENCE` | `pumpurs-dev` in development / `pumpurs` | `iss`/`aud` of those tokens |
/// | `PUMPURS_PORTAL_DIRECTORY_SECRET` (secret) | required | the portal's credential for intake's `/directory/sign-in` |
/// | `PUMPURS_INTAKE_URL`, `…_APPROVAL_URL`, `…_TIMESHEETS_URL`, `…_PAYOUTS_URL`, `…_REPORTING_URL` | the local ports | the services |
/// | `PUMPURS_PORTAL_IDLE_MINUTES` / `PUMPURS_PORTAL_ABSOLUTE_HOURS` | 30 / 12 | session limits |
public struct PortalConfiguration: Sendable {
    public var publicURL: String
    public var oidcIssuer: String
    public var clientId: String
    public var clientSecret: String
    public var algorithm: String
    public var signingKeyFile: String
    public var tokenIssuer: String
    public var tokenAudience: String
    public var directorySecret: String
    public var endpoints: PlatformEndpoints
    public var rules: SessionRules

    public init(environment: [String: String]) throws {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        func required(_ key: String) throws -> String {
            guard let text = value(key) else { throw ConfigurationError(key: key, message: "is required") }
            return text
        }
        publicURL = value("PUMPURS_PORTAL_PUBLIC_URL") ?? "http://localhost:8087"
        if publicURL.hasSuffix("/") { publicURL.removeLast() }
        guard let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else {
            throw ConfigurationError(key: "PUMPURS_PORTAL_PUBLIC_URL", message: "must be an absolute URL")
        }
        // Plain HTTP only for the local stand-in on this machine.
        guard scheme == "https" || ["localhost", "127.0.0.1"].contains(host) else {
            throw ConfigurationError(key: "PUMPURS_PORTAL_PUBLIC_URL", message: "must be https (plain http only on localhost)")
        }
        oidcIssuer = try required("PUMPURS_OIDC_ISSUER")
        clientId = value("PUMPURS_OIDC_CLIENT_ID") ?? "pumpurs-portal"
        clientSecret = try required("PUMPURS_OIDC_CLIENT_SECRET")
        algorithm = value("PUMPURS_OIDC_ALGORITHM") ?? "RS256"
        signingKeyFile = try required("PUMPURS_PORTAL_SIGNING_KEY_FILE")
        let development = value("PUMPURS_MODE") == "development"
        guard let issuer = value("PUMPURS_JWT_ISSUER") ?? (development ? "pumpurs-dev" : nil) else {
            throw ConfigurationError(key: "PUMPURS_JWT_ISSUER", message: "is required in production")
        }
        tokenIssuer = issuer
        tokenAudience = value("PUMPURS_JWT_AUDIENCE") ?? "pumpurs"
        directorySecret = try required("PUMPURS_PORTAL_DIRECTORY_SECRET")
        endpoints = PlatformEndpoints.from(environment: environment)
        let idle = Int(value("PUMPURS_PORTAL_IDLE_MINUTES") ?? "30") ?? 30
        let absolute = Int(value("PUMPURS_PORTAL_ABSOLUTE_HOURS") ?? "12") ?? 12
        rules = SessionRules(idleLimit: TimeInterval(max(1, min(idle, 30)) * 60), absoluteLimit: TimeInterval(max(1, min(absolute, 12)) * 3600))
    }

    /// `scheme://host[:port]` of the portal, as browsers send it in `Origin`.
    public var origin: String {
        guard let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else { return publicURL }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    /// Where the provider sends people back.
    public var redirectURI: String { publicURL + "/auth/callback" }

    /// The provider's origin (a form target after sign-out).
    public var providerOrigin: String {
        guard let url = URL(string: oidcIssuer), let scheme = url.scheme, let host = url.host else { return oidcIssuer }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}

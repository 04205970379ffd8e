import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Foundation

extension TokenVerifier {
    /// The verifier every service builds the same way, from its environment:
    ///
    /// | key | default | meaning |
    /// |---|---|---|
    /// | `PUMPURS_MODE` | `production` | `development` only under `deploy/local` |
    /// | `PUMPURS_JWT_ISSUER` | required in production; `pumpurs-dev` in development | expected `iss` |
    /// | `PUMPURS_JWT_AUDIENCE` | `pumpurs` | expected `aud` |
    /// | `PUMPURS_JWT_LEEWAY_SECONDS` | 30 (0–300) | clock skew |
    /// | `PUMPURS_JWT_MAX_LIFETIME_SECONDS` | 43200 (60–86400) | longest `exp − iat` |
    /// | `PUMPURS_JWT_JWKS`, `…_JWKS_FILE`, `…_JWKS_URL` | — | trusted keys, all of those set (file and URLs read again on an unknown `kid`; `…_JWKS_URL` may list several, space-separated) |
    /// | `PUMPURS_JWT_PUBLIC_KEY_FILE` | — | development only: the dev public key (PEM) |
    ///
    /// No service reads a private key: a private-key setting is ignored here.
    public static func fromEnvironment(_ environment: [String: String]) async throws -> TokenVerifier {
        let mode = try RunMode.from(environment)
        let issuer: String
        switch (mode, environment[EnvironmentKey.issuer].flatMap { $0.isEmpty ? nil : $0 }) {
        case (.production, nil):
            throw AuthConfigurationError(code: "auth.config.issuer", message: "production needs \(EnvironmentKey.issuer) (the identity provider's issuer)")
        case (.production, RunMode.developmentIssuer?):
            throw AuthConfigurationError(code: "auth.config.development_issuer",
                                         message: "production refuses the development issuer \(RunMode.developmentIssuer)")
        case (_, let configured?): issuer = configured
        case (.development, nil): issuer = RunMode.developmentIssuer
        }
        let leeway = try seconds(environment, EnvironmentKey.leewaySeconds, default: 30, range: 0...300)
        let lifetime = try seconds(environment, EnvironmentKey.maximumLifetimeSeconds, default: 43_200, range: 60...86_400)
        let sources = try KeySource.all(from: environment, mode: mode)
        return await TokenVerifier(issuer: issuer, audience: environment[EnvironmentKey.audience] ?? "pumpurs",
                                   leeway: .seconds(leeway), maximumLifetime: .seconds(lifetime),
                                   keys: try await KeySource.load(sources, startup: true), reload: KeySource.reloader(sources))
    }

    static func seconds(_ environment: [String: String], _ key: String, default value: Int,
                        range: ClosedRange<Int>) throws(AuthConfigurationError) -> Int {
        guard let text = environment[key], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw AuthConfigurationError(code: "auth.config.number", message: "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// Where a service's verification keys come from.
enum KeySource: Sendable {
    case jwks(String)
    case jwksFile(String)
    case jwksURL(String)
    case developmentPublicKey(String)

    /// The first configured source; production accepts only the JWKS ones.
    static func from(_ environment: [String: String], mode: RunMode, publicKeyOnly: Bool = false) throws(AuthConfigurationError) -> KeySource {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        if !publicKeyOnly {
            if let json = value(EnvironmentKey.jwks) { return .jwks(json) }
            if let path = value(EnvironmentKey.jwksFile) { return .jwksFile(path) }
            if let url = value(EnvironmentKey.jwksURL) { return .jwksURL(url) }
        }
        if let path = value(EnvironmentKey.publicKeyFile) {
            guard mode == .development else {
                throw AuthConfigurationError(code: "auth.config.development_key",
                                             message: "production takes keys only from \(EnvironmentKey.jwks), \(EnvironmentKey.jwksFile) or \(EnvironmentKey.jwksURL); \(EnvironmentKey.publicKeyFile) is for development")
            }
            return .developmentPublicKey(path)
        }
        throw AuthConfigurationError(code: "auth.config.no_keys",
                                     message: "set \(EnvironmentKey.jwksURL), \(EnvironmentKey.jwksFile) or \(EnvironmentKey.jwks)"
                                        + (mode == .development ? " (or \(EnvironmentKey.publicKeyFile) in development)" : ""))
    }

    /// Every configured source, in the order `from` would pick them. Several are normal: the
    /// identity provider's JWKS and the staff portal's (the portal signs the short-lived tokens
    /// it sends on a signed-in person's behalf), or in development the key `pumpurs token` signs
    /// with next to the portal's published JWKS.
    static func all(from environment: [String: String], mode: RunMode) throws(AuthConfigurationError) -> [KeySource] {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        var sources: [KeySource] = []
        if let json = value(EnvironmentKey.jwks) { sources.append(.jwks(json)) }
        if let path = value(EnvironmentKey.jwksFile) { sources.append(.jwksFile(path)) }
        for url in (value(EnvironmentKey.jwksURL) ?? "").split(separator: " ") { sources.append(.jwksURL(String(url))) }
        if value(EnvironmentKey.publicKeyFile) != nil || sources.isEmpty { sources.append(try from(environment, mode: mode, publicKeyOnly: !sources.isEmpty)) }
        return sources
    }

    /// The keys of all `sources` together. At start-up a JWKS URL that does not answer yet is
    /// skipped when another source gave keys (the portal may start after the services; its key
    /// is fetched at its first token, as an unknown `kid` triggers a reload); otherwise it fails.
    static func load(_ sources: [KeySource], startup: Bool = false) async throws -> VerificationKeys {
        var entries: [VerificationKeys.Entry] = []
        var failure: (any Error)?
        for source in sources {
            do {
                entries += try await source.load().entries
            } catch {
                guard startup, case .jwksURL = source else { throw error }
                failure = failure ?? error
            }
        }
        if entries.isEmpty, let failure { throw failure }
        return try VerificationKeys(entries: entries)
    }

    /// Reads all sources again when any of them can change; nil when none can.
    static func reloader(_ sources: [KeySource]) -> (@Sendable () async throws -> VerificationKeys)? {
        guard sources.contains(where: { $0.reloader != nil }) else { return nil }
        return { try await load(sources, startup: true) }
    }

    func load() async throws -> VerificationKeys {
        switch self {
        case .jwks(let json): try VerificationKeys.jwks(json: json)
        case .jwksFile(let path): try VerificationKeys.jwks(file: path)
        case .jwksURL(let url): try await Self.fetch(url)
        case .developmentPublicKey(let path): try VerificationKeys.developmentPublicKey(file: path)
        }
    }

    /// File and URL sources can change (key rotation); inline JSON and a PEM file are fixed.
    var reloader: (@Sendable () async throws -> VerificationKeys)? {
        switch self {
        case .jwksFile, .jwksURL: { try await load() }
        case .jwks, .developmentPublicKey: nil
        }
    }

    /// The JWKS document at `url` (at most 1 MiB, 10 s).
    static func fetch(_ url: String) async throws -> VerificationKeys {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        guard response.status == .ok else {
            throw AuthConfigurationError(code: "auth.config.jwks_unreachable", message: "GET \(url) answered \(response.status.code)")
        }
        let body = try await response.body.collect(upTo: 1 << 20)
        return try VerificationKeys.jwks(json: String(decoding: body.readableBytesView, as: UTF8.self))
    }
}

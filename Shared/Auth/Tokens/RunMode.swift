/// Whether a process runs for real or on a developer's machine.
///
/// Production is the default: a process must be told, in so many words, that it may trust the
/// development key pair. In production a service takes its keys only from a JWKS (the identity
/// provider's), refuses the development issuer, and `pumpurs token` refuses to mint.
public enum RunMode: String, Sendable, CaseIterable {
    /// The default: JWKS only, no development issuer, no token minting.
    case production
    /// `deploy/local`: the development key pair and issuer are trusted.
    case development

    /// The development issuer `pumpurs token` and the demo sign with.
    public static let developmentIssuer = "pumpurs-dev"

    /// `PUMPURS_MODE` (`production` when absent); anything else is a configuration error.
    public static func from(_ environment: [String: String]) throws(AuthConfigurationError) -> RunMode {
        guard let text = environment[EnvironmentKey.mode], !text.isEmpty else { return .production }
        guard let mode = RunMode(rawValue: text) else {
            throw AuthConfigurationError(code: "auth.config.mode", message: "\(EnvironmentKey.mode) must be production or development")
        }
        return mode
    }
}

extension RunMode {
    /// Throws unless `PUMPURS_MODE=development`: tools that sign with the development key
    /// (`pumpurs token`, the demo, the benchmark and drill drivers) never run in production.
    public static func requireDevelopment(_ environment: [String: String], for tool: String) throws(AuthConfigurationError) {
        guard try from(environment) == .development else {
            throw AuthConfigurationError(code: "auth.config.production",
                                         message: "\(tool) signs with the development key and runs only with \(EnvironmentKey.mode)=development")
        }
    }
}

import Auth
import Foundation
import Hummingbird
import JWTKit
import Logging
import PlatformClient
import Postgres

/// The portal's parts, built once at start-up and shared by every request.
public struct PortalApp: Sendable {
    public let configuration: PortalConfiguration
    let sessions: SessionStore
    let renderer: PageRenderer
    let directory: DirectoryGateway
    let services: ServiceGateway
    let provider: OIDCProvider
    let publicJWKS: String
    let logger: Logger
    let metadata: ProviderMetadataCache

    public init(configuration: PortalConfiguration, pool: PostgresPool, logger: Logger,
                resources: String = PageRenderer.bundledResources) async throws {
        self.configuration = configuration
        self.logger = logger
        sessions = SessionStore(pool: pool, rules: configuration.rules)
        renderer = try await PageRenderer(resourceDirectory: resources)
        directory = DirectoryGateway(intake: configuration.endpoints.intake, secret: configuration.directorySecret)
        let key = try DevelopmentKeyPair.loadPrivateKey(file: configuration.signingKeyFile)
        publicJWKS = DevelopmentKeyPair.jwks(for: key.publicKey)
        let minter = await TokenMinter(privateKey: key, issuer: configuration.tokenIssuer, audience: configuration.tokenAudience)
        services = ServiceGateway(endpoints: configuration.endpoints, minter: minter)
        provider = OIDCProvider(issuer: configuration.oidcIssuer, clientId: configuration.clientId, clientSecret: configuration.clientSecret)
        metadata = ProviderMetadataCache(provider: provider, algorithm: configuration.algorithm)
        resourcesDirectory = resources
    }

    let resourcesDirectory: String

    /// Adds every route to `router`.
    public func register(on router: Router<BasicRequestContext>) {
        router.add(middleware: SecurityHeadersMiddleware<BasicRequestContext>(providerOrigin: configuration.providerOrigin))
        registerAssets(on: router)
        registerSignIn(on: router)
        registerPlans(on: router)
        registerReport(on: router)
        registerStaff(on: router)
        registerEmergencies(on: router)
        registerApprovals(on: router)
        registerMyMonth(on: router)
        registerWorkLogs(on: router)
        registerStatistics(on: router)
        registerFinance(on: router)
        registerPeople(on: router)
        registerDirectory(on: router)
        registerAudit(on: router)
    }
}

/// The provider's discovery document and verifier, fetched at first use and again after an
/// hour or when a token names a key we do not have (rotation).
actor ProviderMetadataCache {
    let provider: OIDCProvider
    let algorithm: String
    var cached: (metadata: OIDCProvider.Metadata, verifier: IDTokenVerifier, at: Date)?

    init(provider: OIDCProvider, algorithm: String) {
        self.provider = provider
        self.algorithm = algorithm
    }

    func current(refresh: Bool = false) async throws -> (metadata: OIDCProvider.Metadata, verifier: IDTokenVerifier) {
        if !refresh, let cached, Date().timeIntervalSince(cached.at) < 3600 { return (cached.metadata, cached.verifier) }
        let metadata = try await provider.discover()
        let verifier = try await IDTokenVerifier(issuer: metadata.issuer, clientId: provider.clientId, algorithm: algorithm,
                                                 jwks: try await provider.jwks(metadata))
        cached = (metadata, verifier, Date())
        return (metadata, verifier)
    }
}

import Foundation
import Hummingbird
import Logging
import Portal
import Postgres
import ServiceKit
import ServiceLifecycle

/// `pumpurs-portal`: configuration and the composition root only (settings in `PortalConfiguration`
/// and the kit's HTTP, database and log keys). It needs no broker: it owns no programme data
/// and acts only through the services' HTTP APIs.
@main
struct PortalMain {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try PortalConfiguration(environment: environment)
        let service = try ServiceConfiguration(service: "portal", defaultPort: 8087, environment: environment)
        _ = Observability.bootstrap(service: "portal", level: service.logLevel)
        var logger = Logger(label: "pumpurs.portal")
        logger.logLevel = service.logLevel
        let pool = PostgresPool(configuration: service.database, logger: logger)
        _ = try await Migrator.migrate(pool: pool, schema: "portal", migrations: PortalMigrations.all)
        let app = try await PortalApp(configuration: configuration, pool: pool, logger: logger)
        let router = Router()
        app.register(on: router)
        let http = Application(router: router, configuration: .init(address: .hostname(service.httpHost, port: service.httpPort)), logger: logger)
        try await http.runService()
        await pool.shutdown()
    }
}

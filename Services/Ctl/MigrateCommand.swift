import AMQP
import ArgumentParser
import ApprovalRouting
import Intake
import Notifications
import Payouts
import RiskValidation
import Portal
import Postgres
import Reporting
import ServiceKit
import Timesheets

/// `pumpurs migrate`: creates each service's role and schema (idempotent), applies its
/// migrations as that role under the per-schema advisory lock, and declares the broker queues
/// and bindings the event catalogue implies (so no event is unroutable while a consumer is down).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Provision service roles/schemas and apply migrations (safe to run concurrently).")

    @Option(name: .long, help: "Only this service (schema name, e.g. intake). Default: all.")
    var service: String?

    @Flag(name: .long, help: "Skip declaring the broker topology (database only).")
    var skipBroker = false

    func run() async throws {
        let env = CtlEnvironment()
        // The portal has a schema (sessions) but no queue: it is migrated here, never given broker topology.
        let names = service.map { [$0] } ?? (PlatformServices.all.map(\.name) + [PlatformServices.portal.name])
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: env.adminDatabaseURL, poolSize: 1), logger: env.logger)
        defer { Task { await admin.shutdown() } }
        for name in names {
            try await SchemaProvisioner.provision(adminPool: admin, service: name, password: env.servicePassword(name))
            let pool = PostgresPool(configuration: try env.serviceDatabaseURL(name), logger: env.logger)
            let applied = try await Migrator.migrate(pool: pool, schema: name, migrations: ServiceMigrations.migrations(for: name))
            await pool.shutdown()
            print("\(name): \(applied.isEmpty ? "up to date" : "applied \(applied.map(\.version))")")
        }
        await admin.shutdown()
        if !skipBroker {
            let limit = Int(env.values["PUMPURS_DELIVERY_LIMIT"] ?? "") ?? 5
            // Finance is no service of ours but consumes payout events: its durable queue is declared
            // with the rest, so a released payout waits for finance instead of being unroutable.
            let queues = names.filter { $0 != PlatformServices.portal.name } + (service == nil ? PlatformServices.externalConsumers : [])
            try await CatalogueTopology.declare(services: queues, deliveryLimit: limit, admin: AMQPAdmin(url: try env.amqpURL()))
            print("broker: queues and bindings declared for \(queues.joined(separator: ", "))")
        }
    }
}

/// Each service's migrations as the CLI knows them (the kit's first). A service whose library
/// is not linked into the CLI yet gets the kit tables only.
enum ServiceMigrations {
    static func migrations(for service: String) -> [Migration] {
        switch service {
        case "intake": KitMigrations.with(IntakeMigrations.all)
        case "risk_validation": KitMigrations.with(RiskValidationService.definition().migrations)
        case "approval": KitMigrations.with(DirectoryReplica.migrations + ApprovalMigrations.all)
        case "timesheets": KitMigrations.with(TimesheetsService.migrations)
        case "payouts": KitMigrations.with(PayoutsService.migrations)
        case "notifications": KitMigrations.with(DirectoryReplica.migrations + NotificationsMigrations.all)
        case "reporting": KitMigrations.with(ReportingService.migrations)
        case "portal": PortalMigrations.all
        default: KitMigrations.with([])
        }
    }
}

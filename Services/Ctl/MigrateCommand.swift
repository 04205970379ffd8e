import ArgumentParser
import Intake
import Postgres
import ServiceKit

/// `pumpurs migrate`: creates each service's role and schema (idempotent) and applies its
/// migrations as that role, under the per-schema advisory lock.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Provision service roles/schemas and apply migrations (safe to run concurrently).")

    @Option(name: .long, help: "Only this service (schema name, e.g. intake). Default: all.")
    var service: String?

    func run() async throws {
        let env = CtlEnvironment()
        let names = service.map { [$0] } ?? PlatformServices.all.map(\.name)
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
    }
}

/// Each service's migrations as the CLI knows them (the kit's first). A service whose library
/// is not linked into the CLI yet gets the kit tables only.
enum ServiceMigrations {
    static func migrations(for service: String) -> [Migration] {
        switch service {
        case "intake": KitMigrations.with(IntakeMigrations.all)
        default: KitMigrations.with([])
        }
    }
}

import Foundation
import Logging
import Postgres
import Testing

@Suite("PostgreSQL migrations and role provisioning", .serialized)
struct PostgresSchemaTests {
    private static let migrations = [
        Migration(version: 1, name: "items", sql: "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)"),
        // A non-idempotent step: applying it twice would fail on the primary key.
        Migration(version: 2, name: "seed", sql: "INSERT INTO items (id, name) VALUES (1, 'first')"),
        Migration(version: 3, name: "slow", sql: "SELECT pg_sleep(0.2); CREATE TABLE audit (at timestamptz)"),
    ]

    @Test func concurrentMigratorsApplyEachMigrationExactlyOnce() async throws {
        let schema = PostgresTestDatabase.uniqueName("mig")
        let poolA = try PostgresTestDatabase.adminPool(poolSize: 2)
        let poolB = try PostgresTestDatabase.adminPool(poolSize: 2)
        async let appliedA = Migrator.migrate(pool: poolA, schema: schema, migrations: Self.migrations)
        async let appliedB = Migrator.migrate(pool: poolB, schema: schema, migrations: Self.migrations)
        let (a, b) = try await (appliedA, appliedB)
        #expect((a + b).map(\.version).sorted() == [1, 2, 3])
        let (recorded, items) = try await poolA.withConnection { connection in
            _ = try connection.execute("SELECT set_config('search_path', $1, false)", [schema])
            let versions = try connection.query("SELECT version FROM schema_migrations ORDER BY version")
                .map { try $0.decode("version", as: Int.self) }
            let items = try connection.query("SELECT count(*) FROM items").single().decode(0, as: Int.self)
            _ = try connection.execute("SELECT set_config('search_path', $1, false)", ["\"$user\", public"])
            return (versions, items)
        }
        #expect(recorded == [1, 2, 3])
        #expect(items == 1)
        let again = try await Migrator.migrate(pool: poolB, schema: schema, migrations: Self.migrations)
        #expect(again.isEmpty)

        var edited = Self.migrations
        edited[1].sql = "INSERT INTO items (id, name) VALUES (1, 'changed')"
        let mismatch = await #expect(throws: PostgresError.self) {
            try await Migrator.migrate(pool: poolA, schema: schema, migrations: edited)
        }
        #expect(mismatch?.code == .migrationChecksumMismatch)
        #expect(mismatch?.message.contains("migration 2") == true)
        // The lock was released on the error path: another migrate call still gets through.
        let added = try await Migrator.migrate(
            pool: poolB, schema: schema,
            migrations: Self.migrations + [Migration(version: 4, name: "more", sql: "ALTER TABLE items ADD note text")])
        #expect(added.map(\.version) == [4])

        await PostgresTestDatabase.dropSchema(schema, pool: poolA)
        await poolA.shutdown()
        await poolB.shutdown()
    }

    @Test func failingMigrationRollsBackAndIsNotRecorded() async throws {
        let schema = PostgresTestDatabase.uniqueName("migf")
        let pool = try PostgresTestDatabase.adminPool(poolSize: 1)
        let broken = [
            Migration(version: 1, name: "ok", sql: "CREATE TABLE a (id int)"),
            Migration(version: 2, name: "bad", sql: "CREATE TABLE b (id int); SELECT * FROM no_such_table"),
        ]
        await #expect(throws: PostgresError.self) {
            try await Migrator.migrate(pool: pool, schema: schema, migrations: broken)
        }
        let fixed = [broken[0], Migration(version: 2, name: "bad", sql: "CREATE TABLE b (id int)")]
        let applied = try await Migrator.migrate(pool: pool, schema: schema, migrations: fixed)
        #expect(applied.map(\.version) == [2])
        await PostgresTestDatabase.dropSchema(schema, pool: pool)
        await pool.shutdown()
    }

    @Test func provisionedServicesOnlyReachTheirOwnSchema() async throws {
        let admin = try PostgresTestDatabase.adminPool(poolSize: 2)
        let serviceA = PostgresTestDatabase.uniqueName("svca")
        let serviceB = PostgresTestDatabase.uniqueName("svcb")
        let passwordA = "pa ss'\"; word-\(UUID().uuidString)"
        let passwordB = "pw-\(UUID().uuidString)"
        try await SchemaProvisioner.provision(adminPool: admin, service: serviceA, password: "first-\(passwordA)")
        // Idempotent: the second call updates the password instead of failing.
        try await SchemaProvisioner.provision(adminPool: admin, service: serviceA, password: passwordA)
        try await SchemaProvisioner.provision(adminPool: admin, service: serviceB, password: passwordB)
        await #expect(throws: PostgresError.self) {
            try await SchemaProvisioner.provision(adminPool: admin, service: "Bad\"; DROP ROLE x; --", password: "p")
        }

        let poolA = PostgresPool(
            configuration: try PostgresTestDatabase.configuration(user: serviceA, password: passwordA, schema: serviceA),
            logger: PostgresTestDatabase.logger)
        let poolB = PostgresPool(
            configuration: try PostgresTestDatabase.configuration(user: serviceB, password: passwordB, schema: serviceB),
            logger: PostgresTestDatabase.logger)
        let ownRows = try await poolA.withTransaction { connection in
            try connection.executeScript("CREATE TABLE notes (id int PRIMARY KEY, body text)")
            try connection.execute("INSERT INTO notes (id, body) VALUES ($1, $2)", [1, "mine"])
            return try connection.query("SELECT body FROM notes").map { try $0.decode("body", as: String.self) }
        }
        #expect(ownRows == ["mine"])
        try await poolB.withConnection { try $0.executeScript("CREATE TABLE secrets (id int)") }

        let denied = await #expect(throws: PostgresError.self) {
            try await poolA.withConnection { connection in
                let sql = try connection.query("SELECT format('SELECT * FROM %I.secrets', $1::text)", [serviceB])
                    .single().decode(0, as: String.self)
                try connection.executeScript(sql)
            }
        }
        #expect(denied?.sqlState == "42501")
        let cannotCreateElsewhere = await #expect(throws: PostgresError.self) {
            try await poolA.withConnection { try $0.executeScript("CREATE TABLE public.intruder (id int)") }
        }
        #expect(cannotCreateElsewhere?.sqlState == "42501")

        await poolA.shutdown()
        await poolB.shutdown()
        await PostgresTestDatabase.dropService(serviceA, pool: admin)
        await PostgresTestDatabase.dropService(serviceB, pool: admin)
        await admin.shutdown()
    }
}

import Logging

/// Applies a service's ``Migration``s to its schema, safely from N instances at once.
///
/// Everything runs on one pooled session holding `pg_advisory_lock(key)` (key derived from the
/// schema name), released on every path; if the session dies, the server releases the lock.
/// Each pending migration runs in its own transaction together with its row in
/// `<schema>.schema_migrations`.
public enum Migrator {
    /// The advisory-lock key for `schema`: 64-bit FNV-1a of `pumpurs.migrations.<schema>`.
    public static func advisoryLockKey(schema: String) -> Int64 {
        Int64(bitPattern: Migration.fnv1a64("pumpurs.migrations." + schema))
    }

    /// Brings `schema` up to date and returns the migrations this call applied (empty if none).
    ///
    /// Creates the schema if missing (needs CREATE on the database; provisioned services already
    /// have it). Throws `migrationChecksumMismatch` naming the version if an applied migration's
    /// SQL changed, before applying anything.
    public static func migrate(
        pool: PostgresPool, schema: String, migrations: [Migration]
    ) async throws -> [Migration] {
        try PostgresIdentifier.requirePlainIdentifier(schema, role: "schema")
        let ordered = try validated(migrations)
        let key = advisoryLockKey(schema: schema)
        let logger = pool.logger
        return try await pool.withConnection { connection in
            // Waiting for another instance's lock and building an index may take longer than the
            // session's statement timeout allows a request; migrations run without it and give
            // the pooled session back with its configured value.
            try connection.execute("SELECT set_config('statement_timeout', '0', false)")
            defer {
                _ = try? connection.execute(
                    "SELECT set_config('statement_timeout', reset_val, false) FROM pg_settings WHERE name = 'statement_timeout'")
            }
            try connection.execute("SELECT pg_advisory_lock($1::int8)", [key])
            do {
                let applied = try migrateHoldingLock(connection, schema: schema, migrations: ordered, logger: logger)
                try connection.execute("SELECT pg_advisory_unlock($1::int8)", [key])
                return applied
            } catch {
                connection.rollbackIfNeeded()
                // A dead session has released the lock already; a live one must not keep it.
                _ = try? connection.execute("SELECT pg_advisory_unlock($1::int8)", [key])
                throw error
            }
        }
    }

    /// Sorted migrations; throws `invalidMigration` for duplicate or non-positive versions.
    static func validated(_ migrations: [Migration]) throws(PostgresError) -> [Migration] {
        let ordered = migrations.sorted { $0.version < $1.version }
        for (index, migration) in ordered.enumerated() {
            guard migration.version > 0 else {
                throw PostgresError(code: .invalidMigration, message: "migration version \(migration.version) must be positive")
            }
            if index > 0, ordered[index - 1].version == migration.version {
                throw PostgresError(code: .invalidMigration, message: "migration version \(migration.version) appears twice")
            }
        }
        return ordered
    }

    private static func migrateHoldingLock(
        _ connection: PostgresConnection, schema: String, migrations: [Migration], logger: Logger
    ) throws -> [Migration] {
        let exists = try connection.query("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", [schema])
            .single().decode(0, as: Bool.self)
        if !exists {
            let create = try connection.query("SELECT format('CREATE SCHEMA IF NOT EXISTS %I', $1::text)", [schema])
                .single().decode(0, as: String.self)
            try connection.executeScript(create)
        }
        let appliedChecksums: [Int: String] = try inSchema(connection, schema) { connection in
            try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version int PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """)
            var checksums: [Int: String] = [:]
            for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
                checksums[try row.decode("version", as: Int.self)] = try row.decode("checksum", as: String.self)
            }
            return checksums
        }
        for migration in migrations {
            if let stored = appliedChecksums[migration.version], stored != migration.checksum {
                throw PostgresError(
                    code: .migrationChecksumMismatch,
                    message: "migration \(migration.version) (\(migration.name)) of schema \(schema) was changed after it was applied; add a new migration instead")
            }
        }
        var applied: [Migration] = []
        for migration in migrations where appliedChecksums[migration.version] == nil {
            try inSchema(connection, schema) { connection in
                try connection.executeScript(migration.sql)
                try connection.execute(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    [migration.version, migration.name, migration.checksum])
            }
            logger.info(
                "postgres migration applied",
                metadata: ["db.schema": "\(schema)", "db.migration.version": "\(migration.version)",
                           "db.migration.name": "\(migration.name)"])
            applied.append(migration)
        }
        return applied
    }

    /// A transaction whose `search_path` is just `schema`, so unqualified names land there.
    private static func inSchema<T>(
        _ connection: PostgresConnection, _ schema: String, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        try connection.transaction { connection in
            try connection.execute("SELECT set_config('search_path', $1, true)", [schema])
            return try body(connection)
        }
    }
}

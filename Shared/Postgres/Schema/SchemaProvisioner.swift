import CLibPQ
import Logging

/// Creates (idempotently) a service's login role and its schema, so every service logs in as
/// its own role with rights only on its own schema.
///
/// Run with an admin role that has CREATEROLE and CREATE on the database. DDL takes no
/// parameters, so every statement is built server-side with `format('%I', '%L')` from
/// parameters; the password is sent as a SCRAM verifier computed by libpq
/// (`PQencryptPasswordConn`), so the clear text never appears in statements or server logs.
public enum SchemaProvisioner {
    /// Creates or updates role `service` (LOGIN, `password`) and schema `service` owned by it.
    ///
    /// `service` must match `^[a-z][a-z0-9_]{0,30}$`. Safe to run repeatedly and concurrently.
    public static func provision(adminPool: PostgresPool, service: String, password: String) async throws {
        try PostgresIdentifier.requireServiceName(service, role: "service name")
        guard !password.isEmpty else {
            throw PostgresError(code: .invalidConfiguration, message: "the password of role \(service) is empty")
        }
        let lockKey = Int64(bitPattern: Migration.fnv1a64("pumpurs.provision"))
        try await adminPool.withTransaction { connection in
            // Serialize provisioners so CREATE ROLE never races with another instance.
            try connection.execute("SELECT pg_advisory_xact_lock($1::int8)", [lockKey])
            let verifier = try connection.encryptPassword(password, role: service)
            let exists = try connection.query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", [service])
                .single().decode(0, as: Bool.self)
            try runFormatted(
                connection,
                exists
                    ? "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', $1::text, $2::text)"
                    : "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text)",
                [service, verifier])
            // PostgreSQL 15 does not make the creator a member; giving a schema to a role requires it.
            try runFormatted(connection, "SELECT format('GRANT %I TO %I', $1::text, current_user)", [service])
            try runFormatted(
                connection, "SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', $1::text, $1::text)",
                [service])
            try runFormatted(connection, "SELECT format('ALTER SCHEMA %I OWNER TO %I', $1::text, $1::text)", [service])
            try runFormatted(
                connection, "SELECT format('ALTER ROLE %I SET search_path = %I', $1::text, $1::text)", [service])
        }
        adminPool.logger.info("postgres role and schema provisioned", metadata: ["db.schema": "\(service)"])
    }

    /// Builds a statement with the server's `format()` (a parameterized SELECT) and runs it.
    private static func runFormatted(
        _ connection: PostgresConnection, _ formatQuery: String, _ parameters: [any PostgresBindable]
    ) throws {
        let statement = try connection.query(formatQuery, parameters).single().decode(0, as: String.self)
        try connection.executeScript(statement)
    }
}

extension PostgresConnection {
    /// The password verifier for `role` in the server's `password_encryption` (scram-sha-256).
    func encryptPassword(_ password: String, role: String) throws(PostgresError) -> String {
        let handle = try checkedHandle()
        _ = try PostgresParameters.encode(sql: "", [password, role])
        guard let encrypted = PQencryptPasswordConn(handle, password, role, nil) else {
            throw PostgresError(
                code: .queryFailed,
                message: "could not encrypt the password: \(Self.text(PQerrorMessage(handle)) ?? "unknown error")")
        }
        defer { PQfreemem(encrypted) }
        return String(cString: encrypted)
    }
}

/// How to reach PostgreSQL and how to size the pool. Build it from a URL with
/// ``init(url:schema:poolSize:)`` or field by field.
///
/// | field | type | default | note |
/// |---|---|---|---|
/// | `host` | String | — | a hostname, an IP address or a Unix-socket folder (`/run/postgresql`) |
/// | `port` | Int | 5432 | |
/// | `user` | String | — | |
/// | `password` | String? | nil | **secret**: never printed by `description`, logs or errors |
/// | `database` | String | — | |
/// | `sslMode` | String? | nil (libpq's `prefer`) | `disable`, `allow`, `prefer`, `require`, `verify-ca`, `verify-full` |
/// | `applicationName` | String? | nil | shown in `pg_stat_activity` |
/// | `schema` | String? | nil | becomes the session's `search_path` at connect |
/// | `poolSize` | Int | 4 | maximum open connections of a ``PostgresPool`` |
/// | `connectTimeout` | Duration | 10 s | libpq `connect_timeout` (whole seconds, at least 2) |
/// | `poolTimeout` | Duration | 10 s | how long a caller waits for a free pooled connection |
/// | `statementTimeout` | Duration? | nil (the server's) | PostgreSQL `statement_timeout` of every session (whole milliseconds) |
public struct PostgresConfiguration: Sendable, Equatable {
    /// The server's host name, address or Unix-socket folder.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The role's password (secret; never printed).
    public var password: String?
    /// The database name.
    public var database: String
    /// The libpq `sslmode`, or nil for libpq's default.
    public var sslMode: String?
    /// The `application_name` reported to the server.
    public var applicationName: String?
    /// The schema that becomes the session's `search_path`, or nil to keep the server default.
    public var schema: String?
    /// The maximum number of open connections in a pool.
    public var poolSize: Int
    /// How long opening a connection may take.
    public var connectTimeout: Duration
    /// How long a caller waits for a pooled connection before `poolTimeout`.
    public var poolTimeout: Duration
    /// The longest a single statement may run before the server cancels it (SQLSTATE 57014), or
    /// nil for the server's setting. A runaway query then frees its connection instead of
    /// holding it (and the pool behind it) for as long as it likes.
    public var statementTimeout: Duration?

    /// The `sslmode` values libpq understands.
    public static let sslModes: Set<String> = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// Creates a configuration from its parts; throws `invalidConfiguration` for bad values.
    public init(
        host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
        sslMode: String? = nil, applicationName: String? = nil, schema: String? = nil, poolSize: Int = 4,
        connectTimeout: Duration = .seconds(10), poolTimeout: Duration = .seconds(10), statementTimeout: Duration? = nil
    ) throws(PostgresError) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.applicationName = applicationName
        self.schema = schema
        self.poolSize = poolSize
        self.connectTimeout = connectTimeout
        self.poolTimeout = poolTimeout
        self.statementTimeout = statementTimeout
        try validate()
    }

    /// Checks every field; messages name the field, never its (possibly secret) value.
    public func validate() throws(PostgresError) {
        func invalid(_ message: String) -> PostgresError {
            PostgresError(code: .invalidConfiguration, message: message)
        }
        guard !host.isEmpty else { throw invalid("PostgreSQL host is missing") }
        guard (1...65535).contains(port) else { throw invalid("PostgreSQL port must be 1...65535") }
        guard !user.isEmpty else { throw invalid("PostgreSQL user is missing") }
        guard !database.isEmpty else { throw invalid("PostgreSQL database name is missing") }
        guard poolSize >= 1 else { throw invalid("PostgreSQL pool size must be at least 1") }
        if let statementTimeout, statementTimeout < .milliseconds(1) {
            throw invalid("PostgreSQL statement timeout must be at least 1 ms (nil keeps the server's)")
        }
        if let sslMode, !Self.sslModes.contains(sslMode) {
            throw invalid("PostgreSQL sslmode must be one of \(Self.sslModes.sorted().joined(separator: ", "))")
        }
        if let schema { try PostgresIdentifier.requirePlainIdentifier(schema, role: "PostgreSQL schema") }
        let fields = [host, user, password ?? "", database, sslMode ?? "", applicationName ?? ""]
        guard !fields.contains(where: { $0.utf8.contains(0) }) else {
            throw PostgresError(code: .nulInParameter, message: "PostgreSQL connection settings must not contain NUL")
        }
    }

    /// The libpq connection keywords and values (including the password; never log these).
    var libpqParameters: [(String, String)] {
        var parameters: [(String, String)] = [
            ("host", host), ("port", String(port)), ("user", user), ("dbname", database),
            ("connect_timeout", String(max(2, connectTimeout.components.seconds))),
            ("client_encoding", "UTF8"),
            // UTC sessions make timestamptz text predictable; warnings-only keeps notices off stderr;
            // the statement timeout is set at connect, so no statement of the session escapes it.
            ("options", "-c TimeZone=UTC -c client_min_messages=warning" + statementTimeoutOption),
            ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"),
            ("keepalives_count", "3"),
        ]
        if let password { parameters.append(("password", password)) }
        if let sslMode { parameters.append(("sslmode", sslMode)) }
        if let applicationName { parameters.append(("application_name", applicationName)) }
        return parameters
    }

    /// ` -c statement_timeout=<ms>` (whole milliseconds, at least 1), or nothing for the server's.
    var statementTimeoutOption: String {
        guard let statementTimeout else { return "" }
        let (seconds, attoseconds) = statementTimeout.components
        let milliseconds = max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        return " -c statement_timeout=\(milliseconds)"
    }
}

extension PostgresConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The configuration as a URL with the password replaced by `***`.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(user)\(password == nil ? "" : ":***")@\(hostPart):\(port)/\(database)"
        var query: [String] = []
        if let sslMode { query.append("sslmode=\(sslMode)") }
        if let applicationName { query.append("application_name=\(applicationName)") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        if let schema { text += " schema=\(schema)" }
        return text + " poolSize=\(poolSize)"
    }

    /// Same as `description`: the password is redacted.
    public var debugDescription: String { description }

    /// A mirror without the password, so `dump()` and debuggers do not reveal it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}

/// An error from the PostgreSQL client: an opaque code, a message and the server's diagnostics.
///
/// `message` is the libpq or server text (never a password). `detail` can quote row values
/// (for example the duplicate key of a unique violation), so callers must not log it.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; opaque so new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidConfiguration, connectionFailed, connectionLost, queryFailed
            case nulInParameter, decoding, poolTimeout, poolShutdown, misuse
            case invalidIdentifier, invalidMigration, migrationChecksumMismatch
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The configuration or URL is malformed.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A new connection could not be opened (server down, authentication failed).
        public static let connectionFailed = Code(.connectionFailed)
        /// An open connection broke (server restarted, backend terminated, network lost).
        public static let connectionLost = Code(.connectionLost)
        /// The server rejected a statement; see `sqlState`.
        public static let queryFailed = Code(.queryFailed)
        /// The SQL text or a String parameter contains a NUL character, which libpq cannot send.
        public static let nulInParameter = Code(.nulInParameter)
        /// A column could not be decoded into the requested type.
        public static let decoding = Code(.decoding)
        /// No pooled connection became free within the pool timeout.
        public static let poolTimeout = Code(.poolTimeout)
        /// The pool (or listener) was shut down.
        public static let poolShutdown = Code(.poolShutdown)
        /// The API was used incorrectly, e.g. a connection used outside its own thread.
        public static let misuse = Code(.misuse)
        /// A schema, role or channel name does not match the allowed pattern.
        public static let invalidIdentifier = Code(.invalidIdentifier)
        /// The migration list is malformed (duplicate or non-positive versions).
        public static let invalidMigration = Code(.invalidMigration)
        /// An applied migration's SQL changed since it was applied.
        public static let migrationChecksumMismatch = Code(.migrationChecksumMismatch)

        /// The code's stable name, e.g. `connectionLost`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation (libpq or server text, never a password or parameter value).
    public var message: String
    /// The five-character SQLSTATE reported by the server, if any.
    public var sqlState: String?
    /// The server's DETAIL field; may quote row values, so do not log it.
    public var detail: String?
    /// The name of the violated constraint, if any.
    public var constraint: String?

    /// Creates an error.
    public init(
        code: Code, message: String, sqlState: String? = nil, detail: String? = nil, constraint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.constraint = constraint
    }

    /// True for SQLSTATE 40001 (`serialization_failure`): retry the whole transaction.
    public var isSerializationFailure: Bool { sqlState == "40001" }

    /// True for SQLSTATE 40P01 (`deadlock_detected`): retry the whole transaction.
    public var isDeadlock: Bool { sqlState == "40P01" }

    /// True for SQLSTATE 23505 (`unique_violation`).
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// True when the connection is gone or could not be opened; the pool discards such connections.
    public var isConnectionLost: Bool {
        if code == .connectionLost || code == .connectionFailed { return true }
        guard let sqlState else { return false }
        // Class 08 is connection exceptions; 57P01-57P03 are shutdown / cannot-connect-now.
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// True when retrying the whole transaction may succeed (serialization failure or deadlock).
    public var isTransientConflict: Bool { isSerializationFailure || isDeadlock }

    /// The code, SQLSTATE and message; never the detail (which may hold row values).
    public var description: String {
        var text = "PostgresError(\(code)"
        if let sqlState { text += ", sqlstate \(sqlState)" }
        if let constraint { text += ", constraint \(constraint)" }
        return text + "): \(message)"
    }
}

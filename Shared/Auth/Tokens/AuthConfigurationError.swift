/// A key or setting the auth module cannot use; raised at start-up, never per request.
public struct AuthConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code, e.g. `auth.config.jwks_no_usable_key`.
    public var code: String
    /// What is wrong (English; for the operator's log). Never contains key material.
    public var message: String
    /// The underlying error's description, if any (file system, PEM parser).
    public var cause: String?

    /// Creates an error.
    public init(code: String, message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// `code: message (cause)`.
    public var description: String {
        cause.map { "\(code): \(message) (\($0))" } ?? "\(code): \(message)"
    }
}

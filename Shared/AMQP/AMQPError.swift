/// A broker or client failure, with the AMQP reply code or library status behind it.
public struct AMQPError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of failure this is (opaque: switch on the static members).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The URL could not be parsed.
        public static let invalidURL = Code(name: "invalidURL")
        /// TCP connection or socket failure (broker down, connection reset).
        public static let connectionFailed = Code(name: "connectionFailed")
        /// Login was refused.
        public static let loginFailed = Code(name: "loginFailed")
        /// The broker closed the channel (e.g. 404 NOT_FOUND, 406 PRECONDITION_FAILED).
        public static let channelClosed = Code(name: "channelClosed")
        /// The broker closed the connection.
        public static let connectionClosed = Code(name: "connectionClosed")
        /// A wait ran out of time.
        public static let timeout = Code(name: "timeout")
        /// The broker sent something the client did not expect.
        public static let unexpectedFrame = Code(name: "unexpectedFrame")
        /// The operation was cancelled (shutdown).
        public static let cancelled = Code(name: "cancelled")
        /// See `name`.
        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// Human-readable explanation.
    public var message: String
    /// AMQP reply code (404, 406, 320 …) when the broker gave one.
    public var replyCode: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, replyCode: Int? = nil) {
        self.code = code
        self.message = message
        self.replyCode = replyCode
    }

    /// True when the connection is unusable and must be reopened.
    public var isConnectionLevel: Bool {
        code == .connectionFailed || code == .connectionClosed || code == .loginFailed || code == .timeout
    }

    /// `code: message (reply N)`.
    public var description: String {
        "AMQP \(code): \(message)" + (replyCode.map { " (reply \($0))" } ?? "")
    }
}

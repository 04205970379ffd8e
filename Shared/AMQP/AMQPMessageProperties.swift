import CRabbitMQ

/// The AMQP basic properties this platform uses: every published message is persistent JSON
/// with a message id, a type, a timestamp, the producing service, the broker user it was
/// published with and trace headers.
public struct AMQPMessageProperties: Sendable, Hashable {
    /// `message_id`: the envelope id (UUID), used for confirms-with-returns matching and dedupe.
    public var messageID: String?
    /// `type`: the event type, e.g. `plan.submitted`.
    public var type: String?
    /// `content_type`, `application/json` by default.
    public var contentType: String?
    /// `correlation_id`.
    public var correlationID: String?
    /// `app_id`: the producing service.
    public var appID: String?
    /// `user_id`: the broker user the message was published with. RabbitMQ refuses a publish whose
    /// `user_id` is not the connection's user (unless that user is tagged `impersonator`), so on a
    /// delivery it says who published the message; consumers check it against the event's producer.
    public var userID: String?
    /// `timestamp`, seconds since 1970 (AMQP's resolution).
    public var timestamp: UInt64?
    /// Persistent (`delivery_mode` 2) unless explicitly transient.
    public var persistent: Bool
    /// Application headers (`traceparent`, `schema_version`, and on dead letters `x-death`).
    public var headers: [String: AMQPFieldValue]

    /// Creates properties; persistent JSON by default.
    public init(messageID: String? = nil, type: String? = nil, contentType: String? = "application/json",
                correlationID: String? = nil, appID: String? = nil, timestamp: UInt64? = nil,
                persistent: Bool = true, headers: [String: AMQPFieldValue] = [:], userID: String? = nil) {
        self.messageID = messageID
        self.userID = userID
        self.type = type
        self.contentType = contentType
        self.correlationID = correlationID
        self.appID = appID
        self.timestamp = timestamp
        self.persistent = persistent
        self.headers = headers
    }

    /// Builds the C struct; strings live in `arena` for the duration of the call.
    func cProperties(in arena: CArena) -> amqp_basic_properties_t {
        var p = amqp_basic_properties_t()
        var flags: amqp_flags_t = PUMPURS_BASIC_DELIVERY_MODE_FLAG
        p.delivery_mode = persistent ? 2 : 1
        if let contentType { flags |= PUMPURS_BASIC_CONTENT_TYPE_FLAG; p.content_type = arena.bytes(contentType) }
        if let messageID { flags |= PUMPURS_BASIC_MESSAGE_ID_FLAG; p.message_id = arena.bytes(messageID) }
        if let type { flags |= PUMPURS_BASIC_TYPE_FLAG; p.type = arena.bytes(type) }
        if let correlationID { flags |= PUMPURS_BASIC_CORRELATION_ID_FLAG; p.correlation_id = arena.bytes(correlationID) }
        if let appID { flags |= PUMPURS_BASIC_APP_ID_FLAG; p.app_id = arena.bytes(appID) }
        if let userID { flags |= PUMPURS_BASIC_USER_ID_FLAG; p.user_id = arena.bytes(userID) }
        if let timestamp { flags |= PUMPURS_BASIC_TIMESTAMP_FLAG; p.timestamp = timestamp }
        if !headers.isEmpty { flags |= PUMPURS_BASIC_HEADERS_FLAG; p.headers = arena.table(headers) }
        p._flags = flags
        return p
    }

    /// Reads the properties of a received message.
    init(_ p: amqp_basic_properties_t) {
        func has(_ flag: amqp_flags_t) -> Bool { p._flags & flag != 0 }
        self.init(
            messageID: has(PUMPURS_BASIC_MESSAGE_ID_FLAG) ? p.message_id.string : nil,
            type: has(PUMPURS_BASIC_TYPE_FLAG) ? p.type.string : nil,
            contentType: has(PUMPURS_BASIC_CONTENT_TYPE_FLAG) ? p.content_type.string : nil,
            correlationID: has(PUMPURS_BASIC_CORRELATION_ID_FLAG) ? p.correlation_id.string : nil,
            appID: has(PUMPURS_BASIC_APP_ID_FLAG) ? p.app_id.string : nil,
            timestamp: has(PUMPURS_BASIC_TIMESTAMP_FLAG) ? p.timestamp : nil,
            persistent: has(PUMPURS_BASIC_DELIVERY_MODE_FLAG) ? p.delivery_mode == 2 : false,
            headers: has(PUMPURS_BASIC_HEADERS_FLAG) ? p.headers.dictionary : [:],
            userID: has(PUMPURS_BASIC_USER_ID_FLAG) ? p.user_id.string : nil
        )
    }
}

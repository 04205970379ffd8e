import Logging

/// A log handler that passes every message and metadata value through
/// `PersonalDataRedaction` before the wrapped handler writes it.
public struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler

    /// Wraps a handler.
    public init(wrapping handler: any LogHandler) { self.wrapped = handler }

    /// Level of the wrapped handler.
    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    /// Metadata of the wrapped handler.
    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    /// Metadata value of the wrapped handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    /// Redacts, then logs.
    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: PersonalDataRedaction.redact(event.message.description))
        event.metadata = event.metadata?.mapValues(Self.redact)
        wrapped.log(event: event)
    }

    private static func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let s): .string(PersonalDataRedaction.redact(s))
        case .stringConvertible(let c): .string(PersonalDataRedaction.redact(c.description))
        case .array(let a): .array(a.map(redact))
        case .dictionary(let d): .dictionary(d.mapValues(redact))
        }
    }
}

import Logging

/// A log handler that passes the message, every metadata value and an attached error's text
/// through `PersonalDataRedaction` before the wrapped handler writes it.
///
/// Everything the wrapped handler would print must reach it through the event, where it has
/// been redacted: so this handler keeps the logger-level metadata (and metadata provider) itself
/// and leaves the wrapped handler's empty, and it turns `LogEvent.error` into redacted metadata.
public struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    private var ownMetadata: Logger.Metadata = [:]
    private var ownMetadataProvider: Logger.MetadataProvider?

    /// Wraps a handler; metadata it already holds is taken over (redacted).
    public init(wrapping handler: any LogHandler) {
        var handler = handler
        ownMetadata = handler.metadata.mapValues(Self.redact)
        if !handler.metadata.isEmpty { handler.metadata = [:] }
        // Handlers without provider support answer nil and warn when set, so only move a real one.
        if let provider = handler.metadataProvider {
            ownMetadataProvider = provider
            handler.metadataProvider = nil
        }
        self.wrapped = handler
    }

    /// Level of the wrapped handler.
    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    /// Logger-level metadata, redacted when set.
    public var metadata: Logger.Metadata {
        get { ownMetadata }
        set { ownMetadata = newValue.mapValues(Self.redact) }
    }

    /// Contextual metadata, resolved and redacted at each log call.
    public var metadataProvider: Logger.MetadataProvider? {
        get { ownMetadataProvider }
        set { ownMetadataProvider = newValue }
    }

    /// One logger-level metadata value, redacted when set.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { ownMetadata[key] }
        set { ownMetadata[key] = newValue.map(Self.redact) }
    }

    /// Redacts, then logs: logger metadata, then the provider's, then the call's (the later wins),
    /// and the error's text under `error` unless the call set that key.
    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: PersonalDataRedaction.redact(event.message.description))
        var merged = ownMetadata
        if let provided = ownMetadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided.mapValues(Self.redact)) { _, provided in provided }
        }
        if let call = event.metadata, !call.isEmpty {
            merged.merge(call.mapValues(Self.redact)) { _, call in call }
        }
        if let error = event.error {
            if merged["error"] == nil { merged["error"] = .string(PersonalDataRedaction.redact(String(describing: error))) }
            event.error = nil
        }
        event.metadata = merged.isEmpty ? nil : merged
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

import Logging
import ServiceKit
import Synchronization
import Testing

/// What a log handler wrote: the message and the metadata it would print.
struct CapturedLine: Sendable {
    var level: Logger.Level
    var message: String
    var metadata: Logger.Metadata
    /// Everything as one text, as a stream handler would print it.
    var rendered: String { "\(level) \(metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")) \(message)" }
}

/// An in-memory log handler that merges metadata the way swift-log's `StreamLogHandler` does
/// (handler metadata, then the call's, then the error), so the tests see what would be printed.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        let lines = Mutex<[CapturedLine]>([])
        var all: [CapturedLine] { lines.withLock { $0 } }
    }

    let store: Store
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    init(store: Store) { self.store = store }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        merged.merge(event.metadata ?? [:]) { _, call in call }
        if let error = event.error { merged["error.message"] = "\(error)" }
        let line = CapturedLine(level: event.level, message: event.message.description, metadata: merged)
        store.lines.withLock { $0.append(line) }
    }
}

/// An error whose text echoes a value, as library errors do.
struct EchoingError: Error, CustomStringConvertible {
    var description: String
}

@Suite("RedactingLogHandler")
struct RedactingLogHandlerTests {
    static func logger() -> (Logger, CapturingLogHandler.Store) {
        let store = CapturingLogHandler.Store()
        let logger = Logger(label: "test") { _ in RedactingLogHandler(wrapping: CapturingLogHandler(store: store)) }
        return (logger, store)
    }

    @Test("the message is redacted")
    func message() throws {
        let (logger, store) = Self.logger()
        logger.info("lookup failed for 010101-12345 (plan 6F1C2D9E-8B7A-4C3D-9E2F-1A2B3C4D5E6F)")
        let line = try #require(store.all.first)
        #expect(line.message == "lookup failed for [redacted] (plan 6F1C2D9E-8B7A-4C3D-9E2F-1A2B3C4D5E6F)")
        #expect(line.level == .info)
    }

    @Test("metadata strings, string-convertibles and nested arrays and dictionaries are redacted")
    func metadata() throws {
        let (logger, store) = Self.logger()
        logger.warning("rejected", metadata: [
            "plain": "01010112345",
            "convertible": .stringConvertible(321_298_10036),
            "array": ["ok", "010101-12345", ["deep 32129810036"]],
            "dictionary": ["code": "010101-12345", "inner": ["list": ["32129810036", "fine"]]],
            "untouched": "plan.submitted",
        ])
        let line = try #require(store.all.first)
        #expect(line.metadata["plain"] == "[redacted]")
        #expect(line.metadata["convertible"] == "[redacted]")
        #expect(line.metadata["array"] == ["ok", "[redacted]", ["deep [redacted]"]])
        #expect(line.metadata["dictionary"] == ["code": "[redacted]", "inner": ["list": ["[redacted]", "fine"]]])
        #expect(line.metadata["untouched"] == "plan.submitted")
        #expect(!line.rendered.contains("12345"))
        #expect(!line.rendered.contains("10036"))
    }

    @Test("level and handler metadata pass through to the wrapped handler")
    func passesThrough() throws {
        let (base, store) = Self.logger()
        var logger = base
        logger.logLevel = .warning
        logger[metadataKey: "service"] = "intake"
        #expect(logger.logLevel == .warning)
        #expect(logger[metadataKey: "service"] == "intake")
        logger.info("dropped below the level")
        logger.error("kept")
        #expect(store.all.map(\.message) == ["kept"])
        #expect(store.all.first?.metadata["service"] == "intake")
    }

    // Handler-level metadata (`logger[metadataKey:] = …`, e.g. set once per request or message)
    // must not be merged by the wrapped handler after redaction ran on the event.
    @Test("handler-level metadata is redacted too")
    func handlerMetadata() throws {
        let (base, store) = Self.logger()
        var logger = base
        logger[metadataKey: "student"] = "010101-12345"
        logger.info("opened the card")
        let line = try #require(store.all.first)
        #expect(!line.rendered.contains("010101-12345"))
        #expect(line.metadata["student"] == "[redacted]")
    }

    @Test("the call's metadata wins over the logger's, and both reach the wrapped handler")
    func callMetadataWins() throws {
        let (base, store) = Self.logger()
        var logger = base
        logger[metadataKey: "service"] = "intake"
        logger[metadataKey: "message.id"] = "first"
        logger.info("handled", metadata: ["message.id": "second", "code": "01010112345"])
        let line = try #require(store.all.first)
        #expect(line.metadata == ["service": "intake", "message.id": "second", "code": "[redacted]"])
    }

    @Test("metadata from a metadata provider is redacted too")
    func providerMetadata() throws {
        let store = CapturingLogHandler.Store()
        var handler = RedactingLogHandler(wrapping: CapturingLogHandler(store: store))
        handler.metadataProvider = Logger.MetadataProvider { ["student": "010101-12345", "trace.id": "abc"] }
        let logger = Logger(label: "test") { _ in handler }
        logger.info("opened the card", metadata: ["trace.id": "call"])
        let line = try #require(store.all.first)
        #expect(line.metadata == ["student": "[redacted]", "trace.id": "call"])
    }

    // swift-log 1.16's `error:` argument travels in `LogEvent.error`; stream handlers print it as
    // `error.message`. An error text echoing a value is exactly the accident the redaction exists for.
    @Test("an attached error's text is redacted too")
    func attachedError() throws {
        let (logger, store) = Self.logger()
        logger.error("insert failed", error: EchoingError(description: "duplicate key (personal_code)=(010101-12345)"))
        let line = try #require(store.all.first)
        #expect(line.message == "insert failed")
        #expect(!line.rendered.contains("010101-12345"))
        #expect(line.metadata["error"] == "duplicate key (personal_code)=([redacted])")
    }

    @Test("an error key set by the call is kept")
    func errorKeyFromCall() throws {
        let (logger, store) = Self.logger()
        logger.error("insert failed", error: EchoingError(description: "010101-12345"), metadata: ["error": "23505"])
        let line = try #require(store.all.first)
        #expect(line.metadata["error"] == "23505")
        #expect(!line.rendered.contains("010101-12345"))
    }
}

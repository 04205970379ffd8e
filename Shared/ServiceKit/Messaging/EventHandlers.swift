import Contracts
import Foundation
import Logging
import Postgres

/// What a handler gets besides the event: the transaction's connection, an outbox writer that
/// carries the flow on (correlation id, causation = this message) and a logger with both ids.
public struct HandlerContext: Sendable {
    /// The connection, inside the handler's transaction (inbox row already written).
    public let connection: PostgresConnection
    /// Writes follow-up events in the same transaction.
    public let outbox: OutboxWriter
    /// Logger with `correlation_id` and `message_id` metadata.
    public let logger: Logger
}

/// A handler asks for the message to be dead-lettered at once (it can never succeed, e.g. it
/// refers to something that cannot exist); any other error is treated as transient.
public struct PermanentHandlerError: Error, Sendable, CustomStringConvertible {
    /// Why.
    public var reason: String
    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}

/// The events a service consumes and what it does with each. Handlers run synchronously inside
/// the database transaction that also records the message in the inbox.
public struct EventHandlers: Sendable {
    typealias Erased = @Sendable ([UInt8], HandlerContext) throws -> Void
    struct Registration: Sendable {
        var major: Int
        var handle: Erased
    }
    private(set) var registrations: [EventType: Registration] = [:]

    /// No handlers yet.
    public init() {}

    /// Handles `E` (current major version only; other majors are dead-lettered).
    public mutating func on<E: DomainEvent>(_ type: E.Type, _ handler: @escaping @Sendable (Envelope<E>, HandlerContext) throws -> Void) {
        registrations[E.eventType] = Registration(major: E.schemaVersion.major) { body, context in
            let envelope: Envelope<E>
            do {
                envelope = try ContractCoding.decode(Envelope<E>.self, from: body)
            } catch {
                throw PermanentHandlerError("payload of \(E.eventType) does not decode: \(DecodingErrorSummary.describe(error))")
            }
            try handler(envelope, context)
        }
    }

    /// The routing keys to bind the service queue to.
    public var eventTypes: [EventType] { registrations.keys.sorted { $0.rawValue < $1.rawValue } }
}

/// A short description of a decoding error without the offending values (they may be personal).
enum DecodingErrorSummary {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context.codingPath))"
        case .valueNotFound(_, let context): return "null at \(path(context.codingPath))"
        case .dataCorrupted(let context): return "invalid value at \(path(context.codingPath))"
        @unknown default: return "invalid JSON"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "(root)" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

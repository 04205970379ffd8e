import CRabbitMQ
import Foundation
import Logging

/// A message to publish.
public struct AMQPOutgoingMessage: Sendable, Hashable {
    /// Target exchange (`""` = default exchange, routing key = queue name).
    public var exchange: String
    /// Routing key (the event type on `pumpurs.events`).
    public var routingKey: String
    /// Body bytes (JSON envelope).
    public var body: [UInt8]
    /// Properties; `messageID` should be unique within a batch so returns can be matched.
    public var properties: AMQPMessageProperties
    /// Ask the broker to return the message when no queue is bound for it.
    public var mandatory: Bool

    /// Creates a message.
    public init(exchange: String, routingKey: String, body: [UInt8], properties: AMQPMessageProperties, mandatory: Bool = true) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.properties = properties
        self.mandatory = mandatory
    }
}

/// Publishes batches with publisher confirms over its own connection on its own thread.
///
/// A batch is sent through a window of unconfirmed messages; `basic.ack`/`basic.nack` (also
/// with `multiple`), `basic.return` (matched by message id) and `channel.close` settle each
/// message. Only `.confirmed` means the broker has it: the outbox relay keeps every other row.
/// The connection is opened lazily, reopened after failures with backoff, and kept alive with
/// heartbeats while idle.
public final class AMQPPublisher: @unchecked Sendable {
    // @unchecked: `connection`, `nextTag`, `failures` and `retryAfter` are touched only on
    // `thread` (every access goes through `thread.run` or the thread's idle hook).
    private var connection: AMQPConnection?
    private var nextTag: UInt64 = 0
    private var failures = 0
    private var retryAfter = ContinuousClock.now
    private var topologyLost = false
    private var thread: ConfinedThread!
    private let url: AMQPURL
    private let window: Int
    private let confirmTimeout: Duration
    private let topology: AMQPTopology
    private let backoff: Backoff
    private let logger: Logger

    /// Creates a publisher; nothing connects until the first publish or `connect()`.
    public init(url: AMQPURL, topology: AMQPTopology = .exchangesOnly, window: Int = 512,
                confirmTimeout: Duration = .seconds(15), backoff: Backoff = Backoff(maximum: .seconds(5)),
                logger: Logger) {
        self.url = url
        self.topology = topology
        self.window = max(1, window)
        self.confirmTimeout = confirmTimeout
        self.backoff = backoff
        self.logger = logger
        let heartbeatService = url.heartbeatSeconds > 0 ? Duration.seconds(max(1, url.heartbeatSeconds / 3)) : nil
        self.thread = ConfinedThread(name: "amqp-publisher", idleInterval: heartbeatService) { [weak self] in
            self?.serviceHeartbeats()
        }
    }

    deinit { thread.stop() }

    /// Connects now (and declares the topology); throws when the broker cannot be reached.
    public func connect() async throws {
        try await thread.run { try self.ensureConnected(ignoringBackoff: true) }
    }

    /// Declares `topology` on the publisher's connection.
    public func declare(_ topology: AMQPTopology) async throws {
        try await thread.run {
            try self.ensureConnected(ignoringBackoff: true)
            try self.connection?.declare(topology)
        }
    }

    /// Publishes `messages` and returns one outcome per message, in order. Never throws:
    /// a broker that cannot be reached yields `.notPublished` for every message.
    public func publish(_ messages: [AMQPOutgoingMessage]) async -> [AMQPPublishOutcome] {
        guard !messages.isEmpty else { return [] }
        do {
            return try await thread.run { self.publishOnThread(messages) }
        } catch {
            return messages.map { _ in .notPublished(reason: "\(error)") }
        }
    }

    /// Closes the connection and stops the thread.
    public func shutdown() async {
        _ = try? await thread.run { self.connection?.close(); self.connection = nil }
        thread.stop()
    }

    // MARK: - On the publisher thread

    private func ensureConnected(ignoringBackoff: Bool = false) throws {
        if let connection, connection.isOpen {
            if topologyLost {
                // A 404 closed the channel: an exchange was deleted; declare it again (this reopens
                // a plain channel, so confirm mode must be selected afresh).
                try connection.declare(topology)
                topologyLost = false
                try openConfirmChannel(connection)
                return
            }
            if !connection.channelOpen { try openConfirmChannel(connection) }
            return
        }
        connection = nil
        if !ignoringBackoff, ContinuousClock.now < retryAfter {
            throw AMQPError(.connectionFailed, "broker unreachable; next attempt after backoff")
        }
        do {
            let fresh = try AMQPConnection(url: url)
            try fresh.declare(topology)
            try openConfirmChannel(fresh)
            connection = fresh
            if failures > 0 { logger.info("amqp publisher reconnected", metadata: ["amqp.failures": "\(failures)"]) }
            failures = 0
        } catch {
            failures += 1
            retryAfter = ContinuousClock.now + backoff.delay(forAttempt: failures)
            logger.warning("amqp publisher cannot connect", metadata: ["error": "\(error)", "amqp.failures": "\(failures)"])
            throw error
        }
    }

    /// Opens the channel if needed and puts it in confirm mode (delivery tags restart at 1).
    private func openConfirmChannel(_ connection: AMQPConnection) throws(AMQPError) {
        if !connection.channelOpen { try connection.reopenChannel() }
        amqp_confirm_select(try connection.raw, connection.channel)
        try connection.checkRPC("confirm.select")
        nextTag = 0
    }

    private func publishOnThread(_ messages: [AMQPOutgoingMessage]) -> [AMQPPublishOutcome] {
        var tracker = ConfirmTracker(count: messages.count)
        do {
            try ensureConnected()
        } catch {
            tracker.abandonRemaining(reason: "\(error)")
            return tracker.outcomes.map { $0 ?? .notPublished(reason: "unknown") }
        }
        guard let connection else { return messages.map { _ in .notPublished(reason: "no connection") } }
        if connection.blocked {
            // Give the broker a moment to lift its alarm; otherwise report, do not hang.
            var probe = ConfirmTracker(count: 0)
            try? readConfirmFrame(on: connection, timeout: .milliseconds(100), into: &probe)
            if connection.blocked {
                tracker.abandonRemaining(reason: "the broker blocks publishers (resource alarm)")
                return tracker.outcomes.map { $0 ?? .notPublished(reason: "blocked") }
            }
        }
        let deadline = ContinuousClock.now + confirmTimeout
        var next = 0
        do {
            while !tracker.isComplete {
                while next < messages.count, tracker.inFlight < window {
                    try send(messages[next], on: connection)
                    nextTag += 1
                    tracker.sent(position: next, tag: nextTag, messageID: messages[next].properties.messageID)
                    next += 1
                }
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else { throw AMQPError(.timeout, "no confirm within \(confirmTimeout)") }
                try readConfirmFrame(on: connection, timeout: min(remaining, .seconds(1)), into: &tracker)
            }
        } catch {
            // Unknown fate for everything unsettled: drop the connection so late acks for this
            // channel can never be mistaken for a later batch's tags.
            logger.warning("amqp publish interrupted", metadata: ["error": "\(error)"])
            if let error = error as? AMQPError, error.code == .channelClosed {
                // Channel-level: the connection survives; the channel is reopened next time.
                if error.replyCode == 404 { topologyLost = true }
            } else {
                connection.abandon()
                self.connection = nil
            }
            tracker.abandonRemaining(reason: "\(error)")
        }
        if let state = try? connection.raw { amqp_maybe_release_buffers(state) }
        return tracker.outcomes.map { $0 ?? .notPublished(reason: "unknown") }
    }

    private func send(_ message: AMQPOutgoingMessage, on connection: AMQPConnection) throws(AMQPError) {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        var properties = message.properties
        // Every message says which broker user published it (RabbitMQ checks that it is ours), so
        // a consumer can tell whether the event's producer sent it. An explicit user_id is kept:
        // the broker refuses it unless it is ours (or we are an impersonator, as replays are).
        if properties.userID == nil { properties.userID = url.user }
        var props = properties.cProperties(in: arena)
        let status = amqp_basic_publish(try connection.raw, connection.channel, arena.bytes(message.exchange),
                                        arena.bytes(message.routingKey), message.mandatory ? 1 : 0, 0, &props,
                                        arena.bytes(message.body))
        guard status == AMQP_STATUS_OK.rawValue else {
            throw AMQPError(.connectionFailed, "basic.publish: \(AMQPConnection.statusText(status))")
        }
    }

    /// Reads one frame (or times out quietly) and settles what it says.
    private func readConfirmFrame(on connection: AMQPConnection, timeout: Duration,
                                  into tracker: inout ConfirmTracker) throws(AMQPError) {
        guard let frame = try FrameReader.next(on: connection, timeout: timeout) else { return }
        guard frame.frame_type == UInt8(PUMPURS_FRAME_METHOD) else { return }
        let method = frame.payload.method
        switch method.id {
        case PUMPURS_BASIC_ACK:
            let ack = method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            tracker.acked(tag: ack.delivery_tag, multiple: ack.multiple != 0)
        case PUMPURS_BASIC_NACK:
            let nack = method.decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            tracker.nacked(tag: nack.delivery_tag, multiple: nack.multiple != 0)
        case PUMPURS_BASIC_RETURN:
            let ret = method.decoded.assumingMemoryBound(to: amqp_basic_return_t.self).pointee
            let returned = try FrameReader.content(on: connection, timeout: .seconds(5))
            tracker.returned(messageID: returned.properties.messageID, replyCode: Int(ret.reply_code),
                             replyText: ret.reply_text.string)
        case PUMPURS_CHANNEL_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            connection.acknowledgeChannelClose()
            throw AMQPError(.channelClosed, close.reply_text.string, replyCode: Int(close.reply_code))
        case PUMPURS_CONNECTION_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            throw AMQPError(.connectionClosed, close.reply_text.string, replyCode: Int(close.reply_code))
        case PUMPURS_CONNECTION_BLOCKED:
            connection.blocked = true
            logger.warning("broker blocks publishers (resource alarm)")
        case PUMPURS_CONNECTION_UNBLOCKED:
            connection.blocked = false
            logger.info("broker unblocked publishers")
        default:
            return
        }
    }

    /// While idle, read (and discard) frames so rabbitmq-c answers heartbeats; a dead broker is
    /// noticed here and the connection dropped, to be reopened on the next publish.
    private func serviceHeartbeats() {
        guard let connection else { return }
        do {
            while let frame = try FrameReader.next(on: connection, timeout: .milliseconds(1)) {
                guard frame.frame_type == UInt8(PUMPURS_FRAME_METHOD) else { continue }
                switch frame.payload.method.id {
                case PUMPURS_CHANNEL_CLOSE: connection.acknowledgeChannelClose()
                case PUMPURS_CONNECTION_BLOCKED: connection.blocked = true
                case PUMPURS_CONNECTION_UNBLOCKED: connection.blocked = false
                default: continue
                }
            }
            amqp_maybe_release_buffers(try connection.raw)
        } catch {
            logger.info("amqp publisher connection lost while idle", metadata: ["error": "\(error)"])
            connection.abandon()
            self.connection = nil
        }
    }
}

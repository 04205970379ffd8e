import CRabbitMQ
import Logging

/// A dead-lettered message as the operator sees it (no body: bodies may be large; the message
/// id and type say what it was).
public struct DeadLetter: Sendable, Hashable {
    /// Envelope id.
    public var messageID: String?
    /// Event type.
    public var type: String?
    /// Original routing key(s) from `x-death`.
    public var originalRoutingKeys: [String]
    /// Why it was dead-lettered: `rejected` (poison) or `delivery_limit` (kept failing).
    public var reason: String?
    /// Queue it died in.
    public var queue: String?
    /// Body size in bytes.
    public var bodySize: Int
}

/// Operator tasks on the broker: declare, count, purge, list and replay dead letters.
/// Each call opens its own short-lived connection on a dedicated thread.
public struct AMQPAdmin: Sendable {
    let url: AMQPURL

    /// Creates an admin for `url`.
    public init(url: AMQPURL) { self.url = url }

    /// Runs `body` with a fresh connection on its own thread.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (AMQPConnection) throws -> T) async throws -> T {
        let thread = ConfinedThread(name: "amqp-admin")
        defer { thread.stop() }
        let url = self.url
        return try await thread.run {
            let connection = try AMQPConnection(url: url)
            defer { connection.close() }
            return try body(connection)
        }
    }

    /// Declares a topology.
    public func declare(_ topology: AMQPTopology) async throws {
        try await withConnection { try $0.declare(topology) }
    }

    /// Removes `queue`'s bindings for `routingKeys` on `exchange` (idempotent).
    public func unbind(queue: String, exchange: String, routingKeys: [String]) async throws {
        try await withConnection { connection in
            for key in routingKeys { try connection.unbind(queue: queue, exchange: exchange, routingKey: key) }
        }
    }

    /// Ready messages in `queue`.
    public func messageCount(queue: String) async throws -> Int {
        try await withConnection { try $0.messageCount(queue: queue) }
    }

    /// Purges `queue`.
    public func purge(queue: String) async throws {
        try await withConnection { try $0.purgeQueue(queue) }
    }

    /// Deletes `queue`.
    public func delete(queue: String) async throws {
        try await withConnection { try $0.deleteQueue(queue) }
    }

    /// Lists up to `limit` dead letters of `service` without removing them (they are fetched
    /// unacknowledged and returned to the queue when the channel closes).
    public func listDeadLetters(service: String, limit: Int = 100) async throws -> [DeadLetter] {
        let queue = AMQPTopology.deadLetterQueue(for: service)
        return try await withConnection { connection in
            var result: [DeadLetter] = []
            while result.count < limit, let (_, content) = try Self.get(queue, on: connection) {
                result.append(Self.describe(content))
            }
            return result
        }
    }

    /// Moves dead letters of `service` back to its work queue (only that service's queue, via the
    /// default exchange) and returns how many. `messageIDs` restricts the replay; nil = all.
    /// Each dead letter is acknowledged only after the broker confirmed its copy.
    public func replayDeadLetters(service: String, messageIDs: Set<String>? = nil, limit: Int = 10_000) async throws -> Int {
        let dead = AMQPTopology.deadLetterQueue(for: service)
        let target = AMQPTopology.eventQueue(for: service)
        return try await withConnection { connection in
            let state = try connection.raw
            amqp_confirm_select(state, connection.channel)
            try connection.checkRPC("confirm.select")
            var replayed = 0, seen = 0, tag: UInt64 = 0
            while seen < limit, let (deliveryTag, content) = try Self.get(dead, on: connection) {
                seen += 1
                guard messageIDs.map({ ids in content.properties.messageID.map(ids.contains) ?? false }) ?? true else { continue }
                var properties = content.properties
                // A replay is a fresh start: drop the broker's bookkeeping of the failed attempts.
                for key in properties.headers.keys where key == "x-delivery-count" || key == "x-death" || key.hasPrefix("x-first-death") || key.hasPrefix("x-last-death") {
                    properties.headers[key] = nil
                }
                properties.headers["x-replayed-from"] = .string(dead)
                let arena = CArena()
                defer { withExtendedLifetime(arena) {} }
                var props = properties.cProperties(in: arena)
                let status = amqp_basic_publish(state, connection.channel, amqp_empty_bytes, arena.bytes(target), 1, 0,
                                                &props, arena.bytes(content.body))
                guard status == AMQP_STATUS_OK.rawValue else {
                    throw AMQPError(.connectionFailed, "replay publish: \(AMQPConnection.statusText(status))")
                }
                tag += 1
                var tracker = ConfirmTracker(count: 1)
                tracker.sent(position: 0, tag: tag, messageID: properties.messageID)
                while !tracker.isComplete {
                    guard let frame = try FrameReader.next(on: connection, timeout: .seconds(10)) else {
                        throw AMQPError(.timeout, "no confirm for a replayed message")
                    }
                    guard frame.frame_type == UInt8(PUMPURS_FRAME_METHOD) else { continue }
                    let method = frame.payload.method
                    if method.id == PUMPURS_BASIC_ACK {
                        let ack = method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
                        tracker.acked(tag: ack.delivery_tag, multiple: ack.multiple != 0)
                    } else if method.id == PUMPURS_BASIC_NACK {
                        let nack = method.decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
                        tracker.nacked(tag: nack.delivery_tag, multiple: nack.multiple != 0)
                    } else if method.id == PUMPURS_BASIC_RETURN {
                        let ret = method.decoded.assumingMemoryBound(to: amqp_basic_return_t.self).pointee
                        let returned = try FrameReader.content(on: connection, timeout: .seconds(5))
                        tracker.returned(messageID: returned.properties.messageID, replyCode: Int(ret.reply_code),
                                         replyText: ret.reply_text.string)
                    }
                }
                guard tracker.outcomes.first == .confirmed else {
                    throw AMQPError(.channelClosed, "replay of a dead letter was not confirmed: \(String(describing: tracker.outcomes.first))")
                }
                guard amqp_basic_ack(state, connection.channel, deliveryTag, 0) == AMQP_STATUS_OK.rawValue else {
                    throw AMQPError(.connectionFailed, "ack of a replayed dead letter failed")
                }
                replayed += 1
            }
            return replayed
        }
    }

    /// `basic.get` without auto-ack: the delivery tag and content, or nil when the queue is empty.
    static func get(_ queue: String, on connection: AMQPConnection) throws(AMQPError) -> (UInt64, FrameReader.Content)? {
        let state = try connection.raw
        amqp_maybe_release_buffers(state)
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        let reply = amqp_basic_get(state, connection.channel, arena.bytes(queue), 0)
        try AMQPConnection.check(reply, during: "basic.get \(queue)")
        guard reply.reply.id == PUMPURS_BASIC_GET_OK, let decoded = reply.reply.decoded else { return nil }
        let ok = decoded.assumingMemoryBound(to: amqp_basic_get_ok_t.self).pointee
        let content = try FrameReader.content(on: connection, timeout: .seconds(10))
        return (ok.delivery_tag, content)
    }

    static func describe(_ content: FrameReader.Content) -> DeadLetter {
        let headers = content.properties.headers
        var keys: [String] = []
        var queue: String?
        if case .array(let deaths)? = headers["x-death"], case .table(let first)? = deaths.first {
            if case .array(let rk)? = first["routing-keys"] { keys = rk.compactMap(\.stringValue) }
            queue = first["queue"]?.stringValue
        }
        return DeadLetter(messageID: content.properties.messageID, type: content.properties.type,
                          originalRoutingKeys: keys, reason: headers["x-first-death-reason"]?.stringValue,
                          queue: queue ?? headers["x-first-death-queue"]?.stringValue, bodySize: content.body.count)
    }
}

extension AMQPAdmin {
    /// Connects and logs in, then disconnects: the broker answers.
    public func ping() async throws {
        try await withConnection { _ in }
    }
}

import CRabbitMQ
import Logging

/// Consumes one queue with manual acknowledgement over its own connection and thread.
///
/// `run` hands deliveries to an async handler one at a time (`runBatches`: those already
/// received, several at once) and applies the disposition the handler returns only after the
/// handler finished (so a service acks after its commit). A delivery to be requeued after a
/// delay is held (unacknowledged) and requeued when its time comes, while later deliveries go on. It polls
/// with a short timeout, so cancellation (graceful shutdown) and heartbeats keep working, and it
/// reconnects with backoff after any connection failure, declaring the topology again.
public final class AMQPConsumer: @unchecked Sendable {
    // @unchecked: `connection`, `generation` and `held` are only touched on `thread`.
    private var connection: AMQPConnection?
    private var generation = 0
    /// Deliveries settled with `.requeueAfter`, kept until their time comes (oldest due first).
    private var held: [(delivery: AMQPDelivery, due: ContinuousClock.Instant)] = []
    private var thread: ConfinedThread!
    private let url: AMQPURL
    private let queue: String
    private let prefetch: UInt16
    private let topology: AMQPTopology
    private let backoff: Backoff
    private let pollInterval: Duration
    private let logger: Logger

    /// Creates a consumer of `queue`; `topology` is declared on every (re)connect.
    public init(url: AMQPURL, queue: String, prefetch: UInt16 = 32, topology: AMQPTopology = AMQPTopology(),
                backoff: Backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(5)),
                pollInterval: Duration = .milliseconds(200), logger: Logger) {
        self.url = url
        self.queue = queue
        self.prefetch = max(1, prefetch)
        self.topology = topology
        self.backoff = backoff
        self.pollInterval = pollInterval
        self.logger = logger
        // While a handler runs nothing else calls into rabbitmq-c, so the idle hook sends the
        // heartbeats that keep the broker from closing the connection under a slow handler.
        let interval = url.heartbeatSeconds > 0 ? Duration.seconds(max(1, url.heartbeatSeconds / 3)) : nil
        self.thread = ConfinedThread(name: "amqp-consumer-\(queue)", idleInterval: interval) { [weak self] in
            self?.sendHeartbeat()
        }
    }

    deinit { thread.stop() }

    /// Consumes until the task is cancelled, one delivery at a time. Transport failures are
    /// logged and retried.
    ///
    /// The handler and the settle of its delivery run shielded from cancellation: a shutdown
    /// lets the message in hand finish (and be acked) instead of abandoning it half-way.
    public func run(_ handler: @escaping @Sendable (AMQPDelivery) async -> AMQPDisposition) async {
        await runBatches(upTo: 1) { deliveries in
            var dispositions: [AMQPDisposition] = []
            for delivery in deliveries { dispositions.append(await handler(delivery)) }
            return dispositions
        }
    }

    /// Consumes until the task is cancelled, handing the handler every delivery that is already
    /// here (at least one, at most `limit`; never waiting for more to arrive), and settles each
    /// with the disposition at its position once the handler returns.
    ///
    /// Batches let a service commit several messages in one transaction when its queue has a
    /// backlog, and cost nothing when it has none (a lone message is handed over at once).
    public func runBatches(upTo limit: Int,
                           _ handler: @escaping @Sendable ([AMQPDelivery]) async -> [AMQPDisposition]) async {
        let limit = max(1, limit)
        var failures = 0
        while !Task.isCancelled {
            do {
                let deliveries = try await thread.run({ try self.nextDeliveries(upTo: limit) })
                guard !deliveries.isEmpty else { continue }
                failures = 0
                try await Task {
                    let dispositions = await handler(deliveries)
                    try await self.thread.run {
                        for (index, delivery) in deliveries.enumerated() {
                            try self.settle(delivery, index < dispositions.count ? dispositions[index] : .requeue)
                        }
                    }
                }.value
            } catch {
                failures += 1
                logger.warning("amqp consumer interrupted", metadata: [
                    "amqp.queue": "\(queue)", "error": "\(error)", "amqp.failures": "\(failures)",
                ])
                try? await Task.sleep(for: backoff.delay(forAttempt: failures))
            }
        }
        _ = try? await thread.run {
            // Give back what is held now rather than leave it to the broker's close handling.
            for entry in self.held { try? self.settle(entry.delivery, .requeue) }
            self.held.removeAll()
            self.connection?.close()
            self.connection = nil
        }
        thread.stop()
    }

    // MARK: - On the consumer thread

    private func ensureConnected() throws {
        if let connection, connection.isOpen, connection.channelOpen { return }
        connection?.abandon()
        connection = nil
        let fresh = try AMQPConnection(url: url)
        try fresh.declare(topology)
        let state = try fresh.raw
        amqp_basic_qos(state, fresh.channel, 0, prefetch, 0)
        try fresh.checkRPC("basic.qos")
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        amqp_basic_consume(state, fresh.channel, arena.bytes(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table)
        try fresh.checkRPC("basic.consume \(queue)")
        connection = fresh
        generation += 1
        // Held deliveries belonged to the old connection; the broker redelivers them.
        held.removeAll()
        logger.info("amqp consumer connected", metadata: ["amqp.queue": "\(queue)"])
    }

    /// The next delivery (waiting up to the poll interval), then those that follow it at once.
    private func nextDeliveries(upTo limit: Int) throws -> [AMQPDelivery] {
        try settleHeldDeliveriesDue()
        var wait = pollInterval
        if let due = held.map(\.due).min() { wait = max(.zero, min(wait, due - .now)) }
        guard let first = try nextDelivery(wait: wait) else { return [] }
        var deliveries = [first]
        let generation = first.connectionGeneration
        while deliveries.count < limit, let next = try? nextDelivery(wait: .zero), next.connectionGeneration == generation {
            deliveries.append(next)
        }
        return deliveries
    }

    private func nextDelivery(wait: Duration) throws -> AMQPDelivery? {
        try ensureConnected()
        guard let connection else { return nil }
        let state = try connection.raw
        amqp_maybe_release_buffers(state)
        var envelope = amqp_envelope_t()
        var tv = wait.timeval
        let reply = amqp_consume_message(state, &envelope, &tv, 0)
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            defer { amqp_destroy_envelope(&envelope) }
            return AMQPDelivery(
                body: envelope.message.body.array,
                properties: AMQPMessageProperties(envelope.message.properties),
                deliveryTag: envelope.delivery_tag,
                redelivered: envelope.redelivered != 0,
                exchange: envelope.exchange.string,
                routingKey: envelope.routing_key.string,
                connectionGeneration: generation
            )
        case AMQP_RESPONSE_LIBRARY_EXCEPTION where reply.library_error == AMQP_STATUS_TIMEOUT.rawValue:
            return nil
        case AMQP_RESPONSE_LIBRARY_EXCEPTION where reply.library_error == AMQP_STATUS_UNEXPECTED_STATE.rawValue:
            try handleNonDeliveryFrame(on: connection)
            return nil
        default:
            // Read the reply (it may point into the connection's memory) before freeing it.
            defer {
                connection.abandon()
                self.connection = nil
            }
            try AMQPConnection.check(reply, during: "basic.consume \(queue)")
            throw AMQPError(.connectionFailed, "consume failed")
        }
    }

    /// A frame other than a delivery arrived: a channel or connection close, or a consumer
    /// cancel (queue deleted). Each ends this connection; `ensureConnected` starts over.
    private func handleNonDeliveryFrame(on connection: AMQPConnection) throws {
        guard let frame = try FrameReader.next(on: connection, timeout: .zero),
              frame.frame_type == UInt8(PUMPURS_FRAME_METHOD) else { return }
        switch frame.payload.method.id {
        case PUMPURS_CHANNEL_CLOSE:
            let close = frame.payload.method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            // Copy the reply text out before `close()` frees the memory it points into.
            let error = AMQPError(.channelClosed, close.reply_text.string, replyCode: Int(close.reply_code))
            connection.acknowledgeChannelClose()
            connection.close()
            self.connection = nil
            throw error
        case PUMPURS_BASIC_CANCEL:
            connection.close()
            self.connection = nil
            throw AMQPError(.channelClosed, "the broker cancelled the consumer of \(queue) (queue deleted?)")
        default:
            return
        }
    }

    /// Sends one heartbeat frame (never reads, so no delivery can be taken here).
    private func sendHeartbeat() {
        guard let connection, let state = try? connection.raw else { return }
        var frame = amqp_frame_t()
        frame.frame_type = UInt8(PUMPURS_FRAME_HEARTBEAT)
        frame.channel = 0
        _ = amqp_send_frame(state, &frame)
    }

    /// Requeues the held deliveries whose delay is over.
    private func settleHeldDeliveriesDue() throws {
        guard !held.isEmpty else { return }
        let now = ContinuousClock.now
        let due = held.filter { $0.due <= now }
        guard !due.isEmpty else { return }
        held.removeAll { $0.due <= now }
        for entry in due { try settle(entry.delivery, .requeue) }
    }

    private func settle(_ delivery: AMQPDelivery, _ disposition: AMQPDisposition) throws {
        if case .requeueAfter(let delay) = disposition, delay > .zero {
            if delivery.connectionGeneration == generation { held.append((delivery, .now + delay)) }
            return
        }
        guard delivery.connectionGeneration == generation, let connection, connection.isOpen else {
            logger.debug("settle skipped: delivery came on an earlier connection; the broker redelivers it")
            return
        }
        let state = try connection.raw
        let status: Int32 = switch disposition {
        case .ack: amqp_basic_ack(state, connection.channel, delivery.deliveryTag, 0)
        case .requeue, .requeueAfter: amqp_basic_nack(state, connection.channel, delivery.deliveryTag, 0, 1)
        case .deadLetter: amqp_basic_nack(state, connection.channel, delivery.deliveryTag, 0, 0)
        }
        guard status == AMQP_STATUS_OK.rawValue else {
            connection.abandon()
            self.connection = nil
            throw AMQPError(.connectionFailed, "settle: \(AMQPConnection.statusText(status))")
        }
    }
}

import AMQP
import CRabbitMQ
import Foundation

/// The raw floor for the broker: bare rabbitmq-c calls with no client code of ours.
struct RawBroker {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let state: amqp_connection_state_t

    /// Connects, logs in, opens channel 1.
    init(url: AMQPURL) throws {
        guard let state = amqp_new_connection(), let socket = amqp_tcp_socket_new(state) else { throw Failure(description: "alloc") }
        guard amqp_socket_open(socket, url.host, Int32(url.port)) == 0 else { throw Failure(description: "connect") }
        let reply = pumpurs_amqp_login_plain(state, url.vhost, 0, 131_072, 0, url.user, url.password)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else { throw Failure(description: "login") }
        amqp_channel_open(state, 1)
        guard amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL else { throw Failure(description: "channel") }
        self.state = state
    }

    func close() {
        amqp_channel_close(state, 1, PUMPURS_REPLY_SUCCESS)
        amqp_connection_close(state, PUMPURS_REPLY_SUCCESS)
        amqp_destroy_connection(state)
    }

    func enableConfirms() throws {
        amqp_confirm_select(state, 1)
        guard amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL else { throw Failure(description: "confirm.select") }
    }

    /// Publishes `bodies` persistently to `queue` (default exchange) with a confirm window;
    /// returns when every message is acked.
    func publishConfirmed(_ bodies: [[UInt8]], queue: String, window: Int = 512) throws {
        var props = amqp_basic_properties_t()
        props._flags = PUMPURS_BASIC_DELIVERY_MODE_FLAG | PUMPURS_BASIC_CONTENT_TYPE_FLAG
        props.delivery_mode = 2
        var sent = 0, settled = 0
        var acked = [Bool](repeating: false, count: bodies.count + 1)
        var floor = 0  // every tag ≤ floor is settled
        try queue.withCString { q in
            try "application/json".withCString { ct in
                props.content_type = amqp_cstring_bytes(ct)
                while settled < bodies.count {
                    while sent < bodies.count, sent - settled < window {
                        let status = bodies[sent].withUnsafeBytes { raw in
                            amqp_basic_publish(state, 1, amqp_empty_bytes, amqp_cstring_bytes(q), 0, 0, &props,
                                               amqp_bytes_t(len: raw.count, bytes: UnsafeMutableRawPointer(mutating: raw.baseAddress)))
                        }
                        guard status == 0 else { throw Failure(description: "publish \(status)") }
                        sent += 1
                    }
                    var frame = amqp_frame_t()
                    guard amqp_simple_wait_frame(state, &frame) == 0 else { throw Failure(description: "wait frame") }
                    guard frame.frame_type == UInt8(PUMPURS_FRAME_METHOD), frame.payload.method.id == PUMPURS_BASIC_ACK else { continue }
                    let ack = frame.payload.method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
                    let tag = Int(ack.delivery_tag)
                    if ack.multiple != 0 {
                        for t in (floor + 1)...max(floor + 1, tag) where t <= bodies.count && !acked[t] { acked[t] = true; settled += 1 }
                    } else if tag <= bodies.count, !acked[tag] {
                        acked[tag] = true; settled += 1
                    }
                    while floor + 1 <= bodies.count, acked[floor + 1] { floor += 1 }
                    amqp_maybe_release_buffers(state)
                }
            }
        }
    }

    /// Consumes `count` messages from `queue`, acking each; `each` runs before the ack.
    func consume(_ count: Int, queue: String, prefetch: UInt16 = 256, each: ([UInt8]) throws -> Void = { _ in }) throws {
        try startConsuming(queue: queue, prefetch: prefetch)
        try receive(count, each: each)
    }

    /// Registers a consumer on channel 1 (manual acks).
    func startConsuming(queue: String, prefetch: UInt16 = 256) throws {
        amqp_basic_qos(state, 1, 0, prefetch, 0)
        _ = queue.withCString { q in amqp_basic_consume(state, 1, amqp_cstring_bytes(q), amqp_empty_bytes, 0, 0, 0, amqp_empty_table) }
        guard amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL else { throw Failure(description: "consume") }
    }

    /// Receives and acks `count` deliveries on an already registered consumer.
    /// Receives `count` deliveries in groups (`groupSize` says how large the next group is):
    /// `group` handles a group's bodies, then each of its deliveries is acked.
    func receive(_ count: Int, groupSize: () -> Int, group: ([[UInt8]]) throws -> Void) throws {
        var received = 0
        while received < count {
            let size = max(1, min(groupSize(), count - received))
            var bodies: [[UInt8]] = [], tags: [UInt64] = []
            while bodies.count < size {
                amqp_maybe_release_buffers(state)
                var envelope = amqp_envelope_t()
                var tv = timeval(tv_sec: 10, tv_usec: 0)
                let reply = amqp_consume_message(state, &envelope, &tv, 0)
                guard reply.reply_type == AMQP_RESPONSE_NORMAL else { throw Failure(description: "consume_message after \(received)") }
                bodies.append(Array(UnsafeRawBufferPointer(start: envelope.message.body.bytes, count: envelope.message.body.len)))
                tags.append(envelope.delivery_tag)
                amqp_destroy_envelope(&envelope)
            }
            try group(bodies)
            for tag in tags {
                guard amqp_basic_ack(state, 1, tag, 0) == 0 else { throw Failure(description: "ack") }
            }
            received += bodies.count
        }
    }

    func receive(_ count: Int, each: ([UInt8]) throws -> Void = { _ in }) throws {
        var received = 0
        while received < count {
            amqp_maybe_release_buffers(state)
            var envelope = amqp_envelope_t()
            var tv = timeval(tv_sec: 10, tv_usec: 0)
            let reply = amqp_consume_message(state, &envelope, &tv, 0)
            guard reply.reply_type == AMQP_RESPONSE_NORMAL else { throw Failure(description: "consume_message after \(received)") }
            let body = Array(UnsafeRawBufferPointer(start: envelope.message.body.bytes, count: envelope.message.body.len))
            try each(body)
            guard amqp_basic_ack(state, 1, envelope.delivery_tag, 0) == 0 else { throw Failure(description: "ack") }
            amqp_destroy_envelope(&envelope)
            received += 1
        }
    }
}

import CRabbitMQ
import Foundation

/// One rabbitmq-c connection with one channel, used synchronously from a single thread.
///
/// Not `Sendable`: the publisher and consumer each keep theirs on a `ConfinedThread`.
/// Every blocking call here must only be made from that thread.
final class AMQPConnection {
    private var state: amqp_connection_state_t?
    let url: AMQPURL
    /// The channel everything runs on.
    let channel: amqp_channel_t = 1
    /// False once the broker closed the channel; `reopenChannel()` brings it back.
    private(set) var channelOpen = false
    /// True while the broker blocks publishers (memory or disk alarm: `connection.blocked`).
    var blocked = false

    /// Opens a TCP connection, logs in and opens channel 1.
    init(url: AMQPURL, connectTimeout: Duration = .seconds(5)) throws(AMQPError) {
        self.url = url
        guard let state = amqp_new_connection() else { throw AMQPError(.connectionFailed, "out of memory") }
        self.state = state
        guard let socket = amqp_tcp_socket_new(state) else {
            close()
            throw AMQPError(.connectionFailed, "could not create a socket")
        }
        var timeout = connectTimeout.timeval
        let status = amqp_socket_open_noblock(socket, url.host, Int32(url.port), &timeout)
        guard status == AMQP_STATUS_OK.rawValue else {
            close()
            throw AMQPError(.connectionFailed, "cannot connect to \(url.host):\(url.port): \(Self.statusText(status))")
        }
        // Advertise the capabilities plain amqp_login leaves out, so the broker tells us when it
        // blocks publishers and when it cancels a consumer (e.g. its queue was deleted).
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        var properties = arena.table([
            "product": .string("pumpurs"),
            "capabilities": .table([
                "connection.blocked": .bool(true), "consumer_cancel_notify": .bool(true),
                "publisher_confirms": .bool(true), "basic.nack": .bool(true),
            ]),
        ])
        let reply = pumpurs_amqp_login_plain_with_properties(state, url.vhost, 0, 131_072, Int32(url.heartbeatSeconds),
                                                             &properties, url.user, url.password)
        do {
            try Self.check(reply, during: "login")
        } catch {
            close()
            throw AMQPError(.loginFailed, error.message, replyCode: error.replyCode)
        }
        do {
            try reopenChannel()
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// The raw connection state; valid while the connection is open.
    var raw: amqp_connection_state_t {
        get throws(AMQPError) {
            guard let state else { throw AMQPError(.connectionClosed, "connection is closed") }
            return state
        }
    }

    /// True while the TCP connection is usable.
    var isOpen: Bool { state != nil }

    /// Opens channel 1 (again, after the broker closed it).
    func reopenChannel() throws(AMQPError) {
        let state = try raw
        amqp_channel_open(state, channel)
        try checkRPC("channel.open")
        channelOpen = true
    }

    /// Marks the channel closed after a broker `channel.close`, answering with `close-ok`.
    func acknowledgeChannelClose() {
        channelOpen = false
        guard let state else { return }
        var ok = amqp_channel_close_ok_t(dummy: 0)
        _ = amqp_send_method(state, channel, PUMPURS_CHANNEL_CLOSE_OK, &ok)
    }

    /// Closes politely if possible, then frees the connection. Safe to call twice.
    func close() {
        guard let state else { return }
        if channelOpen { _ = amqp_channel_close(state, channel, PUMPURS_REPLY_SUCCESS) }
        _ = amqp_connection_close(state, PUMPURS_REPLY_SUCCESS)
        amqp_destroy_connection(state)
        self.state = nil
        channelOpen = false
    }

    /// Drops the connection without the closing handshake (the socket is already broken).
    func abandon() {
        guard let state else { return }
        amqp_destroy_connection(state)
        self.state = nil
        channelOpen = false
    }

    /// Checks the reply of the last synchronous method; on a channel-level error answers
    /// `close-ok` so the connection stays usable, on a connection-level error drops it.
    func checkRPC(_ what: String) throws(AMQPError) {
        guard let state else { throw AMQPError(.connectionClosed, "connection is closed") }
        let reply = amqp_get_rpc_reply(state)
        do {
            try Self.check(reply, during: what)
        } catch {
            if error.code == .channelClosed { acknowledgeChannelClose() } else { abandon() }
            throw error
        }
    }

    /// Translates an `amqp_rpc_reply_t` into a Swift error.
    static func check(_ reply: amqp_rpc_reply_t, during what: String) throws(AMQPError) {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            let code: AMQPError.Code = reply.library_error == AMQP_STATUS_TIMEOUT.rawValue ? .timeout : .connectionFailed
            throw AMQPError(code, "\(what): \(statusText(reply.library_error))")
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            if reply.reply.id == PUMPURS_CHANNEL_CLOSE, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                throw AMQPError(.channelClosed, "\(what): \(close.reply_text.string)", replyCode: Int(close.reply_code))
            }
            if reply.reply.id == PUMPURS_CONNECTION_CLOSE, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
                throw AMQPError(.connectionClosed, "\(what): \(close.reply_text.string)", replyCode: Int(close.reply_code))
            }
            throw AMQPError(.unexpectedFrame, "\(what): unexpected server method \(reply.reply.id)")
        default:
            throw AMQPError(.connectionFailed, "\(what): no reply")
        }
    }

    /// rabbitmq-c's text for a status code.
    static func statusText(_ status: Int32) -> String {
        guard let text = amqp_error_string2(status) else { return "status \(status)" }
        return String(cString: text)
    }
}

import CRabbitMQ

/// Low-level frame reads on a connection's own thread (rabbitmq-c 0.11 has no confirm or
/// return helpers, so the publisher and the dead-letter tools read frames themselves).
enum FrameReader {
    /// A message's content: properties from the header frame and the body frames joined.
    struct Content {
        var properties: AMQPMessageProperties
        var body: [UInt8]
    }

    /// The next frame, or nil when none arrived within `timeout`. Heartbeats are answered inside
    /// rabbitmq-c. A broken socket throws `.connectionFailed`.
    static func next(on connection: AMQPConnection, timeout: Duration) throws(AMQPError) -> amqp_frame_t? {
        var frame = amqp_frame_t()
        var tv = timeout.timeval
        let status = amqp_simple_wait_frame_noblock(try connection.raw, &frame, &tv)
        if status == AMQP_STATUS_TIMEOUT.rawValue { return nil }
        guard status == AMQP_STATUS_OK.rawValue else {
            throw AMQPError(.connectionFailed, "reading from broker: \(AMQPConnection.statusText(status))")
        }
        if frame.frame_type == UInt8(PUMPURS_FRAME_METHOD), frame.payload.method.id == PUMPURS_CONNECTION_CLOSE {
            let close = frame.payload.method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            var ok = amqp_connection_close_ok_t(dummy: 0)
            _ = amqp_send_method(try connection.raw, 0, PUMPURS_CONNECTION_CLOSE_OK, &ok)
            throw AMQPError(.connectionClosed, close.reply_text.string, replyCode: Int(close.reply_code))
        }
        return frame
    }

    /// Reads the header and body frames that follow a content-bearing method
    /// (`basic.return`, `basic.get-ok`, `basic.deliver`).
    static func content(on connection: AMQPConnection, timeout: Duration) throws(AMQPError) -> Content {
        guard let header = try nextOnChannel(connection, timeout: timeout), header.frame_type == UInt8(PUMPURS_FRAME_HEADER) else {
            throw AMQPError(.unexpectedFrame, "expected a content header frame")
        }
        let properties = AMQPMessageProperties(
            header.payload.properties.decoded.assumingMemoryBound(to: amqp_basic_properties_t.self).pointee)
        let size = Int(header.payload.properties.body_size)
        var body: [UInt8] = []
        body.reserveCapacity(size)
        while body.count < size {
            guard let frame = try nextOnChannel(connection, timeout: timeout), frame.frame_type == UInt8(PUMPURS_FRAME_BODY) else {
                throw AMQPError(.unexpectedFrame, "expected a content body frame")
            }
            body += frame.payload.body_fragment.array
        }
        return Content(properties: properties, body: body)
    }

    /// The next frame of the connection's channel, skipping heartbeats and channel-0 frames that
    /// may legally arrive between a content header and its body.
    private static func nextOnChannel(_ connection: AMQPConnection, timeout: Duration) throws(AMQPError) -> amqp_frame_t? {
        while let frame = try next(on: connection, timeout: timeout) {
            if frame.frame_type == UInt8(PUMPURS_FRAME_HEARTBEAT) || frame.channel != connection.channel { continue }
            return frame
        }
        return nil
    }
}

import CRabbitMQ

extension AMQPConnection {
    /// Declares every exchange, queue and binding of `topology` (idempotent).
    ///
    /// A queue that exists with different arguments fails with 406 PRECONDITION_FAILED, named in
    /// the error; the channel is reopened so the connection stays usable.
    func declare(_ topology: AMQPTopology) throws(AMQPError) {
        if !channelOpen { try reopenChannel() }
        let state = try raw
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        for exchange in topology.exchanges {
            amqp_exchange_declare(state, channel, arena.bytes(exchange.name), arena.bytes(exchange.type),
                                  0, 1, 0, 0, amqp_empty_table)
            try checkRPC("exchange.declare \(exchange.name)")
        }
        for queue in topology.queues {
            amqp_queue_declare(state, channel, arena.bytes(queue.name), 0, 1, 0, 0, arena.table(queue.arguments))
            try checkRPC("queue.declare \(queue.name)")
        }
        for binding in topology.bindings {
            amqp_queue_bind(state, channel, arena.bytes(binding.queue), arena.bytes(binding.exchange),
                            arena.bytes(binding.routingKey), amqp_empty_table)
            try checkRPC("queue.bind \(binding.queue) ← \(binding.exchange) [\(binding.routingKey)]")
        }
    }

    /// Removes a binding (idempotent: removing one that does not exist succeeds).
    func unbind(queue: String, exchange: String, routingKey: String) throws(AMQPError) {
        if !channelOpen { try reopenChannel() }
        let state = try raw
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        amqp_queue_unbind(state, channel, arena.bytes(queue), arena.bytes(exchange), arena.bytes(routingKey), amqp_empty_table)
        try checkRPC("queue.unbind \(queue) ← \(exchange) [\(routingKey)]")
    }

    /// Number of messages ready in a queue (passive declare); fails with 404 if it is missing.
    func messageCount(queue: String) throws(AMQPError) -> Int {
        if !channelOpen { try reopenChannel() }
        let state = try raw
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        let ok = amqp_queue_declare(state, channel, arena.bytes(queue), 1, 0, 0, 0, amqp_empty_table)
        try checkRPC("queue.declare(passive) \(queue)")
        return Int(ok?.pointee.message_count ?? 0)
    }

    /// Deletes a queue (tests and benchmarks only).
    func deleteQueue(_ queue: String) throws(AMQPError) {
        if !channelOpen { try reopenChannel() }
        let state = try raw
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        amqp_queue_delete(state, channel, arena.bytes(queue), 0, 0)
        try checkRPC("queue.delete \(queue)")
    }

    /// Removes every ready message from a queue (tests and benchmarks only).
    func purgeQueue(_ queue: String) throws(AMQPError) {
        if !channelOpen { try reopenChannel() }
        let state = try raw
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }
        amqp_queue_purge(state, channel, arena.bytes(queue))
        try checkRPC("queue.purge \(queue)")
    }
}

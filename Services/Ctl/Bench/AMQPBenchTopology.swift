import AMQP

/// Benchmark queues: quorum queues like the services' own, recreated empty for each run.
enum AMQPBenchTopology {
    static func recreateQueue(_ name: String, amqp: AMQPURL) async throws {
        let admin = AMQPAdmin(url: amqp)
        try? await admin.delete(queue: name)
        try await admin.declare(AMQPTopology(queues: [.init(name: name, arguments: ["x-queue-type": .string("quorum")])]))
    }
}

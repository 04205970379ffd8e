import AMQP
import Foundation

/// The pipeline benchmark's floor: the run's durable operations (its request transactions, its
/// published events with confirms, their deliveries as inbox transactions with acks — see
/// ``RunShapedFloor``) with no service logic, spread over `threads` threads (one per service:
/// the services also work side by side), each with its own connections, queue and schema.
/// Returns the seconds until the last thread ends.
enum PipelineFloor {
    static func run(writes: Int, published: Int, deliveries: Int, consumerTransactions: Int, threads: Int, databaseURL: String, amqp: AMQPURL) async throws -> Double {
        let threads = max(1, threads)
        for index in 0..<threads { try await AMQPBenchTopology.recreateQueue("bench.floor.\(index)", amqp: amqp) }
        func part(_ total: Int, _ index: Int) -> Int { total / threads + (index < total % threads ? 1 : 0) }
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<threads {
                let share = RunShapedFloor.Share(writes: part(writes, index), published: part(published, index),
                                                 deliveries: part(deliveries, index),
                                                 consumerTransactions: part(consumerTransactions, index))
                group.addTask {
                    _ = try await onOwnThread("bench-floor-\(index)") {
                        try RunShapedFloor.run(share, batch: 100, databaseURL: databaseURL, amqp: amqp, queue: "bench.floor.\(index)",
                                               schema: "pumpurs_bench_floor_\(index)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Date().timeIntervalSince(start)
        for index in 0..<threads { try? await AMQPAdmin(url: amqp).delete(queue: "bench.floor.\(index)") }
        return seconds
    }
}

import AMQP
import Foundation

/// The pipeline benchmark's floor: `messages` trips of the raw pipeline (outbox commit →
/// confirmed persistent publish → mark sent → inbox commit → ack) and `commits` plain commits,
/// spread over `threads` threads (one per service: the services also work side by side), each
/// with its own connections, queue and schema. Returns the seconds until the last thread ends.
enum PipelineFloor {
    static func run(messages: Int, commits: Int, threads: Int, databaseURL: String, amqp: AMQPURL) async throws -> Double {
        let threads = max(1, threads)
        for index in 0..<threads { try await AMQPBenchTopology.recreateQueue("bench.floor.\(index)", amqp: amqp) }
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<threads {
                let share = messages / threads + (index < messages % threads ? 1 : 0)
                let writes = commits / threads + (index < commits % threads ? 1 : 0)
                group.addTask {
                    _ = try await onOwnThread("bench-floor-\(index)") {
                        try RawPipelineFloor.run(count: share, batch: 100, databaseURL: databaseURL, amqp: amqp, queue: "bench.floor.\(index)",
                                                 schema: "pumpurs_bench_floor_\(index)", commits: writes)
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

import AMQP
import ArgumentParser
import Foundation

/// `pumpurs bench infra`: raw broker and database figures, the raw pipeline floor, and the same
/// work through the kit; the last line is `ratio=<kit events/s ÷ floor events/s>`.
struct BenchInfraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infra", abstract: "Measure raw AMQP/PostgreSQL throughput, the raw pipeline floor and the kit.")

    @Option(help: "Messages for the raw broker figures.") var messages = 20_000
    @Option(help: "Single-row commits for the raw database figure.") var commits = 3_000
    @Option(help: "Events through the pipeline (floor and kit).") var events = 3_000
    @Option(help: "Relay batch size (floor and kit alike).") var batch = 500

    func run() async throws {
        let env = CtlEnvironment()
        let amqp = try env.amqpURL()
        let logger = env.logger
        let adminURL = env.adminDatabaseURL
        print("bench infra: broker \(amqp), database \(adminURL.split(separator: "@").last ?? "")")

        let rawQueue = "bench.raw"
        try await AMQPBenchTopology.recreateQueue(rawQueue, amqp: amqp)
        let bodies = (0..<messages).map(sampleBody)
        let (publishRate, consumeRate) = try await onOwnThread("bench-raw-broker") { () throws -> (Double, Double) in
            let publisher = try RawBroker(url: amqp)
            defer { publisher.close() }
            try publisher.enableConfirms()
            let (_, p) = try timed { try publisher.publishConfirmed(bodies, queue: rawQueue) }
            let consumer = try RawBroker(url: amqp)
            defer { consumer.close() }
            let (_, c) = try timed { try consumer.consume(bodies.count, queue: rawQueue) }
            return (Double(bodies.count) / p, Double(bodies.count) / c)
        }
        print(String(format: "raw publish-with-confirms: %.0f msg/s (%d persistent messages, window 512)", publishRate, messages))
        print(String(format: "raw consume+ack:           %.0f msg/s", consumeRate))

        let commits = self.commits
        let commitRate = try await onOwnThread("bench-raw-db") { () throws -> Double in
            let db = try RawDatabase(url: adminURL)
            try db.exec("DROP TABLE IF EXISTS pumpurs_bench_commits")
            try db.exec("CREATE TABLE pumpurs_bench_commits (id bigserial PRIMARY KEY, body text NOT NULL)")
            let (_, s) = try timed { for i in 0..<commits { try db.exec("INSERT INTO pumpurs_bench_commits (body) VALUES ($1)", ["row \(i)"]) } }
            try db.exec("DROP TABLE pumpurs_bench_commits")
            return Double(commits) / s
        }
        print(String(format: "raw single-row commits:    %.0f tx/s (one connection)", commitRate))

        try await AMQPBenchTopology.recreateQueue(RawPipelineFloor.queue, amqp: amqp)
        let events = self.events, batch = self.batch
        let floorRate = try await onOwnThread("bench-floor") {
            try RawPipelineFloor.run(count: events, batch: batch, databaseURL: adminURL, amqp: amqp)
        }
        print(String(format: "raw pipeline floor:        %.0f events/s (outbox commit → confirmed publish → mark sent → inbox commit → ack)", floorRate))

        let kitRate = try await KitPipeline.run(count: events, batch: batch, env: env, amqp: amqp, logger: logger)
        print(String(format: "kit pipeline:              %.0f events/s (OutboxWriter → OutboxRelay → ConsumerRunner with inbox)", kitRate))
        try? await AMQPAdmin(url: amqp).delete(queue: rawQueue)
        try? await AMQPAdmin(url: amqp).delete(queue: RawPipelineFloor.queue)
        print(String(format: "ratio=%.2f", kitRate / floorRate))
    }
}

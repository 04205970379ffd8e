import AMQP
import Contracts
import Foundation
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Publishes outbox rows with publisher confirms and marks them sent only after the broker's
/// ack. Wakes on LISTEN/NOTIFY and also polls, so a lost notification only delays.
///
/// Several instances may run: rows are claimed with a lease (`FOR UPDATE SKIP LOCKED`), so each
/// row goes to one relay at a time; a relay that dies mid-batch leaves leases that expire and
/// the rows are published again (consumers' inboxes absorb the duplicate). A broker outage
/// leaves rows pending and the relay backs off; nothing is lost and no HTTP request fails.
public struct OutboxRelay: Service {
    /// NOTIFY channel of a service's outbox.
    public static func channel(for service: String) -> String { "\(service)_outbox" }

    let service: String
    let pool: PostgresPool
    let listenerConfiguration: PostgresConfiguration
    let publisher: AMQPPublisher
    let batchSize: Int
    let pollInterval: Duration
    let lease: Duration
    let backoff: Backoff
    let logger: Logger

    /// Creates a relay for `service`'s outbox.
    public init(service: String, pool: PostgresPool, publisher: AMQPPublisher, batchSize: Int = 500,
                pollInterval: Duration = .seconds(1), lease: Duration = .seconds(30),
                backoff: Backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(5)), logger: Logger) {
        self.service = service
        self.pool = pool
        self.listenerConfiguration = pool.configuration
        self.publisher = publisher
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        self.lease = lease
        self.backoff = backoff
        self.logger = logger
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        let listener = PostgresListener(configuration: listenerConfiguration, logger: logger)
        await cancelWhenGracefulShutdown {
            await self.loop(listener: listener)
        }
        await listener.close()
    }

    private func loop(listener: PostgresListener) async {
        var listening = false
        var failures = 0
        while !Task.isCancelled {
            if !listening {
                listening = (try? await listener.listen(Self.channel(for: service))) != nil
            }
            do {
                let result = try await drain()
                if result.stalled {
                    failures += 1
                    try? await Task.sleep(for: backoff.delay(forAttempt: failures))
                    continue
                }
                failures = 0
            } catch {
                failures += 1
                logger.warning("outbox relay cannot reach the database", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: backoff.delay(forAttempt: failures))
                continue
            }
            do {
                _ = try await listener.waitForNotification(timeout: pollInterval)
            } catch {
                listening = false
                try? await Task.sleep(for: pollInterval)
            }
        }
    }

    /// Publishes pending rows until none are left (or a publish fails). Public for tests and
    /// benchmarks that drive the relay step by step. `failed` counts rows not confirmed (they stay
    /// pending); `stalled` is true when the broker could not be reached (the caller backs off).
    @discardableResult
    public func drain() async throws -> (published: Int, failed: Int, stalled: Bool) {
        var published = 0, failedTotal = 0
        while !Task.isCancelled {
            // Each claim carries its own token: a relay that outlived its lease cannot settle rows
            // another relay has claimed since (that would publish them a third time).
            let claim = UUID.timeOrdered()
            let batch = try await claimBatch(claim)
            if batch.isEmpty { return (published, failedTotal, false) }
            // Publish and settle run shielded from cancellation: a shutdown between the broker's
            // confirm and the mark-sent would only cause a duplicate, but there is no need for it.
            let (sent, failed, transportFailed) = try await Task { [publisher] in
                let outcomes = await publisher.publish(batch.map(\.message))
                var sent: [Int64] = [], rejected: [(Int64, String)] = [], transport: [(Int64, String)] = []
                for (row, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .confirmed: sent.append(row.id)
                    case .returned, .nacked: rejected.append((row.id, "\(outcome)"))
                    case .notPublished: transport.append((row.id, "\(outcome)"))
                    }
                }
                try await self.settle(claim, sent: sent, rejected: rejected, transport: transport)
                return (sent, rejected + transport, !transport.isEmpty)
            }.value
            published += sent.count
            Counter(label: "pumpurs_outbox_published_total", dimensions: [("service", service)]).increment(by: sent.count)
            failedTotal += failed.count
            if !failed.isEmpty {
                Counter(label: "pumpurs_outbox_publish_failures_total", dimensions: [("service", service)]).increment(by: failed.count)
                logger.warning("outbox rows not confirmed; will retry", metadata: [
                    "outbox.failed": "\(failed.count)", "outbox.reason": "\(failed[0].1)",
                ])
                // Only a transport failure pauses the relay; a returned or nacked row backs off on
                // its own (lease_until) so it never holds up the rows behind it.
                if transportFailed { return (published, failedTotal, true) }
            }
            if batch.count < batchSize { return (published, failedTotal, false) }
        }
        return (published, failedTotal, false)
    }

    private struct ClaimedRow: Sendable {
        var id: Int64
        var message: AMQPOutgoingMessage
    }

    private func claimBatch(_ claim: UUID) async throws -> [ClaimedRow] {
        let leaseSeconds = Int(lease.components.seconds)
        let limit = batchSize
        let producer = service
        return try await pool.withConnection { connection in
            let rows = try connection.query("""
                UPDATE outbox SET lease_until = now() + make_interval(secs => $1), attempts = attempts + 1, lease_owner = $3
                WHERE id IN (SELECT id FROM outbox
                             WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING id, message_id, event_type, schema_version, body, correlation_id, traceparent, created_at
                """, [leaseSeconds, limit, claim])
            return try rows.map { row in
                let messageID = try row.decode("message_id", as: UUID.self)
                let type = try row.decode("event_type", as: String.self)
                let created = try row.decode("created_at", as: Date.self)
                var headers: [String: AMQPFieldValue] = ["schema_version": .string(try row.decode("schema_version", as: String.self))]
                if let trace = try row.decode("traceparent", as: String?.self) { headers["traceparent"] = .string(trace) }
                let properties = AMQPMessageProperties(
                    messageID: messageID.uuidString.lowercased(), type: type,
                    correlationID: try row.decode("correlation_id", as: UUID.self).uuidString.lowercased(),
                    appID: producer, timestamp: UInt64(max(0, created.timeIntervalSince1970)), headers: headers)
                return ClaimedRow(id: try row.decode("id", as: Int64.self), message: AMQPOutgoingMessage(
                    exchange: AMQPTopology.eventsExchange, routingKey: type,
                    body: try row.decode("body", as: [UInt8].self), properties: properties))
            }.sorted { $0.id < $1.id }
        }
    }

    private func settle(_ claim: UUID, sent: [Int64], rejected: [(Int64, String)], transport: [(Int64, String)]) async throws {
        @Sendable func list(_ rows: [(Int64, String)]) -> String { rows.map { String($0.0) }.joined(separator: ",") }
        let sentList = sent.map(String.init).joined(separator: ",")
        try await pool.withTransaction { connection in
            if !sent.isEmpty {
                try connection.execute("""
                    UPDATE outbox SET published_at = now(), lease_until = NULL, last_error = NULL
                    WHERE id = ANY(string_to_array($1, ',')::bigint[]) AND published_at IS NULL
                    """, [sentList])
            }
            if !rejected.isEmpty {
                // Unroutable or refused: retry this row later, backing off per row (2^attempts s, ≤ 5 min).
                try connection.execute("""
                    UPDATE outbox SET lease_until = now() + least(power(2, least(attempts, 9)), 300) * interval '1 second',
                                      last_error = $2
                    WHERE id = ANY(string_to_array($1, ',')::bigint[]) AND lease_owner = $3
                    """, [list(rejected), String(rejected[0].1.prefix(500)), claim])
            }
            if !transport.isEmpty {
                try connection.execute("""
                    UPDATE outbox SET lease_until = NULL, last_error = $2
                    WHERE id = ANY(string_to_array($1, ',')::bigint[]) AND lease_owner = $3
                    """, [list(transport), String(transport[0].1.prefix(500)), claim])
            }
        }
    }
}

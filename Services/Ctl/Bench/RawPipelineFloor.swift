import AMQP
import Contracts
import Foundation

/// The same durable operations as the kit pipeline, in bare C calls and one thread:
/// N single-row outbox commits; then per batch a claim UPDATE, persistent publishes with
/// confirms, a mark-sent UPDATE; then per message an inbox commit and an ack.
enum RawPipelineFloor {
    static let queue = "bench.floor"

    /// Events per second; `queue` and `schema` let several floors run side by side, and
    /// `commits` adds that many single-row commits (requests that write without publishing).
    static func run(count: Int, batch: Int, databaseURL: String, amqp: AMQPURL, queue: String = RawPipelineFloor.queue,
                    schema: String = "pumpurs_bench_floor", commits: Int = 0) throws -> Double {
        let (db, publisher, consumer) = try connect(databaseURL: databaseURL, amqp: amqp, queue: queue, schema: schema)
        defer { publisher.close(); consumer.close() }
        let (_, seconds) = try timed {
            for i in 0..<commits { try db.exec("INSERT INTO writes (body) VALUES ($1)", ["write \(i)"]) }
            for i in 0..<count { try addOutboxRow(db, index: i) }
            var done = 0
            while done < count {
                let ids = try db.exec("""
                    UPDATE outbox SET lease_until = now() + interval '30 seconds', attempts = attempts + 1
                    WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT \(batch) FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """)
                let bodies = ids.map { _ in sampleBody(0) }
                try publisher.publishConfirmed(bodies, queue: queue)
                try db.exec("UPDATE outbox SET published_at = now(), lease_until = NULL WHERE id = ANY(string_to_array($1, ',')::bigint[])",
                            [ids.joined(separator: ",")])
                try consumer.receive(ids.count) { _ in
                    try db.exec("INSERT INTO inbox (message_id) VALUES ($1) ON CONFLICT DO NOTHING", [UUID.timeOrdered().uuidString])
                }
                done += ids.count
            }
        }
        try db.exec("DROP SCHEMA \(schema) CASCADE")
        return Double(max(count, 1)) / seconds
    }

    /// One floor thread's own connections: a fresh `schema` with the floor's tables (the session's
    /// search path), a publisher with confirms, and a consumer registered on `queue`.
    static func connect(databaseURL: String, amqp: AMQPURL, queue: String,
                        schema: String) throws -> (db: RawDatabase, publisher: RawBroker, consumer: RawBroker) {
        let db = try RawDatabase(url: databaseURL)
        try db.exec("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        try db.exec("CREATE SCHEMA \(schema)")
        try db.exec("SET search_path = \(schema)")
        try createTables(db)
        let publisher = try RawBroker(url: amqp)
        try publisher.enableConfirms()
        let consumer = try RawBroker(url: amqp)
        try consumer.startConsuming(queue: queue)
        return (db, publisher, consumer)
    }

    /// Adds one pending outbox row carrying the sample body `index`.
    static func addOutboxRow(_ db: RawDatabase, index: Int) throws {
        let body = sampleBody(index)
        try db.exec("INSERT INTO outbox (message_id, event_type, body) VALUES ($1, 'bench.event', $2::bytea)",
                    [UUID.timeOrdered().uuidString, "\\x" + body.map { String(format: "%02x", $0) }.joined()])
    }

    /// The floor's outbox, inbox and request-write tables (in the session's search path).
    static func createTables(_ db: RawDatabase) throws {
        try db.exec("""
            CREATE TABLE outbox (id bigserial PRIMARY KEY, message_id uuid NOT NULL UNIQUE, event_type text NOT NULL,
              body bytea NOT NULL, published_at timestamptz, lease_until timestamptz, attempts int NOT NULL DEFAULT 0)
            """)
        try db.exec("CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL")
        try db.exec("CREATE TABLE inbox (message_id uuid PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now())")
        try db.exec("CREATE TABLE writes (id bigserial PRIMARY KEY, body text NOT NULL)")
    }
}

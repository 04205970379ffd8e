import AMQP
import Contracts
import Foundation

/// One thread of the pipeline benchmark's floor, shaped like the measured run: the same kinds
/// and numbers of transactions, publishes and deliveries, in bare C calls, with no service logic.
///
/// - `writes` request transactions (`BEGIN`, a row, `COMMIT`); the first `published` of them also
///   write an outbox row, as a request that publishes an event does.
/// - The relay claims pending outbox rows (up to `batch`), publishes each persistently with a
///   confirm, and marks them sent.
/// - Each event is delivered `deliveries / published` times (rounded, to the exact total), as
///   the exchange fans an event out to every service that binds it; the floor publishes each copy
///   to its queue (a fan-out the broker would route from one publish is a little cheaper, so the
///   floor errs on the slow side).
/// - Deliveries are committed in as many transactions as the services used (they handle the
///   deliveries already received together): each transaction is `BEGIN`, an inbox row per
///   delivery, `COMMIT`, then an ack per delivery; the events handlers publish (those beyond the
///   requests') are outbox rows in the first deliveries' transactions, relayed in turn.
enum RunShapedFloor {
    struct Share: Sendable {
        var writes: Int
        var published: Int
        var deliveries: Int
        /// Transactions the deliveries were committed in (≤ deliveries).
        var consumerTransactions: Int
    }

    static func run(_ share: Share, batch: Int, databaseURL: String, amqp: AMQPURL, queue: String, schema: String) throws {
        let (db, publisher, consumer) = try RawPipelineFloor.connect(databaseURL: databaseURL, amqp: amqp, queue: queue, schema: schema)
        defer { publisher.close(); consumer.close() }

        let published = max(share.published, 1)
        let copiesEach = max(share.deliveries / published, 1), extra = max(share.deliveries - copiesEach * published, 0)
        let fromRequests = min(share.published, share.writes)
        var fromHandlers = share.published - fromRequests
        var sequence = 0
        func addOutboxRow() throws {
            try RawPipelineFloor.addOutboxRow(db, index: sequence)
            sequence += 1
        }
        for write in 0..<share.writes {
            try db.exec("BEGIN")
            try db.exec("INSERT INTO writes (body) VALUES ($1)", ["write \(write)"])
            if write < fromRequests { try addOutboxRow() }
            try db.exec("COMMIT")
        }
        var relayed = 0, delivered = 0
        var transactionsLeft = max(1, min(share.consumerTransactions, share.deliveries))
        /// Spreads the deliveries left evenly over the transactions left.
        func nextGroupSize() -> Int {
            let left = share.deliveries - delivered
            let size = (left + transactionsLeft - 1) / max(transactionsLeft, 1)
            transactionsLeft = max(transactionsLeft - 1, 1)
            return max(size, 1)
        }
        while delivered < share.deliveries {
            let ids = try db.exec("""
                UPDATE outbox SET lease_until = now() + interval '30 seconds', attempts = attempts + 1
                WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT \(batch) FOR UPDATE SKIP LOCKED)
                RETURNING id
                """)
            guard !ids.isEmpty else { break }   // nothing left to relay: every delivery is made
            var bodies: [[UInt8]] = []
            for _ in ids {
                let copies = copiesEach + (relayed < extra ? 1 : 0)
                bodies += Array(repeating: sampleBody(relayed), count: copies)
                relayed += 1
            }
            try publisher.publishConfirmed(bodies, queue: queue)
            try db.exec("UPDATE outbox SET published_at = now(), lease_until = NULL WHERE id = ANY(string_to_array($1, ',')::bigint[])",
                        [ids.joined(separator: ",")])
            try consumer.receive(bodies.count, groupSize: nextGroupSize) { group in
                try db.exec("BEGIN")
                for _ in group {
                    try db.exec("INSERT INTO inbox (message_id) VALUES ($1) ON CONFLICT DO NOTHING", [UUID.timeOrdered().uuidString])
                    if fromHandlers > 0 {
                        try addOutboxRow()
                        fromHandlers -= 1
                    }
                }
                try db.exec("COMMIT")
                delivered += group.count
            }
        }
        try db.exec("DROP SCHEMA \(schema) CASCADE")
    }
}

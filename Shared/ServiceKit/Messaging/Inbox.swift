import Contracts
import Postgres

/// Remembers which messages a service has processed, in the handler's own transaction:
/// a redelivered message finds its id already there and changes nothing.
public enum Inbox {
    /// Records `header`'s message id; false when it was already processed (a duplicate).
    public static func claim(_ header: EnvelopeHeader, on connection: PostgresConnection) throws -> Bool {
        let inserted = try connection.execute(
            "INSERT INTO inbox (message_id, event_type, producer) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING",
            [header.id, header.type.rawValue, header.producer])
        return inserted == 1
    }
}

import CLibPQ

/// The isolation level of a transaction.
public enum PostgresIsolation: String, Sendable, CaseIterable {
    /// `READ COMMITTED`, PostgreSQL's default.
    case readCommitted
    /// `REPEATABLE READ`: one snapshot for the whole transaction; may fail with 40001.
    case repeatableRead
    /// `SERIALIZABLE`: as if transactions ran one at a time; may fail with 40001.
    case serializable

    /// The `BEGIN` statement for this level (fixed text, never built from input).
    var beginStatement: String {
        switch self {
        case .readCommitted: "BEGIN ISOLATION LEVEL READ COMMITTED"
        case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}

extension PostgresConnection {
    /// Runs `body` in one transaction on this connection: `BEGIN`, then `COMMIT`, or `ROLLBACK`
    /// and rethrow if anything throws. No retries here; ``PostgresPool/withTransaction(isolation:maxAttempts:_:)`` retries.
    ///
    /// A body that swallows a statement error leaves the transaction aborted; the `COMMIT` then
    /// rolls back, which is reported as a `queryFailed` error instead of passing silently.
    ///
    /// `BEGIN` is not sent on its own: it rides with the body's first statement (one round trip
    /// less per transaction); a body that runs no statement costs no round trip at all.
    public func transaction<T>(
        isolation: PostgresIsolation = .readCommitted, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        _ = try checkedHandle()
        pendingBegin = isolation.beginStatement
        transactionMemo = [:]
        defer { transactionMemo = nil }
        do {
            let value = try body(self)
            if pendingBegin != nil {
                // Nothing was sent: there is nothing to commit.
                pendingBegin = nil
                return value
            }
            let commit = try transactionControl("COMMIT")
            guard commit.commandTag == "COMMIT" else {
                throw PostgresError(
                    code: .queryFailed,
                    message: "the transaction was aborted by an earlier error and has been rolled back")
            }
            return value
        } catch {
            rollbackIfNeeded()
            throw error
        }
    }

    /// Whether a transaction is open (or aborted) on this connection.
    public var isInTransaction: Bool {
        guard let handle = try? checkedHandle() else { return false }
        if pendingBegin != nil { return true }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Rolls back an open transaction, ignoring errors (the connection is marked broken if that fails).
    func rollbackIfNeeded() {
        pendingBegin = nil
        guard let handle = try? checkedHandle() else { return }
        let status = PQtransactionStatus(handle)
        if status == PQTRANS_INTRANS || status == PQTRANS_INERROR {
            if (try? transactionControl("ROLLBACK")) == nil { markBroken() }
        } else if status == PQTRANS_ACTIVE || status == PQTRANS_UNKNOWN {
            markBroken()
        }
    }

    /// Sends a notification with `SELECT pg_notify($1, $2)`; delivered when the transaction commits.
    public func notify(channel: String, payload: String = "") throws(PostgresError) {
        _ = try query("SELECT pg_notify($1, $2)", [channel, payload])
    }
}

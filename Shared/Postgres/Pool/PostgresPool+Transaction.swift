import Logging

extension PostgresPool {
    /// Runs `body` in a transaction on a leased connection: `BEGIN`, `COMMIT`, or `ROLLBACK` and
    /// rethrow. On a serialization failure (40001) or deadlock (40P01) — also when `COMMIT` reports
    /// it — the whole body runs again, up to `maxAttempts` times, after a jittered exponential backoff.
    ///
    /// The body may run more than once, so it must not have effects outside the database.
    /// Only `PostgresError`s are inspected for retry; wrap them and the retry is lost.
    @discardableResult
    public func withTransaction<T: Sendable>(
        isolation: PostgresIsolation = .readCommitted, maxAttempts: Int = 5,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await withTransaction(isolation: isolation, retry: PostgresRetryPolicy(maxAttempts: maxAttempts), body)
    }

    /// Same as ``withTransaction(isolation:maxAttempts:_:)`` with a full retry policy.
    @discardableResult
    public func withTransaction<T: Sendable>(
        isolation: PostgresIsolation, retry policy: PostgresRetryPolicy,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withConnection { connection in
                    try connection.transaction(isolation: isolation, body)
                }
            } catch {
                guard policy.shouldRetry(error, afterAttempt: attempt) else { throw error }
                let pause = policy.delay(afterAttempt: attempt, jitter: Double.random(in: 0...1))
                logger.debug(
                    "postgres transaction conflict; retrying",
                    metadata: ["db.sqlstate": "\((error as? PostgresError)?.sqlState ?? "-")",
                               "db.transaction.attempt": "\(attempt)"])
                try await Task.sleep(for: pause)
                attempt += 1
            }
        }
    }
}

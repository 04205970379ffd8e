/// How ``PostgresPool/withTransaction(isolation:maxAttempts:_:)`` retries serialization failures
/// and deadlocks: jittered exponential backoff between whole-transaction attempts.
public struct PostgresRetryPolicy: Sendable, Equatable {
    /// Total attempts, including the first.
    public var maxAttempts: Int
    /// The delay before the second attempt (before jitter).
    public var baseDelay: Duration
    /// The largest delay between attempts (before jitter).
    public var maxDelay: Duration

    /// Creates a policy; `maxAttempts` below 1 counts as 1.
    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(10), maxDelay: Duration = .seconds(1)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Whether another attempt may follow the failed attempt number `attempt` (1-based).
    public func shouldRetry(_ error: any Error, afterAttempt attempt: Int) -> Bool {
        guard attempt < maxAttempts, let error = error as? PostgresError else { return false }
        return error.isTransientConflict
    }

    /// The pause after failed attempt `attempt` (1-based): `min(maxDelay, baseDelay·2^(attempt-1))`
    /// scaled by `0.5 + jitter/2`, so concurrent losers spread out. `jitter` is clamped to 0...1.
    public func delay(afterAttempt attempt: Int, jitter: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let grown = baseDelay * (1 << exponent)
        let capped = min(grown, maxDelay)
        let factor = 0.5 + min(max(jitter, 0), 1) / 2
        return capped * factor
    }
}

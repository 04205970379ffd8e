/// Exponential backoff with a ceiling and optional jitter, used for reconnects and retries.
///
/// Pure: `delay(forAttempt:)` is deterministic when `jitter` is 0, which is what the tests use.
public struct Backoff: Sendable, Hashable {
    /// Delay before the first retry.
    public var initial: Duration
    /// Largest delay.
    public var maximum: Duration
    /// Growth factor per attempt.
    public var multiplier: Int
    /// Fraction (0…1) of the delay that is randomised, so many instances do not retry in step.
    public var jitter: Double

    /// Creates a policy.
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(10), multiplier: Int = 2, jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Delay before retry number `attempt` (1-based), without jitter.
    public func baseDelay(forAttempt attempt: Int) -> Duration {
        var delay = initial
        var n = 1
        while n < attempt, delay < maximum {
            delay = delay * multiplier
            n += 1
        }
        return min(delay, maximum)
    }

    /// Delay before retry number `attempt` (1-based), with jitter drawn from `generator`.
    public func delay<G: RandomNumberGenerator>(forAttempt attempt: Int, using generator: inout G) -> Duration {
        let base = baseDelay(forAttempt: attempt)
        guard jitter > 0 else { return base }
        let factor = 1 - jitter + Double.random(in: 0...(2 * jitter), using: &generator)
        return base * factor
    }

    /// Delay before retry number `attempt` with system randomness.
    public func delay(forAttempt attempt: Int) -> Duration {
        var rng = SystemRandomNumberGenerator()
        return delay(forAttempt: attempt, using: &rng)
    }
}

import AMQP
import Testing

/// SplitMix64: a tiny deterministic generator, so jittered delays are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    private(set) var draws = 0
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        draws += 1
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Duration {
    /// Seconds as a Double, for comparisons with a tolerance.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

@Suite("Backoff")
struct BackoffTests {
    @Test("defaults double from 100 ms up to the 10 s ceiling")
    func defaultSequence() {
        let backoff = Backoff()
        let delays = (1...10).map { backoff.baseDelay(forAttempt: $0) }
        let expected: [Duration] = [100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000, 10_000, 10_000].map { .milliseconds($0) }
        #expect(delays == expected)
    }

    @Test("a custom policy: initial × multiplier^(attempt−1), capped", arguments: [
        (1, Duration.seconds(1)), (2, .seconds(3)), (3, .seconds(9)), (4, .seconds(27)), (5, .seconds(30)), (50, .seconds(30)),
    ])
    func customSequence(attempt: Int, expected: Duration) {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(30), multiplier: 3, jitter: 0)
        #expect(backoff.baseDelay(forAttempt: attempt) == expected)
    }

    @Test("never decreases with the attempt and never exceeds the maximum")
    func monotoneAndCapped() {
        let backoff = Backoff(initial: .milliseconds(37), maximum: .seconds(7), multiplier: 2)
        var previous = Duration.zero
        for attempt in 1...200 {
            let delay = backoff.baseDelay(forAttempt: attempt)
            #expect(delay >= previous)
            #expect(delay <= .seconds(7))
            previous = delay
        }
        #expect(previous == .seconds(7))
    }

    @Test("an attempt of 0, a negative one or Int.max is answered (initial, initial, ceiling)")
    func extremeAttempts() {
        let backoff = Backoff()
        #expect(backoff.baseDelay(forAttempt: 0) == .milliseconds(100))
        #expect(backoff.baseDelay(forAttempt: -5) == .milliseconds(100))
        #expect(backoff.baseDelay(forAttempt: .max) == .seconds(10))
    }

    @Test("an initial delay above the maximum is capped")
    func initialAboveMaximum() {
        let backoff = Backoff(initial: .seconds(20), maximum: .seconds(10), jitter: 0)
        #expect(backoff.baseDelay(forAttempt: 1) == .seconds(10))
    }

    @Test("multiplier below 1 becomes 1, jitter is clamped to 0…1")
    func clamping() {
        #expect(Backoff(multiplier: 0).multiplier == 1)
        #expect(Backoff(multiplier: -3).multiplier == 1)
        #expect(Backoff(multiplier: 0).baseDelay(forAttempt: 5) == .milliseconds(100))
        #expect(Backoff(jitter: -0.5).jitter == 0)
        #expect(Backoff(jitter: 7).jitter == 1)
        #expect(Backoff(jitter: 0.3).jitter == 0.3)
    }

    @Test("without jitter the delay is the base delay and no randomness is drawn")
    func noJitter() {
        let backoff = Backoff(jitter: 0)
        var generator = SeededGenerator(seed: 1)
        for attempt in 1...10 {
            #expect(backoff.delay(forAttempt: attempt, using: &generator) == backoff.baseDelay(forAttempt: attempt))
        }
        #expect(generator.draws == 0)
        #expect(backoff.delay(forAttempt: 3) == .milliseconds(400))
    }

    @Test("jittered delays stay within base × (1 ± jitter) and use the range", arguments: [0.1, 0.2, 0.5, 1.0])
    func jitterBounds(jitter: Double) {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(10), multiplier: 2, jitter: jitter)
        var generator = SeededGenerator(seed: 0xC0FFEE)
        for attempt in 1...10 {
            let base = backoff.baseDelay(forAttempt: attempt).seconds
            let samples = (0..<500).map { _ in backoff.delay(forAttempt: attempt, using: &generator).seconds }
            let low = base * (1 - jitter), high = base * (1 + jitter), slack = base * 1e-9
            #expect(samples.allSatisfy { $0 >= low - slack && $0 <= high + slack }, "attempt \(attempt)")
            // 500 uniform draws: each outer tenth of the range is hit (probability of a miss ≈ 1e-23).
            let tenth = (high - low) / 10
            #expect(samples.contains { $0 < low + tenth }, "attempt \(attempt): nothing near the bottom")
            #expect(samples.contains { $0 > high - tenth }, "attempt \(attempt): nothing near the top")
        }
    }

    @Test("the same seed gives the same delays, another seed different ones")
    func deterministic() {
        let backoff = Backoff(jitter: 0.2)
        func delays(seed: UInt64) -> [Duration] {
            var generator = SeededGenerator(seed: seed)
            return (1...8).map { backoff.delay(forAttempt: $0, using: &generator) }
        }
        #expect(delays(seed: 42) == delays(seed: 42))
        #expect(delays(seed: 42) != delays(seed: 43))
    }
}

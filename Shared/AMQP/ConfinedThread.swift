import Foundation

/// One OS thread that runs submitted jobs in order: the home of a C handle that must not be
/// used concurrently (a rabbitmq-c connection) and whose calls block.
///
/// Blocking socket calls therefore never run on Swift's cooperative pool. When no job arrives
/// for `idleInterval`, `onIdle` runs on the same thread (the publisher services heartbeats there).
final class ConfinedThread: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `condition`; jobs only ever run on `thread`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false
    private let idleInterval: Duration?
    private let onIdle: (@Sendable () -> Void)?

    /// Starts the thread.
    init(name: String, idleInterval: Duration? = nil, onIdle: (@Sendable () -> Void)? = nil) {
        self.idleInterval = idleInterval
        self.onIdle = onIdle
        let thread = Thread { [self] in self.loop() }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the thread and returns its result to the async caller.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = submit { continuation.resume(with: Result { try body() }) }
            if !accepted { continuation.resume(throwing: AMQPError(.cancelled, "connection thread stopped")) }
        }
    }

    /// Queues a job; false when the thread has been stopped.
    @discardableResult
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Lets queued jobs finish, then ends the thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            var timedOut = false
            while jobs.isEmpty, !stopping, !timedOut {
                if let idleInterval {
                    timedOut = !condition.wait(until: Date(timeIntervalSinceNow: idleInterval.seconds))
                } else {
                    condition.wait()
                }
            }
            if jobs.isEmpty, stopping {
                condition.unlock()
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            if batch.isEmpty {
                onIdle?()
            } else {
                for job in batch { job() }
            }
        }
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let (s, attos) = components
        return Double(s) + Double(attos) / 1e18
    }

    /// The duration as a C `timeval`.
    var timeval: timeval {
        let (s, attos) = components
        return Glibc.timeval(tv_sec: Int(s), tv_usec: Int(attos / 1_000_000_000_000))
    }
}

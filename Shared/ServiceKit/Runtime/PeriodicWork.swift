import Logging
import ServiceLifecycle

/// Work a service does on a timer besides serving HTTP and consuming (e.g. approval reminders).
/// Every instance runs it, so the work must be safe to run concurrently (claim rows, insert with
/// ON CONFLICT DO NOTHING).
public struct PeriodicWork: Sendable {
    /// Name for logs.
    public var name: String
    /// Pause between runs.
    public var interval: Duration
    /// One run.
    public var run: @Sendable (ServiceResources) async throws -> Void

    /// Creates the work.
    public init(name: String, interval: Duration, run: @escaping @Sendable (ServiceResources) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.run = run
    }
}

/// Runs a `PeriodicWork` until shutdown; a failed run is logged and retried next time.
struct PeriodicService: Service {
    let work: PeriodicWork
    let resources: ServiceResources

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await work.run(resources)
                } catch is CancellationError {
                    return
                } catch {
                    resources.logger.warning("periodic work failed; retrying next time", metadata: ["work": "\(work.name)", "error": "\(error)"])
                }
                // Shutdown cancels the pause: that is the end of the work, not an error. (Thrown, it
                // failed the whole service group: the other services were cancelled instead of
                // drained in order, and the process died with a fatal error at exit.)
                do { try await Task.sleep(for: work.interval) } catch { return }
            }
        }
    }
}

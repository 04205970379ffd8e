import Logging
import Synchronization

/// A small, lazily opened pool of ``PostgresConnection``s with a fixed maximum size.
///
/// Closures passed to ``withConnection(_:)`` run synchronously on the leased connection's own
/// thread. A connection found broken (statement failed with a lost connection, or its socket
/// shows the server went away while it was idle) is discarded and replaced on the next lease,
/// so a database restart never wedges the pool: calls during the outage throw errors with
/// `isConnectionLost`, and succeed again once the server is back.
public final class PostgresPool: Sendable {
    /// The configuration every connection is opened with.
    public let configuration: PostgresConfiguration
    let logger: Logger
    private let state: Mutex<PoolState>

    /// Creates a pool; no connection is opened until the first lease.
    public init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.state = Mutex(PoolState(maxSize: configuration.poolSize))
    }

    /// Leases a connection, runs `body` on its thread and returns the connection to the pool.
    ///
    /// A transaction left open by `body` is rolled back before the connection is reused.
    @discardableResult
    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        let connection = try await lease()
        do {
            let value = try await connection.run { connection in
                defer { connection.rollbackIfNeeded() }
                return try body(connection)
            }
            await giveBack(connection)
            return value
        } catch {
            await giveBack(connection)
            throw error
        }
    }

    /// Closes idle connections, fails waiters, and closes leased connections when they come back.
    public func shutdown() async {
        let (idle, waiters) = state.withLock { $0.shutdown() }
        for waiter in waiters {
            waiter.resume(throwing: PostgresError(code: .poolShutdown, message: "the PostgreSQL pool was shut down"))
        }
        for connection in idle { await connection.close() }
        logger.debug("postgres pool shut down")
    }

    /// The numbers of open and idle connections (for metrics and tests).
    public var statistics: (open: Int, idle: Int) {
        state.withLock { ($0.openCount, $0.idle.count) }
    }

    private func lease() async throws -> PostgresConnection {
        let grant = try await acquireGrant()
        if case .reuse(let connection) = grant {
            let healthy = (try? await connection.run { $0.isHealthy() }) ?? false
            if healthy { return connection }
            logger.info("postgres discarding a broken idle connection")
            await connection.close()
        }
        // The grant (or the discarded connection's slot) lets us open one connection.
        do {
            return try await PostgresConnection.connect(configuration: configuration, logger: logger)
        } catch {
            let waiter = state.withLock { $0.releaseSlot() }
            waiter?.resume(returning: .open)
            throw error
        }
    }

    private func acquireGrant() async throws -> PoolGrant {
        let id = state.withLock { $0.makeWaiterID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolGrant, any Error>) in
                let timeout = configuration.poolTimeout
                let immediate = state.withLock { state in
                    state.grantOrEnqueue(id: id, continuation: continuation, isCancelled: Task.isCancelled) {
                        Task { [weak self] in
                            try? await Task.sleep(for: timeout)
                            self?.failWaiter(id, error: PostgresError(
                                code: .poolTimeout,
                                message: "no PostgreSQL connection became free within \(timeout)"))
                        }
                    }
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            failWaiter(id, error: CancellationError())
        }
    }

    private func failWaiter(_ id: UInt64, error: any Error) {
        let waiter = state.withLock { $0.removeWaiter(id) }
        waiter?.resume(throwing: error)
    }

    private func giveBack(_ connection: PostgresConnection) async {
        let outcome = state.withLock { $0.giveBack(connection, broken: connection.isBroken) }
        switch outcome {
        case .handOver(let waiter, let grant): waiter.resume(returning: grant)
        case .close(let waiter):
            if connection.isBroken { logger.info("postgres discarding a broken connection") }
            waiter?.resume(returning: .open)
            await connection.close()
        case .keep: break
        }
    }
}

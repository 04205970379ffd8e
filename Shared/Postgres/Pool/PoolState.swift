/// What a waiter receives: an idle connection, or permission to open a new one.
enum PoolGrant: Sendable {
    case reuse(PostgresConnection)
    case open
}

/// A caller waiting for a connection, with the task that times it out.
struct PoolWaiter {
    let id: UInt64
    let continuation: CheckedContinuation<PoolGrant, any Error>
    let timeout: Task<Void, Never>

    func resume(returning grant: PoolGrant) {
        timeout.cancel()
        continuation.resume(returning: grant)
    }

    func resume(throwing error: any Error) {
        timeout.cancel()
        continuation.resume(throwing: error)
    }
}

/// The pool's bookkeeping, always mutated under the pool's lock; continuations are resumed by
/// the caller after the lock is released.
struct PoolState {
    /// What to do with a connection coming back.
    enum GiveBack {
        case keep
        case handOver(PoolWaiter, PoolGrant)
        /// Close the connection; if a waiter is given, its slot passes to that waiter.
        case close(PoolWaiter?)
    }

    var idle: [PostgresConnection] = []
    /// Leased, idle and being-opened connections.
    var openCount = 0
    private var waiters: [PoolWaiter] = []
    private var nextID: UInt64 = 0
    private var isShutdown = false
    private let maxSize: Int

    init(maxSize: Int) { self.maxSize = maxSize }

    mutating func makeWaiterID() -> UInt64 {
        nextID += 1
        return nextID
    }

    /// A grant right away, or nil after enqueueing the waiter (with a timeout made by `makeTimeout`).
    mutating func grantOrEnqueue(
        id: UInt64, continuation: CheckedContinuation<PoolGrant, any Error>, isCancelled: Bool,
        makeTimeout: () -> Task<Void, Never>
    ) -> Result<PoolGrant, any Error>? {
        if isShutdown {
            return .failure(PostgresError(code: .poolShutdown, message: "the PostgreSQL pool was shut down"))
        }
        if isCancelled { return .failure(CancellationError()) }
        if let connection = idle.popLast() { return .success(.reuse(connection)) }
        if openCount < maxSize {
            openCount += 1
            return .success(.open)
        }
        waiters.append(PoolWaiter(id: id, continuation: continuation, timeout: makeTimeout()))
        return nil
    }

    mutating func removeWaiter(_ id: UInt64) -> PoolWaiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index)
    }

    /// A slot whose connection could not be opened: pass it to a waiter or free it.
    mutating func releaseSlot() -> PoolWaiter? {
        if !waiters.isEmpty { return waiters.removeFirst() }
        openCount -= 1
        return nil
    }

    mutating func giveBack(_ connection: PostgresConnection, broken: Bool) -> GiveBack {
        if isShutdown {
            openCount -= 1
            return .close(nil)
        }
        if broken {
            return .close(releaseSlot())
        }
        if !waiters.isEmpty { return .handOver(waiters.removeFirst(), .reuse(connection)) }
        idle.append(connection)
        return .keep
    }

    mutating func shutdown() -> ([PostgresConnection], [PoolWaiter]) {
        isShutdown = true
        let closing = idle
        let failing = waiters
        openCount -= idle.count
        idle = []
        waiters = []
        return (closing, failing)
    }
}

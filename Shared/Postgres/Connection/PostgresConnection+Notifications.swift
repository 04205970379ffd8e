import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A message from `NOTIFY` / `pg_notify`.
public struct PostgresNotification: Sendable, Equatable {
    /// The channel it was sent on.
    public var channel: String
    /// The payload (empty when none was given).
    public var payload: String
    /// The server process id of the sender.
    public var processID: Int32

    /// Creates a notification value.
    public init(channel: String, payload: String, processID: Int32) {
        self.channel = channel
        self.payload = payload
        self.processID = processID
    }
}

extension PostgresConnection {
    /// Waits up to `timeout` for notifications on the channels this session LISTENs to, using
    /// `PQsocket` + `poll()` + `PQconsumeInput` + `PQnotifies`. Returns at once if some are queued;
    /// returns an empty array on timeout. Blocks the connection's thread, never the caller's.
    public func waitForNotifications(timeout: Duration) throws(PostgresError) -> [PostgresNotification] {
        let handle = try checkedHandle()
        var found = try consumeAndDrain(handle)
        guard found.isEmpty else { return found }
        let deadline = ContinuousClock.now + timeout
        while found.isEmpty {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return [] }
            let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: max(1, milliseconds)))
            if ready < 0 {
                if errno == EINTR { continue }
                markBroken()
                throw PostgresError(code: .connectionLost, message: "poll() on the PostgreSQL socket failed")
            }
            if ready == 0 { return [] }
            found = try consumeAndDrain(handle)
        }
        return found
    }

    /// Whether an idle connection is still usable: reads anything the server sent meanwhile
    /// (a terminated backend leaves an error and EOF on the socket) without blocking.
    func isHealthy() -> Bool {
        guard let handle = try? checkedHandle() else { return false }
        guard PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
        // A terminated backend sends a FATAL message and then EOF; libpq notices the EOF only on
        // a read that returns nothing, so keep reading while the socket stays readable.
        for _ in 0..<4 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 0)
            if ready < 0 { return false }
            if ready == 0 { break }
            guard (try? consumeAndDrain(handle)) != nil else { return false }
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    private func consumeAndDrain(_ handle: OpaquePointer) throws(PostgresError) -> [PostgresNotification] {
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(handle)) ?? "the server closed the connection"
            markBroken()
            throw PostgresError(code: .connectionLost, message: message)
        }
        var notifications: [PostgresNotification] = []
        while let notify = PQnotifies(handle) {
            notifications.append(
                PostgresNotification(
                    channel: Self.text(notify.pointee.relname) ?? "",
                    payload: notify.pointee.extra.map { String(cString: $0) } ?? "",
                    processID: notify.pointee.be_pid))
            PQfreemem(notify)
        }
        return notifications
    }
}

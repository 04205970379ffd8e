import Logging
import Synchronization

/// A dedicated connection that `LISTEN`s on channels and waits for notifications with a timeout.
///
/// After a lost connection it reconnects and LISTENs again on the next call. Notifications sent
/// while it was disconnected are lost, so treat them as hints to re-check state (e.g. the
/// outbox relay also polls), never as the only signal. Meant for one consuming loop.
public final class PostgresListener: Sendable {
    /// The configuration the listening connection is opened with.
    public let configuration: PostgresConfiguration
    private let logger: Logger
    private let state = Mutex(ListenerState())

    private struct ListenerState {
        var connection: PostgresConnection?
        var channels: [String] = []
        var isClosed = false
    }

    /// Creates a listener; it connects on the first ``listen(_:)`` or wait.
    public init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts listening on `channel` (a plain lowercase identifier, `^[a-z_][a-z0-9_]{0,62}$`).
    public func listen(_ channel: String) async throws {
        try PostgresIdentifier.requirePlainIdentifier(channel, role: "notification channel")
        let isNew = state.withLock { state in
            guard !state.channels.contains(channel) else { return false }
            state.channels.append(channel)
            return true
        }
        let connection = try await currentConnection()
        if isNew { try await connection.run { try Self.listen(on: $0, channel: channel) } }
    }

    /// Waits up to `timeout` for notifications; returns them (possibly several), or an empty array
    /// on timeout or right after a reconnect. Throws a connection error (`isConnectionLost`) while
    /// the server cannot be reached; call again to retry.
    public func waitForNotification(timeout: Duration) async throws -> [PostgresNotification] {
        let connection = try await currentConnection()
        do {
            return try await connection.run { try $0.waitForNotifications(timeout: timeout) }
        } catch let error as PostgresError where error.isConnectionLost {
            logger.warning("postgres listener lost its connection; reconnecting", metadata: ["db.error.code": "\(error.code)"])
            state.withLock { state in
                if state.connection === connection { state.connection = nil }
            }
            await connection.close()
            _ = try await currentConnection()
            return []
        }
    }

    /// Closes the listening connection; later calls throw `poolShutdown`.
    public func close() async {
        let connection = state.withLock { state in
            state.isClosed = true
            defer { state.connection = nil }
            return state.connection
        }
        await connection?.close()
    }

    private func currentConnection() async throws -> PostgresConnection {
        let (existing, isClosed) = state.withLock { ($0.connection, $0.isClosed) }
        if isClosed { throw PostgresError(code: .poolShutdown, message: "the PostgreSQL listener was closed") }
        if let existing, !existing.isBroken { return existing }
        let fresh = try await PostgresConnection.connect(configuration: configuration, logger: logger)
        let channels = state.withLock { $0.channels }
        do {
            try await fresh.run { connection in
                for channel in channels { try Self.listen(on: connection, channel: channel) }
            }
        } catch {
            await fresh.close()
            throw error
        }
        let winner = state.withLock { state in
            if let current = state.connection, !current.isBroken { return current }
            state.connection = fresh
            return fresh
        }
        if winner !== fresh { await fresh.close() }
        return winner
    }

    /// `LISTEN` takes no parameters, so the server quotes the channel with `format('%I')`.
    private static func listen(on connection: PostgresConnection, channel: String) throws {
        let statement = try connection.query("SELECT format('LISTEN %I', $1::text)", [channel]).single()
            .decode(0, as: String.self)
        try connection.executeScript(statement)
    }
}

import CLibPQ
import Dispatch
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection (`PGconn*`), confined to its own serial queue and used synchronously there.
///
/// libpq connections are not safe for concurrent use and every call blocks. So the handle is
/// only touched on `queue`: ``run(_:)`` hops there with a continuation, keeping the blocking
/// calls off Swift's cooperative pool, and the synchronous methods (``query(_:_:)``,
/// ``execute(_:_:)``, ``executeScript(_:)``) refuse with `misuse` when called from anywhere else.
/// Inside a ``run(_:)`` closure (or a pool's `withConnection`) call them directly.
///
/// `@unchecked Sendable` because the only mutable state, `handle`, is read and written solely on
/// `queue` (a serial queue owned by this object, checked through a queue-specific key before every
/// use), and `broken` is an atomic; moving the reference between tasks is therefore safe.
public final class PostgresConnection: @unchecked Sendable {
    /// The configuration this connection was opened with.
    public let configuration: PostgresConfiguration
    let logger: Logger
    private let queue: DispatchQueue
    private let queueKey = DispatchSpecificKey<Bool>()
    private var handle: OpaquePointer?
    private let broken = Atomic<Bool>(false)
    /// Server-side prepared statements of this session, by SQL text (touched on `queue` only).
    private var prepared: [String: String] = [:]
    /// At most this many statements are kept prepared per session; SQL text beyond that (text
    /// built at run time) runs unprepared, so the cache cannot grow without bound.
    static let preparedLimit = 300
    /// A transaction's `BEGIN`, not yet sent: it travels with the transaction's first statement
    /// in one round trip (libpq pipeline mode). Touched on `queue` only.
    var pendingBegin: String?
    /// Values remembered for the open transaction (see `memoized`); nil outside `transaction`.
    var transactionMemo: [String: any Sendable]?

    private init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.queue = DispatchQueue(label: "pumpurs.postgres.connection")
        queue.setSpecific(key: queueKey, value: true)
    }

    deinit {
        // Nobody else can hold a reference any more, so touching the handle here is safe.
        if let handle { PQfinish(handle) }
    }

    /// Opens a connection (on its own queue) and sets `search_path` to the configured schema.
    public static func connect(configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresConnection {
        let connection = PostgresConnection(configuration: configuration, logger: logger)
        try await connection.run { try $0.open() }
        return connection
    }

    /// Runs `body` on the connection's own thread and returns its result; the caller's task
    /// suspends meanwhile, so blocking libpq calls never occupy the cooperative pool.
    public func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self) })
            }
        }
    }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() async {
        _ = try? await run { connection in connection.closeHandle() }
    }

    /// True once the connection is known to be unusable (the pool then discards it).
    public var isBroken: Bool { broken.load(ordering: .acquiring) }

    /// Runs a parameterized statement (prepared once per session, text format) and returns its rows.
    public func query(_ sql: String, _ parameters: [any PostgresBindable] = []) throws(PostgresError) -> PostgresRows {
        let handle = try checkedHandle()
        let texts = try PostgresParameters.encode(sql: sql, parameters)
        var copies: [UnsafeMutablePointer<CChar>?] = []
        defer { copies.forEach { free($0) } }
        for text in texts {
            let copy = text.flatMap { strdup($0) }
            if text != nil && copy == nil {
                throw PostgresError(code: .queryFailed, message: "out of memory copying parameters")
            }
            copies.append(copy)
        }
        let pointers = copies.map { UnsafePointer($0) }
        let name = try preparedName(for: sql, parameterCount: texts.count, on: handle)
        if let begin = pendingBegin {
            pendingBegin = nil
            if PQenterPipelineMode(handle) == 1 {
                return try pipelined(begin: begin, sql: sql, name: name, pointers: pointers, on: handle)
            }
            _ = try transactionControl(begin)
        }
        let result = pointers.withUnsafeBufferPointer { buffer in
            if let name {
                PQexecPrepared(handle, name, Int32(texts.count), buffer.baseAddress, nil, nil, 0)
            } else {
                PQexecParams(handle, sql, Int32(texts.count), nil, buffer.baseAddress, nil, nil, 0)
            }
        }
        return try consume(result, sql: sql)
    }

    /// Sends the transaction's `BEGIN` and its first statement together and reads both answers:
    /// one round trip instead of two. Each answer is checked as if it had been sent alone; after
    /// a failure the transaction is left aborted (or not begun) for the caller's `ROLLBACK`.
    /// The connection is in pipeline mode when this is called.
    private func pipelined(begin: String, sql: String, name: String?, pointers: [UnsafePointer<CChar>?],
                           on handle: OpaquePointer) throws(PostgresError) -> PostgresRows {
        let sent = pointers.withUnsafeBufferPointer { buffer -> Bool in
            guard PQsendQueryParams(handle, begin, 0, nil, nil, nil, nil, 0) == 1 else { return false }
            let statement = if let name {
                PQsendQueryPrepared(handle, name, Int32(pointers.count), buffer.baseAddress, nil, nil, 0)
            } else {
                PQsendQueryParams(handle, sql, Int32(pointers.count), nil, buffer.baseAddress, nil, nil, 0)
            }
            return statement == 1 && PQpipelineSync(handle) == 1
        }
        // Every result up to the sync point, then back to ordinary mode.
        var results: [OpaquePointer?] = []
        var synced = false
        if sent {
            var nulls = 0
            while nulls < 2 || !synced {
                guard let result = PQgetResult(handle) else {
                    nulls += 1
                    if PQstatus(handle) == CONNECTION_BAD || nulls > 4 { break }
                    continue
                }
                if PQresultStatus(result) == PGRES_PIPELINE_SYNC { PQclear(result); synced = true; break }
                results.append(result)
            }
        }
        if synced { PQexitPipelineMode(handle) } else { markBroken() }
        defer { for result in results.dropFirst(2) { PQclear(result) } }
        guard sent, synced, results.count >= 2 else {
            for result in results.prefix(2) { PQclear(result) }
            throw failure(nil, kind: Self.statementKind(sql))
        }
        _ = try consume(results[0], sql: begin)
        return try consume(results[1], sql: sql)
    }

    /// Sends a pending `BEGIN` now (before statements that do not go through ``query(_:_:)``).
    func flushPendingBegin() throws(PostgresError) {
        guard let begin = pendingBegin else { return }
        pendingBegin = nil
        _ = try transactionControl(begin)
    }

    /// The name of `sql` prepared on this session, preparing it on first use. Parsing, analysing
    /// and (after a few runs) planning each statement once per session instead of once per call
    /// was the largest single saving of PostgreSQL's time under the pipeline benchmark. Prepared
    /// statements are not transactional: one prepared inside a transaction that rolls back stays
    /// valid. PostgreSQL re-plans them itself when a table they use changes or `search_path` does.
    private func preparedName(for sql: String, parameterCount: Int, on handle: OpaquePointer) throws(PostgresError) -> String? {
        if let name = prepared[sql] { return name }
        guard prepared.count < Self.preparedLimit else { return nil }
        let name = "pumpurs_\(prepared.count + 1)"
        _ = try consume(PQprepare(handle, name, sql, Int32(parameterCount), nil), sql: sql)
        prepared[sql] = name
        return name
    }

    /// Runs a parameterized statement and returns the number of affected rows.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresBindable] = []) throws(PostgresError) -> Int {
        try query(sql, parameters).affectedRows
    }

    /// Runs several `;`-separated statements with `PQexec` and no parameters.
    ///
    /// Only for SQL shipped in code (migration files, fixed DDL); never pass text built from input.
    /// Returns the last statement's result.
    @discardableResult
    public func executeScript(_ sql: String) throws(PostgresError) -> PostgresRows {
        let handle = try checkedHandle()
        try flushPendingBegin()
        _ = try PostgresParameters.encode(sql: sql, [])
        let rows = try consume(PQexec(handle, sql), sql: sql)
        // Scripts are DDL: a statement prepared before a table changed shape would fail with
        // "cached plan must not change result type", so this session starts its cache afresh.
        if !prepared.isEmpty {
            _ = try consume(PQexec(handle, "DEALLOCATE ALL"), sql: "DEALLOCATE ALL")
            prepared.removeAll()
        }
        return rows
    }

    /// Runs a transaction-control statement (`BEGIN …`, `COMMIT`, `ROLLBACK`: fixed text, no
    /// parameters). Unlike ``executeScript(_:)`` it keeps this session's prepared statements:
    /// they outlive transaction ends, and dropping them at every `BEGIN` and `COMMIT` made each
    /// transaction prepare its statements again (two extra round trips per statement).
    @discardableResult
    func transactionControl(_ sql: String) throws(PostgresError) -> PostgresRows {
        let handle = try checkedHandle()
        return try consume(PQexec(handle, sql), sql: sql)
    }

    /// The handle, after checking that we are on the connection's queue and it is still open.
    func checkedHandle() throws(PostgresError) -> OpaquePointer {
        guard DispatchQueue.getSpecific(key: queueKey) == true else {
            throw PostgresError(
                code: .misuse,
                message: "a PostgresConnection was used outside its own thread; use it inside run/withConnection")
        }
        guard let handle, !isBroken else {
            throw PostgresError(code: .connectionLost, message: "the connection is closed or broken")
        }
        return handle
    }

    /// Marks the connection unusable.
    func markBroken() { broken.store(true, ordering: .releasing) }

    private func open() throws(PostgresError) {
        let parameters = configuration.libpqParameters
        let keys = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let keyPointers = keys.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let newHandle = PQconnectdbParams(keyPointers, valuePointers, 0) else {
            throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(newHandle) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(newHandle)) ?? "unknown error"
            PQfinish(newHandle)
            logger.warning("postgres connect failed", metadata: ["db.server": "\(configuration.host):\(configuration.port)"])
            throw PostgresError(code: .connectionFailed, message: "could not connect to PostgreSQL: \(message)")
        }
        // Notices go to stderr by default; they are not errors and must not leak into service output.
        PQsetNoticeProcessor(newHandle, { _, _ in }, nil)
        handle = newHandle
        if let schema = configuration.schema {
            _ = try query("SELECT set_config('search_path', $1, false)", [schema])
        }
        logger.debug("postgres connected", metadata: ["db.server": "\(configuration.host):\(configuration.port)"])
    }

    func closeHandle() {
        if let handle { PQfinish(handle) }
        handle = nil
        prepared.removeAll()
        pendingBegin = nil
        markBroken()
    }

    private func consume(_ result: OpaquePointer?, sql: String) throws(PostgresError) -> PostgresRows {
        let kind = Self.statementKind(sql)
        guard let result else { throw failure(nil, kind: kind) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY else {
            throw failure(result, kind: kind)
        }
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let names = (0..<columnCount).map { Self.text(PQfname(result, Int32($0))) ?? "?column?" }
        let values: [[String?]] = (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) == 1
                    ? nil : Self.text(PQgetvalue(result, Int32(row), Int32(column))) ?? ""
            }
        }
        let affected = Self.text(PQcmdTuples(result)).flatMap { Int($0) } ?? 0
        logger.trace("postgres statement", metadata: ["db.statement.kind": "\(kind)", "db.rows": "\(affected)"])
        return PostgresRows(
            columnNames: names, values: values, affectedRows: affected, commandTag: Self.text(PQcmdStatus(result)) ?? "")
    }

    private func failure(_ result: OpaquePointer?, kind: String) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let ascii = code.asciiValue else { return nil }
            return Self.text(PQresultErrorField(result, Int32(ascii)))
        }
        let connectionMessage = handle.flatMap { Self.text(PQerrorMessage($0)) }
        let message = field("M") ?? result.flatMap { Self.text(PQresultErrorMessage($0)) } ?? connectionMessage
        let lost = handle.map { PQstatus($0) == CONNECTION_BAD } ?? true
        if lost { markBroken() }
        let error = PostgresError(
            code: lost ? .connectionLost : .queryFailed, message: message ?? "unknown libpq error",
            sqlState: field("C"), detail: field("D"), constraint: field("n"))
        logger.debug(
            "postgres statement failed",
            metadata: ["db.statement.kind": "\(kind)", "db.sqlstate": "\(error.sqlState ?? "-")",
                       "db.error.code": "\(error.code)"])
        return error
    }

    /// The first keyword of a statement (`SELECT`, `INSERT`…), safe to log.
    static func statementKind(_ sql: String) -> String {
        let word = sql.drop(while: { $0.isWhitespace }).prefix(while: { $0.isLetter })
        return word.isEmpty ? "OTHER" : word.uppercased()
    }

    static func text(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        let value = String(cString: pointer)
        let trimmed = value.hasSuffix("\n") ? String(value.dropLast()) : value
        return trimmed.isEmpty ? nil : trimmed
    }
}

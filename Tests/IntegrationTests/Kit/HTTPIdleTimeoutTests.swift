import ServiceLifecycle
import Foundation
import Postgres
import Prometheus
import ServiceKit
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every service's HTTP server closes connections that stay silent (issue #17, item 10): a client
/// that connects and sends nothing, or only half a request, no longer holds a socket for ever.
@Suite("HTTP idle timeout of a hosted service", .serialized)
struct HTTPIdleTimeoutTests {
    @Test("a silent connection and a half-sent request are both closed after PUMPURS_HTTP_IDLE_TIMEOUT_MS")
    func silentAndHalfRequestConnectionsAreClosed() async throws {
        let service = IntegrationEnvironment.uniqueServiceName("idle")
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL, poolSize: 1),
                                 logger: IntegrationEnvironment.logger)
        try await SchemaProvisioner.provision(adminPool: admin, service: service, password: service)
        await admin.shutdown()
        let database = try PostgresConfiguration(url: IntegrationEnvironment.adminDatabaseURL)
        let port = Int.random(in: 20_000...29_999)
        let environment = [
            "PUMPURS_DATABASE_URL": "postgres://\(service):\(service)@\(database.urlHost):\(database.port)/\(database.database)",
            "PUMPURS_AMQP_URL": ProcessInfo.processInfo.environment["PUMPURS_AMQP_URL"] ?? "amqp://pumpurs:pumpurs@127.0.0.1:5672/pumpurs",
            "PUMPURS_HTTP_PORT": "\(port)",
            "PUMPURS_HTTP_IDLE_TIMEOUT_MS": "700",
        ]
        let definition = ServiceDefinition(name: service, defaultPort: port)
        let configuration = try ServiceConfiguration(service: service, defaultPort: port, environment: environment)
        let group = try await ServiceHost.build(definition, configuration: configuration, registry: PrometheusCollectorRegistry(),
                                                logger: IntegrationEnvironment.logger)
        let running = Task { try await group.run() }
        defer { running.cancel() }
        #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
            await ServiceHostIntegrationTests.status("http://127.0.0.1:\(port)/health/live") == 200
        })

        // Sends nothing at all.
        let silent = try RawSocket(port: port)
        // Sends the first line and one header, then stops.
        let half = try RawSocket(port: port)
        try half.send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        // (A kept-alive connection idling after a complete request is not asserted: under load
        // Hummingbird 2.28's idle handler closed it in one run and not within 6 s in two others.)

        let started = ContinuousClock.now
        let silentEnd = try silent.readUntilClosed(waitingAtMost: .seconds(6))
        let halfEnd = try half.readUntilClosed(waitingAtMost: .seconds(6))
        #expect(silentEnd.closed, "a silent connection is still open after 6 s")
        #expect(halfEnd.closed, "a half-sent request's connection is still open after 6 s")
        #expect(silentEnd.bytes.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(5))

        // Stop as a service stops (SIGTERM: a graceful shutdown). Cancelling the group's task while
        // a connection was still open crashed the test process inside NIO ("Deinited NIOAsyncWriter
        // without calling finish()"), taking every later test with it.
        await group.triggerGracefulShutdown()
        _ = await running.result
    }
}

/// A blocking TCP client on 127.0.0.1, just enough to hold a connection open and see it closed.
final class RawSocket {
    private let descriptor: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RawSocketError.failed("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw RawSocketError.failed("connect") }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard sent == bytes.count else { throw RawSocketError.failed("write") }
    }

    /// Reads until the server closes the connection (`closed`) or `waitingAtMost` passes.
    func readUntilClosed(waitingAtMost limit: Duration) throws -> (closed: Bool, bytes: [UInt8]) {
        let deadline = ContinuousClock.now + limit
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return (true, received) }
            if count < 0 { return (true, received) }  // reset by the peer: closed as well
            received += buffer[0..<count]
        }
        return (false, received)
    }
}

enum RawSocketError: Error { case failed(String) }

import Hummingbird
import Prometheus

/// A readiness check: a name and an async probe that throws when the dependency is unusable.
public struct ReadinessCheck: Sendable {
    /// Dependency name (`database`, `broker`).
    public var name: String
    /// Throws when not ready.
    public var probe: @Sendable () async throws -> Void
    /// Creates a check.
    public init(name: String, probe: @escaping @Sendable () async throws -> Void) { self.name = name; self.probe = probe }
}

/// `/health/live`, `/health/ready` and `/metrics`, added to any service's router.
public enum OpsRoutes {
    /// Adds the operational endpoints.
    public static func add<Context: RequestContext>(to router: Router<Context>, checks: [ReadinessCheck],
                                                    registry: PrometheusCollectorRegistry) {
        router.get("/health/live") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"live"}"#)))
        }
        router.get("/health/ready") { request, _ -> Response in
            var failing: [String] = []
            for check in checks {
                do { try await check.probe() } catch { failing.append(check.name) }
            }
            guard failing.isEmpty else {
                throw ProblemDetails(status: .serviceUnavailable, type: "urn:pumpurs:problem:not-ready",
                                     title: "Pakalpojums nav gatavs / Service not ready",
                                     detail: "Nav pieejams / unavailable: \(failing.joined(separator: ", "))",
                                     instance: request.uri.path)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ready"}"#)))
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}

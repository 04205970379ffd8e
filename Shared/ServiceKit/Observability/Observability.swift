import Logging
import Metrics
import Prometheus

/// Process-wide logging and metrics set-up; call once from `@main`.
public enum Observability {
    /// Bootstraps swift-log (stderr, redacting personal-code-shaped text, with the service name
    /// in every line) and swift-metrics (Prometheus). Returns the registry `/metrics` serves.
    public static func bootstrap(service: String, level: Logger.Level) -> PrometheusCollectorRegistry {
        LoggingSystem.bootstrap { label in
            var handler = RedactingLogHandler(wrapping: StreamLogHandler.standardError(label: label))
            handler.logLevel = level
            handler[metadataKey: "service"] = .string(service)
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}

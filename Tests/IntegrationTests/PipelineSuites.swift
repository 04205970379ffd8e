import Testing

/// Suites whose services bind queues to the platform's real event types (`plan.submitted`,
/// `plan.validated`, …) on the shared exchange. Run side by side they would receive each other's
/// events, so they run one after another inside this parent; each still filters by its own ids.
@Suite("Pipeline suites (shared event types)", .serialized)
struct PipelineSuites {}

import Foundation

/// Runs a blocking benchmark loop on its own OS thread, off Swift's cooperative pool.
func onOwnThread<T: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.name = name
        thread.start()
    }
}

/// Seconds elapsed while running `body`.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try body()
    let elapsed = ContinuousClock.now - start
    return (value, elapsed.secondsValue)
}

extension Duration {
    /// The duration in (fractional) seconds, for rates.
    var secondsValue: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// A sample event body of realistic size (an envelope of ~400 bytes).
func sampleBody(_ i: Int) -> [UInt8] {
    let id = UUID().uuidString.lowercased()
    let text = #"{"correlationId":"\#(id)","data":{"plan":{"institutionId":"\#(id)","planId":"\#(id)","revision":1,"semester":"2025/2026-1","studentCode":"S-7K2M9Q4XTB"},"seq":\#(i)},"id":"\#(id)","occurredAt":"2026-11-22T19:27:26.123Z","producer":"bench","type":"bench.event","version":"1.0"}"#
    return Array(text.utf8)
}

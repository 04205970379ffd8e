import Contracts
import Foundation

/// The event integration tests send through the kit.
struct TestPing: DomainEvent {
    static let eventType: EventType = "test.ping"
    static let schemaVersion = SchemaVersion(1, 0)
    var seq: Int
}

/// An event no queue is bound to.
struct TestUnroutable: DomainEvent {
    static let eventType: EventType = "test.unroutable"
    static let schemaVersion = SchemaVersion(1, 0)
    var seq: Int
}

/// Counts things across tasks in tests.
final class Tally: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func add(_ key: String, _ n: Int = 1) { lock.lock(); counts[key, default: 0] += n; lock.unlock() }
    func get(_ key: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[key, default: 0] }
}

/// A switch a test flips to "fix" a failing handler.
final class Flag: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var value: Bool
    init(_ value: Bool) { self.value = value }
    var isOn: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ v: Bool) { lock.lock(); value = v; lock.unlock() }
}

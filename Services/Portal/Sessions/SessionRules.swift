import Foundation

/// When a portal session ends on its own: 30 minutes without a request, or 12 hours after
/// sign-in whatever happens (issue #18). Pure.
public struct SessionRules: Sendable, Equatable {
    public var idleLimit: TimeInterval
    public var absoluteLimit: TimeInterval

    public init(idleLimit: TimeInterval = 30 * 60, absoluteLimit: TimeInterval = 12 * 3600) {
        self.idleLimit = idleLimit
        self.absoluteLimit = absoluteLimit
    }

    public enum Verdict: String, Sendable, Equatable {
        case active
        case idle
        case absolute
    }

    public func verdict(createdAt: Date, lastSeenAt: Date, now: Date) -> Verdict {
        if now.timeIntervalSince(createdAt) >= absoluteLimit { return .absolute }
        if now.timeIntervalSince(lastSeenAt) >= idleLimit { return .idle }
        return .active
    }
}

/// A sign-in attempt is usable once, within 10 minutes (a replayed or stale `state` is refused).
public enum SignInAttemptRules {
    public static let lifetime: TimeInterval = 10 * 60

    public static func usable(createdAt: Date, usedAt: Date?, now: Date) -> Bool {
        usedAt == nil && now.timeIntervalSince(createdAt) < lifetime && now >= createdAt.addingTimeInterval(-60)
    }
}

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

/// Where a person may be sent back to after signing in: a path on the portal only (`/plans/…`),
/// never another site (`//evil.example`, `https://…`) and never anything with a scheme. Pure.
public enum ReturnPath {
    public static func safe(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\"), text.count <= 300,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else { return nil }
        return text
    }
}

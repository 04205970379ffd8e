import Foundation

/// How long held staff pay waits after the person's bank account changed (review #17): if the
/// change was not the person's own doing (a stolen session, a mistaken or dishonest finance
/// pair), the email about it reaches them before any money goes to the new account, and they
/// can have it stopped. Pure: the caller gives the change time, the clock and the wait.
public enum PayeeChangeWait {
    /// The default wait: 24 hours (`PUMPURS_PAYOUTS_PAYEE_CHANGE_WAIT_SECONDS`).
    public static let defaultSeconds = 86_400

    /// Whether pay held for the account may be released at `now`. `changedAt` is nil for an account
    /// that has not changed since the person first registered it themselves: nothing to wait for.
    public static func mayRelease(changedAt: Date?, now: Date, wait: Duration) -> Bool {
        guard let from = releaseFrom(changedAt: changedAt, wait: wait) else { return true }
        return now >= from
    }

    /// The moment pay for the account may be released (nil: at once).
    public static func releaseFrom(changedAt: Date?, wait: Duration) -> Date? {
        guard let changedAt else { return nil }
        return changedAt.addingTimeInterval(seconds(wait))
    }

    /// `wait` in seconds (negative durations count as none).
    public static func seconds(_ wait: Duration) -> TimeInterval {
        max(0, Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
    }
}

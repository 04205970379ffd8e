import CivilCalendar
import Foundation

/// The `Date:` header value (RFC 5322 §3.3) in UTC, e.g. `Mon, 23 Nov 2026 05:07:09 +0000`.
///
/// Written out with integer arithmetic because a `DateFormatter` costs an ICU formatter per use:
/// it was the largest single cost of rendering a mail (about a fifth of the notification
/// service's CPU under load).
public enum RFC5322Date {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` (whole seconds, truncated) as an RFC 5322 date-time in UTC.
    public static func format(_ date: Date) -> String {
        let (days, secondOfDay) = CivilDays.split(seconds: Int(date.timeIntervalSince1970.rounded(.down)))
        let (year, month, day) = CivilDays.civil(days: days)
        let weekday = weekdays[((days % 7) + 7) % 7]
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

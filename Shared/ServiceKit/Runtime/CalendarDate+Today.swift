import Foundation
import Rules

extension CalendarDate {
    /// Today's date in UTC (the rules library itself never reads the clock).
    public static func todayUTC(_ now: Date = Date()) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

import Rules

/// The month a work record covers (`2022-10`): one record per person, institution and month,
/// and every entry belongs to the month of its work date.
struct WorkMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int

    /// The month of a work date.
    init(_ date: CalendarDate) {
        year = date.year
        month = date.month
    }

    /// Parses `YYYY-MM` (years 2000–2100); nil for anything else.
    init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), (2000...2100).contains(y), (1...12).contains(m) else { return nil }
        year = y
        month = m
    }

    /// `YYYY-MM`.
    var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1) ?? .unixEpoch }
    var lastDay: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) ?? .unixEpoch
    }

    /// The Mondays of every ISO week that has at least one day in this month (weekly load is
    /// judged per whole week, also when the week straddles two months).
    var weekStarts: [CalendarDate] {
        var weeks: [CalendarDate] = []
        var monday = firstDay.weekStart
        while monday <= lastDay {
            weeks.append(monday)
            guard let next = monday.adding(days: 7) else { break }
            monday = next
        }
        return weeks
    }

    static func < (lhs: WorkMonth, rhs: WorkMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

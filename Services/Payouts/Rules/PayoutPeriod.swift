import Rules

/// The period a compensation is claimed for: a calendar month (`2026-10`) for per-month caps,
/// the plan's semester (`2026/2027-1`) for per-semester caps (DOMAIN.md §5, §7).
public enum PayoutPeriod: Sendable, Hashable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case semester(SemesterRef)

    /// Parses `YYYY-MM` or a semester code.
    public init?(_ text: String) {
        if let semester = SemesterRef(code: text) { self = .semester(semester); return }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        self = .month(year: year, month: month)
    }

    public var description: String {
        switch self {
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .semester(let semester): semester.code
        }
    }

    /// The first and last day of a month period.
    public var monthBounds: (first: CalendarDate, last: CalendarDate)? {
        guard case .month(let year, let month) = self, let first = CalendarDate(year: year, month: month, day: 1),
              let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) else { return nil }
        return (first, last)
    }

    /// The days the period covers: a month's, or a semester's from the calendar.
    public func days(semesters settings: ProgrammeSettings) -> (first: CalendarDate, last: CalendarDate)? {
        switch self {
        case .month: monthBounds
        case .semester(let semester): settings.dates(of: semester).map { ($0.start, $0.end) }
        }
    }

    /// Why `self` cannot be claimed for a measure capped per `capPeriod` on a plan of `semester`
    /// (dates from the settings) on `today`, or nil when it can: a month must overlap the
    /// semester and have begun; a semester period must be the plan's own semester.
    public func problem(capPeriod: CapPeriod, semester: SemesterDates, today: CalendarDate) -> (lv: String, en: String)? {
        switch (self, capPeriod) {
        case (.semester, .month):
            return ("Šim pasākumam limits ir mēnesī: norādiet mēnesi (GGGG-MM).", "This measure is capped per month: give a month (YYYY-MM).")
        case (.month, .semester):
            return ("Šim pasākumam limits ir semestrī: norādiet plāna semestri (\(semester.semester.code)).",
                    "This measure is capped per semester: give the plan's semester (\(semester.semester.code)).")
        case (.semester(let claimed), .semester):
            guard claimed == semester.semester else {
                return ("Periods nav plāna semestris (\(semester.semester.code)).", "The period is not the plan's semester (\(semester.semester.code)).")
            }
            return nil
        case (.month, .month):
            guard let bounds = monthBounds, bounds.last >= semester.start, bounds.first <= semester.end else {
                return ("Mēnesis nav plāna semestrī (\(semester.start)–\(semester.end)).",
                        "The month is not in the plan's semester (\(semester.start)–\(semester.end)).")
            }
            guard bounds.first <= today else {
                return ("Par nākotnes mēnesi kompensāciju nepieprasa.", "Compensation is not claimed for a month that has not begun.")
            }
            return nil
        }
    }
}

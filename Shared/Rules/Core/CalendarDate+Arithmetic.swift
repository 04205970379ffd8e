import CivilCalendar

extension CalendarDate {
    /// Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar.
    public var dayNumber: Int { CivilDays.days(year: year, month: month, day: day) }

    /// The date with the given day number, or `nil` outside years 1...9999.
    public init?(dayNumber: Int) {
        guard dayNumber >= -719_162, dayNumber <= 2_932_896 else { return nil }
        let (year, month, day) = CivilDays.civil(days: dayNumber)
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` later (earlier if negative), or `nil` outside years 1...9999.
    public func adding(days: Int) -> CalendarDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? nil : CalendarDate(dayNumber: sum)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// The Monday that starts this date's ISO week (used as the key for weekly load).
    public var weekStart: CalendarDate {
        CalendarDate(dayNumber: dayNumber - (isoWeekday - 1)) ?? self
    }

    /// Whole years of age on `date` for someone born on `self`; 0 if `date` is before birth.
    ///
    /// Someone born on 29 February becomes a year older on 1 March in common years, because
    /// (month, day) is compared as a pair.
    public func age(on date: CalendarDate) -> Int {
        guard date >= self else { return 0 }
        let birthdayPassed = (date.month, date.day) >= (month, day)
        return date.year - year - (birthdayPassed ? 0 : 1)
    }
}

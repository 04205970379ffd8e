extension CalendarDate {
    /// Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: exact integer arithmetic, no Foundation calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date with the given day number, or `nil` outside years 1...9999.
    public init?(dayNumber: Int) {
        guard dayNumber >= -719_162, dayNumber <= 2_932_896 else { return nil }
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
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

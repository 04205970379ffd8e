/// First or second semester of a school year.
public enum SemesterNumber: Int, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Autumn semester (September–December).
    case first = 1
    /// Spring semester (January–May/June).
    case second = 2

    /// Numeric order.
    public static func < (lhs: SemesterNumber, rhs: SemesterNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A semester of a school year: the unit a plan is made for.
public struct SemesterRef: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year the school year starts in: 2019 means 2019/2020.
    public var schoolYear: Int
    /// First or second semester.
    public var number: SemesterNumber

    /// Creates a semester reference.
    public init(schoolYear: Int, number: SemesterNumber) {
        self.schoolYear = schoolYear
        self.number = number
    }

    /// Chronological order.
    public static func < (lhs: SemesterRef, rhs: SemesterRef) -> Bool {
        (lhs.schoolYear, lhs.number.rawValue) < (rhs.schoolYear, rhs.number.rawValue)
    }

    /// The code APIs and messages use: `2019/2020-2`.
    public var code: String { "\(schoolYear)/\(schoolYear + 1)-\(number.rawValue)" }

    /// Parses a ``code`` (`YYYY/YYYY+1-N`, school years 2000–2100); `nil` for anything else.
    public init?(code text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 1, let n = Int(parts[1]), let number = SemesterNumber(rawValue: n) else { return nil }
        let years = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        guard years.count == 2, years.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }),
              let first = Int(years[0]), let second = Int(years[1]), second == first + 1, (2000...2100).contains(first) else { return nil }
        self.init(schoolYear: first, number: number)
    }

    /// E.g. `2019/2020 II`.
    public var description: String {
        "\(schoolYear)/\(schoolYear + 1) \(number == .first ? "I" : "II")"
    }

    /// The semester in Latvian and English words.
    public var label: LocalizedText {
        LocalizedText(lv: "\(schoolYear)./\(schoolYear + 1). m. g. \(number.rawValue). semestris",
                      en: "school year \(schoolYear)/\(schoolYear + 1), semester \(number.rawValue)")
    }
}

/// The first and last day of one semester (an entry of the semester calendar).
public struct SemesterDates: Codable, Sendable, Hashable {
    /// Which semester.
    public var semester: SemesterRef
    /// First day.
    public var start: CalendarDate
    /// Last day (inclusive).
    public var end: CalendarDate

    /// Creates a calendar entry.
    public init(semester: SemesterRef, start: CalendarDate, end: CalendarDate) {
        self.semester = semester
        self.start = start
        self.end = end
    }

    /// Whether `date` falls within the semester.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Number of days, both ends included (at least 1).
    public var dayCount: Int { max(1, start.days(until: end) + 1) }
}

/// A compensation cap: an amount per period.
public struct CompensationCap: Codable, Sendable, Hashable {
    /// The most that may be paid per period.
    public var amount: Cents
    /// The period the amount applies to.
    public var period: CapPeriod

    /// Creates a cap.
    public init(amount: Cents, period: CapPeriod) {
        self.amount = amount
        self.period = period
    }
}

/// The period a compensation cap applies to.
public enum CapPeriod: String, Codable, Sendable, CaseIterable, Hashable {
    /// Per calendar month.
    case month
    /// Per semester.
    case semester
}

/// An inclusive range of grades (general) or courses (vocational).
public struct GradeRange: Codable, Sendable, Hashable {
    /// Lowest grade or course in the target group.
    public var lowest: Int
    /// Highest grade or course in the target group.
    public var highest: Int

    /// Creates a range.
    public init(lowest: Int, highest: Int) {
        self.lowest = lowest
        self.highest = highest
    }

    /// Whether `value` is within the range.
    public func contains(_ value: Int) -> Bool { lowest <= value && value <= highest }
}

/// The target group that applies from a semester on (seed 002).
public struct TargetGroupRule: Codable, Sendable, Hashable {
    /// First semester the rule applies to.
    public var from: SemesterRef
    /// Grades of general-education programmes.
    public var generalGrades: GradeRange
    /// Courses of vocational programmes.
    public var vocationalCourses: GradeRange

    /// Creates a rule.
    public init(from: SemesterRef, generalGrades: GradeRange, vocationalCourses: GradeRange) {
        self.from = from
        self.generalGrades = generalGrades
        self.vocationalCourses = vocationalCourses
    }
}

/// A limit in minutes that applies from a semester on (e.g. the preparer's paid hours).
public struct MinutesFromSemester: Codable, Sendable, Hashable {
    /// First semester the limit applies to.
    public var from: SemesterRef
    /// The limit in minutes.
    public var minutes: Int

    /// Creates a limit.
    public init(from: SemesterRef, minutes: Int) {
        self.from = from
        self.minutes = minutes
    }
}

/// Hour limits for work records (DOMAIN.md §6).
public enum HoursRules {
    /// Delivered minutes for a plan's measure may not exceed its planned minutes: recording
    /// `recording` more on top of `alreadyDelivered` must stay within `planned`.
    public static func checkDelivery(planned: Int, alreadyDelivered: Int, recording: Int,
                                     path: String = "workRecord.minutes") -> [Finding] {
        let total = clamp(alreadyDelivered) + clamp(recording)
        guard total > clamp(planned) else { return [] }
        let left = max(0, clamp(planned) - clamp(alreadyDelivered))
        return [.error(.hoursDeliveredExceedsPlanned, path,
                       lv: "Sniegtās stundas (\(hours(total))) pārsniegtu plānotās (\(hours(clamp(planned)))); vēl var ierakstīt \(hours(left)).",
                       en: "Delivered hours (\(hours(total))) would exceed the planned (\(hours(clamp(planned)))); \(hours(left)) can still be recorded.")]
    }

    /// The preparer's paid minutes per plan per semester may not exceed the limit in force.
    public static func checkPreparer(alreadyRecorded: Int, recording: Int, semester: SemesterRef,
                                     settings: ProgrammeSettings, path: String = "workRecord.minutes") -> [Finding] {
        let limit = clamp(settings.preparerLimitMinutes(for: semester))
        let total = clamp(alreadyRecorded) + clamp(recording)
        guard total > limit else { return [] }
        return [.error(.hoursPreparerLimit, path,
                       lv: "IAP sagatavotājam par vienu plānu semestrī apmaksā līdz \(hours(limit)); ierakstīts būtu \(hours(total)).",
                       en: "A preparer is paid up to \(hours(limit)) per plan per semester; this would make \(hours(total)).")]
    }

    /// Minutes as `H h MM min` (e.g. `10 h 00 min`).
    public static func hours(_ minutes: Int) -> String {
        let minute = minutes % 60
        return "\(minutes / 60) h \(minute < 10 ? "0" : "")\(minute) min"
    }

    private static func clamp(_ minutes: Int) -> Int { min(max(minutes, 0), 100_000_000) }
}

/// The weekly consultation load from recorded sessions (seed 000 item 18).
public enum WeeklyLoad {
    /// Consultations per ISO week, keyed by the week's Monday, in date order.
    public static func perWeek(sessions: [CalendarDate]) -> [(weekStart: CalendarDate, count: Int)] {
        var counts: [CalendarDate: Int] = [:]
        for session in sessions { counts[session.weekStart, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { (weekStart: $0.key, count: $0.value) }
    }

    /// Findings for every week above the thresholds (the plan's load justification lifts
    /// the error, not the warning).
    public static func check(sessions: [CalendarDate], justification: String?,
                             settings: ProgrammeSettings) -> [Finding] {
        perWeek(sessions: sessions).flatMap { week in
            LoadRules.evaluate(consultations: week.count, days: 7, justification: justification,
                               thresholds: settings.weeklyConsultations, path: "sessions[week \(week.weekStart)]")
        }
    }
}

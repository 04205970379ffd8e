import Rules

/// When work can be recorded: delivered work is recorded after the fact, never ahead of it, and
/// only for days of the plan's semester (recording closes with the semester). The semester's
/// dates come from the operator's settings, not from the plan.
enum RecordingWindow {
    /// The refusal for `workDate` on a plan of `semesterCode`, or nil when the day may be recorded.
    static func check(workDate: CalendarDate, semesterCode: String, today: CalendarDate,
                      settings: ProgrammeSettings) -> Refusal? {
        if workDate > today {
            return .invalid("workDate", "entry.date.future",
                            lv: "Darba datums \(workDate) ir nākotnē: ierakstiet tikai jau sniegtu atbalstu.",
                            en: "The work date \(workDate) is in the future: record only support already delivered.")
        }
        guard let semester = SemesterRef(code: semesterCode), let dates = settings.dates(of: semester) else {
            return .invalid("workDate", RuleID.semesterUnknown.rawValue,
                            lv: "Plāna semestris \(semesterCode) nav semestru kalendārā; sazinieties ar administratoru.",
                            en: "The plan's semester \(semesterCode) is not in the semester calendar; contact the administrator.")
        }
        guard dates.contains(workDate) else {
            return .invalid("workDate", "entry.date.outside_semester",
                            lv: "Darba datumam jābūt plāna semestrī (\(dates.start) – \(dates.end)).",
                            en: "The work date must lie within the plan's semester (\(dates.start) – \(dates.end)).")
        }
        return nil
    }
}

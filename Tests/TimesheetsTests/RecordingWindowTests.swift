@testable import Timesheets
import Rules
import Testing

/// Which days may be recorded: within the plan's semester, never in the future.
@Suite("Month and semester windows")
struct RecordingWindowTests {
    static let settings = ProgrammeSettings.defaults
    static let today = CalendarDate(year: 2022, month: 10, day: 20)!

    func rule(_ date: String, semester: String = "2022/2023-1", today: CalendarDate = today) -> String? {
        RecordingWindow.check(workDate: CalendarDate(iso: date)!, semesterCode: semester, today: today, settings: Self.settings)?.rule
    }

    @Test("the semester's first day and today are inside; the day before the semester and tomorrow are not")
    func boundaries() {
        #expect(rule("2022-09-01") == nil)
        #expect(rule("2022-10-20") == nil)
        #expect(rule("2022-08-31") == "entry.date.outside_semester")
        #expect(rule("2022-10-21") == "entry.date.future")
        #expect(rule("2022-12-31", today: CalendarDate(year: 2023, month: 2, day: 1)!) == nil, "the semester's last day")
        #expect(rule("2023-01-01", today: CalendarDate(year: 2023, month: 2, day: 1)!) == "entry.date.outside_semester")
        #expect(rule("2023-01-01", semester: "2022/2023-2", today: CalendarDate(year: 2023, month: 2, day: 1)!) == nil)
    }

    @Test("a semester the calendar does not list cannot be recorded")
    func unknownSemester() {
        #expect(rule("2022-10-01", semester: "2030/2031-1") == "semester.unknown")
        #expect(rule("2022-10-01", semester: "nonsense") == "semester.unknown")
    }

    @Test("months: parsing, the month of a date, and the ISO weeks touching a month")
    func months() {
        #expect(WorkMonth(text: "2022-10")?.description == "2022-10")
        for bad in ["2022-13", "2022-1", "22-10", "2022-10-01", "", "2022-00", "２０２２-10"] {
            #expect(WorkMonth(text: bad) == nil, "\(bad)")
        }
        #expect(WorkMonth(CalendarDate(year: 2022, month: 2, day: 28)!).description == "2022-02")
        let october = WorkMonth(text: "2022-10")!
        #expect(october.lastDay.iso == "2022-10-31")
        // 1 Oct 2022 is a Saturday: its week starts on 26 Sept; 31 Oct is a Monday.
        #expect(october.weekStarts.map(\.iso) == ["2022-09-26", "2022-10-03", "2022-10-10", "2022-10-17", "2022-10-24", "2022-10-31"])
    }
}

@testable import Timesheets
import Foundation
import Rules
import Testing

/// Weekly load of delivered consultations: warnings only, per ISO week.
@Suite("Weekly load warnings")
struct WeeklyWarningsTests {
    static let plan = UUID()

    func dates(_ days: [String]) -> [CalendarDate] { days.compactMap(CalendarDate.init(iso:)) }

    @Test("two a week pass; three warn; four warn twice (the planning error becomes a warning)")
    func thresholds() {
        let two = WeeklyWarnings.of(plan: Self.plan, sessions: dates(["2022-10-03", "2022-10-05"]), settings: .defaults)
        #expect(two.isEmpty)
        let three = WeeklyWarnings.of(plan: Self.plan, sessions: dates(["2022-10-03", "2022-10-05", "2022-10-09"]), settings: .defaults)
        #expect(three.map(\.rule) == ["load.weekly.warning"])
        #expect(three.first?.weekStart == "2022-10-03" && three.first?.consultations == 3)
        let four = WeeklyWarnings.of(plan: Self.plan, sessions: dates(["2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06"]), settings: .defaults)
        #expect(Set(four.map(\.rule)) == ["load.weekly.warning", "load.weekly.limit"])
        #expect(four.allSatisfy { $0.severity == "warning" })
    }

    @Test("weeks are ISO weeks (Monday to Sunday) and can be limited to some")
    func weeks() {
        // Sunday 9 Oct and Monday 10 Oct are in different weeks: no week has three.
        let split = dates(["2022-10-08", "2022-10-09", "2022-10-10", "2022-10-11"])
        #expect(WeeklyWarnings.of(plan: Self.plan, sessions: split, settings: .defaults).isEmpty)
        let busy = dates(["2022-10-03", "2022-10-04", "2022-10-05", "2022-10-10", "2022-10-11", "2022-10-12"])
        #expect(WeeklyWarnings.of(plan: Self.plan, sessions: busy, settings: .defaults).map(\.weekStart) == ["2022-10-03", "2022-10-10"])
        #expect(WeeklyWarnings.of(plan: Self.plan, sessions: busy, weeks: [CalendarDate(year: 2022, month: 10, day: 10)!],
                                  settings: .defaults).map(\.weekStart) == ["2022-10-10"])
    }

    @Test("the thresholds are the operator's")
    func settings() {
        var settings = ProgrammeSettings.defaults
        settings.weeklyConsultations = WeeklyLoadThresholds(warningAbove: 1, errorAbove: 5)
        #expect(WeeklyWarnings.of(plan: Self.plan, sessions: dates(["2022-10-03", "2022-10-04"]), settings: settings).map(\.rule)
                == ["load.weekly.warning"])
    }
}

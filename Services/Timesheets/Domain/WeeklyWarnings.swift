import Foundation
import Rules

/// A week in which a plan's student received more consultations than recommended.
struct WeeklyWarning: Codable, Sendable, Hashable {
    var planId: UUID
    /// The Monday of the ISO week.
    var weekStart: String
    /// Consultations recorded on the plan that week (every specialist together).
    var consultations: Int
    var rule: String
    /// Always `warning`: the consultations were already delivered, so the load is reported, not refused.
    var severity: String
    var message: String
    var messageEn: String
}

/// The weekly load of delivered consultations (seed 000 item 18) through the rules library's
/// `WeeklyLoad.check`: each recorded consultation entry is one session. Planning treats a load
/// above the upper threshold as an error; for work already delivered both thresholds only warn.
enum WeeklyWarnings {
    /// Warnings for `plan` from its `sessions`, limited to the weeks starting on `weeks` when given.
    static func of(plan: UUID, sessions: [CalendarDate], weeks: Set<CalendarDate>? = nil,
                   settings: ProgrammeSettings) -> [WeeklyWarning] {
        let byWeek = Dictionary(grouping: sessions, by: \.weekStart)
        return byWeek.keys.sorted().filter { weeks?.contains($0) ?? true }.flatMap { week -> [WeeklyWarning] in
            let dates = byWeek[week] ?? []
            return WeeklyLoad.check(sessions: dates, justification: nil, settings: settings).map { finding in
                WeeklyWarning(planId: plan, weekStart: week.iso, consultations: dates.count, rule: finding.ruleId.rawValue,
                              severity: Severity.warning.rawValue, message: finding.message.lv, messageEn: finding.message.en)
            }
        }
    }
}

import Contracts
import Foundation
import Rules

/// One stored entry as the totals need it.
struct RecordedWork: Sendable, Hashable {
    var planId: UUID
    var measureId: UUID?
    var role: EntryRole
    var providerType: String?
    /// The subject the person typed (subject consultations), as stored.
    var subject: String? = nil
    var minutes: Int
    var withdrawn: Bool
    /// The hourly rate of the contract the work was recorded under (nil for work from before contracts).
    var hourlyRateCents: Int64? = nil
}

/// The lines of an approved month (`worklog.approved`) and the month view's totals: minutes
/// summed per plan + measure + role + provider type + contract rate, withdrawn entries left out.
/// The order is fixed (plan, measure, role, provider, rate) so the same record always yields the
/// same message. Each line also counts its sessions (one entry is one delivered session) and, per
/// subject (normalised by `SubjectName`, so a personal code typed as a subject is never
/// published), the sessions that named it: the programme reports the number of consultations
/// (seed 001).
enum WorkLogLines {
    /// The lines for `entries`; `plans` names each plan as messages do (entries of a plan missing
    /// there are left out: the store's foreign key makes that impossible).
    static func lines(_ entries: [RecordedWork], plans: [UUID: PlanReference]) -> [WorkLogLine] {
        struct Key: Hashable { var planId: UUID; var measureId: UUID?; var role: EntryRole; var providerType: String?; var rate: Int64? }
        struct Sum { var minutes = 0; var sessions = 0; var subjects: [String: (sessions: Int, minutes: Int)] = [:] }
        var sums: [Key: Sum] = [:]
        for entry in entries where !entry.withdrawn {
            let key = Key(planId: entry.planId, measureId: entry.measureId, role: entry.role, providerType: entry.providerType,
                          rate: entry.hourlyRateCents)
            var sum = sums[key] ?? Sum()
            sum.minutes += entry.minutes
            sum.sessions += 1
            if let subject = entry.subject.flatMap(SubjectName.normalised) {
                let known = sum.subjects[subject] ?? (0, 0)
                sum.subjects[subject] = (known.sessions + 1, known.minutes + entry.minutes)
            }
            sums[key] = sum
        }
        let ordered = sums.keys.sorted {
            ($0.planId.uuidString, $0.measureId?.uuidString ?? "", $0.role.rawValue, $0.providerType ?? "", $0.rate ?? -1)
                < ($1.planId.uuidString, $1.measureId?.uuidString ?? "", $1.role.rawValue, $1.providerType ?? "", $1.rate ?? -1)
        }
        return ordered.compactMap { key in
            guard let plan = plans[key.planId], let sum = sums[key] else { return nil }
            let subjects = sum.subjects.keys.sorted().map { subject in
                WorkLogSubjectSessions(subject: subject, sessions: sum.subjects[subject]?.sessions ?? 0,
                                       minutes: sum.subjects[subject]?.minutes ?? 0)
            }
            return WorkLogLine(plan: plan, measureId: key.measureId, role: key.role.rawValue, providerType: key.providerType,
                               minutes: sum.minutes, sessions: sum.sessions, subjects: subjects, hourlyRateCents: key.rate)
        }
    }
}

import Contracts
import Foundation

/// One stored entry as the totals need it.
struct RecordedWork: Sendable, Hashable {
    var planId: UUID
    var measureId: UUID?
    var role: EntryRole
    var providerType: String?
    var minutes: Int
    var withdrawn: Bool
    /// The hourly rate of the contract the work was recorded under (nil for work from before contracts).
    var hourlyRateCents: Int64? = nil
}

/// The lines of an approved month (`worklog.approved`) and the month view's totals: minutes
/// summed per plan + measure + role + provider type + contract rate, withdrawn entries left out.
/// The order is fixed (plan, measure, role, provider, rate) so the same record always yields the
/// same message.
enum WorkLogLines {
    /// The lines for `entries`; `plans` names each plan as messages do (entries of a plan missing
    /// there are left out: the store's foreign key makes that impossible).
    static func lines(_ entries: [RecordedWork], plans: [UUID: PlanReference]) -> [WorkLogLine] {
        struct Key: Hashable { var planId: UUID; var measureId: UUID?; var role: EntryRole; var providerType: String?; var rate: Int64? }
        var minutes: [Key: Int] = [:]
        for entry in entries where !entry.withdrawn {
            minutes[Key(planId: entry.planId, measureId: entry.measureId, role: entry.role, providerType: entry.providerType,
                        rate: entry.hourlyRateCents), default: 0] += entry.minutes
        }
        let ordered = minutes.keys.sorted {
            ($0.planId.uuidString, $0.measureId?.uuidString ?? "", $0.role.rawValue, $0.providerType ?? "", $0.rate ?? -1)
                < ($1.planId.uuidString, $1.measureId?.uuidString ?? "", $1.role.rawValue, $1.providerType ?? "", $1.rate ?? -1)
        }
        return ordered.compactMap { key in
            plans[key.planId].map { WorkLogLine(plan: $0, measureId: key.measureId, role: key.role.rawValue,
                                                providerType: key.providerType, minutes: minutes[key] ?? 0, hourlyRateCents: key.rate) }
        }
    }
}

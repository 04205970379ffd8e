import Contracts
import Foundation
import Rules

/// Staff pay from an approved month's work record (DOMAIN.md §6): one payout per plan, paid
/// role and month, whatever number of measures the lines spread over. The role paid is the
/// provider type for specialists and `preparer` for preparers. The rate is the staff contract's,
/// carried on each line (issue #19 item 5); only lines from before contracts fall back to the
/// operator's rate for the role.
public enum StaffPayLines {
    /// One payout to make.
    public struct Payable: Sendable, Hashable {
        public var plan: PlanReference
        public var role: StaffRole
        public var minutes: Int
        public var amount: Cents

        /// `staff:<planId>:<role>:<personId>:<month>`: unique, so a replayed event pays nothing twice.
        public func idempotencyKey(person: UUID, month: String) -> String {
            "staff:\(plan.planId.uuidString.lowercased()):\(role.rawValue):\(person.uuidString.lowercased()):\(month)"
        }
    }

    /// The payables of a work record, or the first finding that stops them (an unknown role or
    /// provider, or no hourly rate for it: the operator sets the rate and replays the message).
    public static func payables(_ lines: [WorkLogLine], settings: ProgrammeSettings) -> Result<[Payable], Finding> {
        var minutes: [Key: (PlanReference, Int)] = [:]
        // Per key: Σ minutes × contract rate (exact, rounded once), and the minutes without a rate.
        var rated: [Key: Int64] = [:]
        var unrated: [Key: Int] = [:]
        var order: [Key] = []
        for line in lines {
            guard let role = role(of: line) else {
                return .failure(.error(.payRateMissing, "lines.role",
                                       lv: "Nezināma loma “\(line.role)”/“\(line.providerType ?? "")”.",
                                       en: "Unknown role “\(line.role)”/“\(line.providerType ?? "")”."))
            }
            let key = Key(planId: line.plan.planId, role: role)
            if minutes[key] == nil { order.append(key) }
            let lineMinutes = max(line.minutes, 0)
            minutes[key, default: (line.plan, 0)].1 += lineMinutes
            if let rate = line.hourlyRateCents, rate > 0 {
                let (product, overflow) = Int64(lineMinutes).multipliedReportingOverflow(by: rate)
                rated[key, default: 0] = overflow ? .max / 2 : min(rated[key, default: 0] + product, .max / 2)
            } else {
                unrated[key, default: 0] += lineMinutes
            }
        }
        var result: [Payable] = []
        for key in order {
            guard let (plan, total) = minutes[key] else { continue }
            var amount = Cents((rated[key, default: 0] + 30) / 60)
            if let rest = unrated[key], rest > 0 {
                switch StaffPay.amount(minutes: rest, role: key.role, settings: settings) {
                case .success(let pay): amount = amount + pay
                case .failure(let finding): return .failure(finding)
                }
            }
            result.append(Payable(plan: plan, role: key.role, minutes: total, amount: amount))
        }
        return .success(result)
    }

    static func role(of line: WorkLogLine) -> StaffRole? {
        switch line.role {
        case "preparer": .preparer
        case "specialist": line.providerType.flatMap(StaffRole.init(rawValue:)).flatMap { $0 == .preparer ? nil : $0 }
        default: nil
        }
    }

    private struct Key: Hashable {
        var planId: UUID
        var role: StaffRole
    }
}

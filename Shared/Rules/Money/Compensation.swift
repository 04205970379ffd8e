/// Capped compensation for an expense claim (DOMAIN.md §7): the claimed amount, capped by
/// the measure's cap minus what was already paid for the same period.
public enum Compensation {
    /// What to pay for one claim.
    public struct Decision: Codable, Sendable, Hashable {
        /// The amount to pay, 0...claimed.
        public var amount: Cents
        /// How much of the claim the cap cut off (claimed − amount).
        public var cappedBy: Cents
        /// What remains under the cap for the period after this payment.
        public var remainingInPeriod: Cents
    }

    /// The payable amount for `claimed`, given the period's `cap` and what was `alreadyPaid`
    /// in that period. Negative inputs count as zero. Integer cents throughout.
    public static func payable(claimed: Cents, cap: Cents, alreadyPaid: Cents) -> Decision {
        let claimed = claimed.clampedToZero
        let room = (cap.clampedToZero - alreadyPaid.clampedToZero).clampedToZero
        let amount = min(claimed, room)
        return Decision(amount: amount, cappedBy: claimed - amount, remainingInPeriod: room - amount)
    }

    /// The decision plus a finding when the cap reduced the claim (warning) or left nothing
    /// to pay (error).
    public static func check(claimed: Cents, measure: MeasureType, alreadyPaid: Cents,
                             settings: ProgrammeSettings, path: String = "claim.amount") -> (Decision, [Finding]) {
        guard let cap = settings.cap(for: measure) else {
            let decision = Decision(amount: .zero, cappedBy: claimed.clampedToZero, remainingInPeriod: .zero)
            return (decision, [.error(.compensationCap, path,
                                      lv: "Pasākumam “\(measure.type.lv)” kompensācija netiek izmaksāta (tas ir stundās).",
                                      en: "“\(measure.type.en)” is not compensated in money (it is delivered in hours).")])
        }
        let decision = payable(claimed: claimed, cap: cap.amount, alreadyPaid: alreadyPaid)
        let period = cap.period == .month ? ("mēnesī", "month") : ("semestrī", "semester")
        if decision.amount == .zero && claimed > .zero {
            return (decision, [.error(.compensationCap, path,
                                      lv: "Limits \(cap.amount) \(period.0) jau izmantots: šajā periodā vairs nevar kompensēt.",
                                      en: "The cap of \(cap.amount) a \(period.1) is used up: nothing more can be paid for this period.")])
        }
        if decision.cappedBy > .zero {
            return (decision, [.warning(.compensationCap, path,
                                        lv: "Izmaksās \(decision.amount) no pieprasītajiem \(claimed.clampedToZero): limits ir \(cap.amount) \(period.0).",
                                        en: "\(decision.amount) of the claimed \(claimed.clampedToZero) will be paid: the cap is \(cap.amount) a \(period.1).")])
        }
        return (decision, [])
    }
}

extension MeasureType {
    /// Shorthand used in messages.
    var type: LocalizedText { label }
}

/// Staff pay from approved work records (DOMAIN.md §6).
public enum StaffPay {
    /// Pay for `minutes` at `hourlyRate`: minutes × rate / 60, rounded half up to the cent
    /// (commercial rounding, as on a payslip). Negative minutes or rates count as zero;
    /// the result saturates instead of overflowing.
    public static func amount(minutes: Int, hourlyRate: Cents) -> Cents {
        let minutes = Int64(max(minutes, 0))
        let rate = max(hourlyRate.value, 0)
        let (product, overflow) = minutes.multipliedReportingOverflow(by: rate)
        if overflow { return Cents(.max / 60) }
        return Cents((product + 30) / 60)
    }

    /// Pay for a role from the operator's rates, or a `pay.rate.missing` finding.
    public static func amount(minutes: Int, role: StaffRole, settings: ProgrammeSettings,
                              path: String = "workRecord") -> Result<Cents, Finding> {
        guard let rate = settings.hourlyRates[role], rate > .zero else {
            return .failure(.error(.payRateMissing, path,
                                   lv: "Lomai “\(role.rawValue)” nav noteikta stundas likme: lūdziet operatoru to iestatīt.",
                                   en: "No hourly rate is set for role “\(role.rawValue)”: ask the operator to set it."))
        }
        return .success(amount(minutes: minutes, hourlyRate: rate))
    }
}

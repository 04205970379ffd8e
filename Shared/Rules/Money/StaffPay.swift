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

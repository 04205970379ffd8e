/// The consultation rule of an emergency (seed 004: from 23 March 2020 consultations continued,
/// "ārkārtējās situācijas laikā – attālināti"): inside a period that covers the plan's
/// institution, a consultation is recorded only if it was given remotely.
public enum EmergencyConsultations {
    /// An error when a consultation on `day` at the institution (`region`, `municipalityId`) is
    /// not remote and some period in `periods` applies there and then; nil when it may be recorded.
    public static func check(day: CalendarDate, remote: Bool, region: String, municipalityId: String?,
                             periods: [EmergencyPeriod]) -> EmergencyFinding? {
        guard !remote, let period = periods.first(where: { $0.applies(on: day, region: region, municipalityId: municipalityId) }) else {
            return nil
        }
        let until = period.end.map { "–\($0.iso)" } ?? "–"
        return .error(.consultationRemoteOnly, "remote",
                      lv: "Ārkārtējās situācijas laikā (\(period.start.iso)\(until)) konsultācijas sniedz tikai attālināti: atzīmējiet, ka konsultācija bija attālināta, vai ierakstiet to pēc ārkārtējās situācijas beigām.",
                      en: "During the emergency (\(period.start.iso)\(until)) consultations are given remotely only: mark the consultation as remote, or record it for a day after the emergency ends.")
    }
}

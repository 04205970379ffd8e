import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// The remote-only rule applied to an entry (seed 004): the decision is the rules' pure
/// ``EmergencyConsultations``; the periods come from the kit's ``EmergencyReplica``.
enum EmergencyPeriods {
    /// A refusal when a consultation on `day` at `institution` is not remote inside an emergency.
    static func check(remote: Bool, on day: CalendarDate, institution: UUID, on connection: PostgresConnection) throws -> Refusal? {
        let periods = try EmergencyReplica.overlapping(from: day, to: day, on: connection)
        guard !periods.isEmpty, let place = try EmergencyReplica.place(of: institution, on: connection) else { return nil }
        return EmergencyConsultations.check(day: day, remote: remote, region: place.region, municipalityId: place.municipalityId,
                                            periods: periods)
            .map { Refusal.invalid($0.path, $0.rule.rawValue, lv: $0.message.lv, en: $0.message.en) }
    }
}

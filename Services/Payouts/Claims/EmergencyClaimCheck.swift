import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// The seed 004 payment rules applied to a claim (issue #19 item 8): during an emergency period in
/// the plan's institution's area, a claim is paid only under one of the period's two exceptions
/// (meals delivered home; a vocational student on placement keeps transport, lodging and meals).
/// The decision is the rules' pure ``EmergencyPayments``; this gathers the facts.
enum EmergencyClaimCheck {
    /// The emergency's finding for the claim (an error refuses it, a warning names the exception
    /// it is paid under), or nil when no period in the area touches the claimed days.
    static func finding(measure: MeasureType, from first: CalendarDate, to last: CalendarDate, deliveredHome: Bool, onPlacement: Bool,
                        plan: PayPlan, on connection: PostgresConnection) throws -> EmergencyFinding? {
        let periods = try EmergencyReplica.overlapping(from: first, to: last, on: connection)
        guard !periods.isEmpty, let place = try EmergencyReplica.place(of: plan.institutionId, on: connection) else { return nil }
        let inArea = periods.filter { period in
            period.applies(on: max(first, period.start), region: place.region, municipalityId: place.municipalityId)
        }
        guard let period = inArea.first else { return nil }
        let kind = try connection.query("SELECT kind FROM replica_institutions WHERE id = $1", [plan.institutionId]).first
            .flatMap { InstitutionKind(rawValue: try $0.decode("kind", as: String.self)) } ?? .general
        let submission = try connection.query("""
            SELECT grade_or_course, first_submitted_on::text AS d FROM plan_submissions WHERE plan_id = $1
            """, [plan.planId]).first
        let facts = EmergencyPayments.Plan(
            institutionKind: kind, gradeOrCourse: try submission?.decode("grade_or_course", as: Int?.self), semester: plan.semester,
            measures: Set(plan.measures.compactMap { MeasureType(rawValue: $0.type) }),
            firstSubmittedOn: (try submission?.decode("d", as: String.self)).flatMap(CalendarDate.init(iso:)))
        let claim = EmergencyPayments.Claim(measure: measure, from: first, to: last, deliveredHome: deliveredHome, onPlacement: onPlacement)
        return EmergencyPayments.decide(claim, plan: facts, period: period).finding
    }
}

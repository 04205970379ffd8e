import Auth
import Contracts
import Foundation
import HTTPTypes
import Postgres
import Rules
import ServiceKit

/// The partner's decisions on an application: award (no error findings, at most what was
/// requested and 4,600 EUR, the competition's budget not exceeded), refuse with a reason, or
/// record that the NGO withdrew it. Each is taken once, from `submitted`; nothing is deleted.
struct YouthDecisions: Sendable {
    let terms: YouthProjectTerms

    /// `POST …/award`: the amount defaults to the amount requested.
    struct AwardInput: Codable, Sendable {
        var awardedCents: Int64?
        var reason: String?
    }

    /// `POST …/refuse` and `POST …/withdraw`.
    struct ReasonInput: Codable, Sendable {
        var reason: String
    }

    func award(_ id: UUID, _ input: AwardInput, by principal: Principal, on connection: PostgresConnection) throws -> YouthApplicationView {
        let application = try lockUndecided(id, by: principal, on: connection)
        let reason = try input.reason.map { try YouthText.text($0, field: "reason", limit: 1000, lv: "Pamatojums", en: "The reason") }
        let requested: Int64 = try application.row.decode("requested_cents")
        let awarded = input.awardedCents ?? requested
        let stored = try JSONDecoder().decode([YouthFinding].self, from: Data(try application.row.decode("findings", as: String.self).utf8))
        let already = try connection.query("""
            SELECT COALESCE(sum(awarded_cents), 0)::bigint AS awarded FROM youth_applications WHERE competition_id = $1 AND state = 'awarded'
            """, [application.competitionId]).single().decode("awarded", as: Int64.self)
        let findings = YouthProjectRules.award(awarded, requested: requested, applicationFindings: stored,
                                               budgetCents: try application.competition.decode("budget_cents"), alreadyAwardedCents: already,
                                               terms: terms)
        if findings.hasErrors { throw Self.problem(findings) }
        try decide(id, state: "awarded", awarded: awarded, reason: reason?.isEmpty == true ? nil : reason, by: principal, on: connection)
        return try YouthApplicationView.load(id, for: principal, on: connection)
    }

    func refuse(_ id: UUID, _ input: ReasonInput, by principal: Principal, on connection: PostgresConnection) throws -> YouthApplicationView {
        try close(id, state: "refused", input, by: principal, on: connection)
    }

    func withdraw(_ id: UUID, _ input: ReasonInput, by principal: Principal, on connection: PostgresConnection) throws -> YouthApplicationView {
        try close(id, state: "withdrawn", input, by: principal, on: connection)
    }

    /// Refused or withdrawn: the reason is required (the NGO is told why).
    private func close(_ id: UUID, state: String, _ input: ReasonInput, by principal: Principal,
                       on connection: PostgresConnection) throws -> YouthApplicationView {
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...1000).contains(reason.count) else {
            throw CommonProblems.invalidField("reason", "youth.decision.reason_required", lv: "Norādiet iemeslu (3–1000 rakstzīmes).",
                                              en: "Give the reason (3–1,000 characters).")
        }
        _ = try lockUndecided(id, by: principal, on: connection)
        try decide(id, state: state, awarded: nil, reason: reason, by: principal, on: connection)
        return try YouthApplicationView.load(id, for: principal, on: connection)
    }

    private func decide(_ id: UUID, state: String, awarded: Int64?, reason: String?, by principal: Principal,
                        on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE youth_applications SET state = $2, awarded_cents = $3, decision_reason = $4, decided_by = $5, decided_at = now() WHERE id = $1
            """, [id, state, awarded, reason, principal.personId])
    }

    /// The competition, then the application, locked in that order (awards are weighed against
    /// the budget one at a time); 403 for a caller who runs no competitions, 404 outside their
    /// partner, 409 when it was decided already.
    private func lockUndecided(_ id: UUID, by principal: Principal, on connection: PostgresConnection) throws
        -> (row: PostgresRow, competition: PostgresRow, competitionId: UUID) {
        let partner = try YouthPartner.require(principal)
        guard let competitionId = try connection.query("SELECT competition_id FROM youth_applications WHERE id = $1", [id]).first?
                .decode("competition_id", as: UUID.self),
              let competition = try YouthCompetitions.lock(competitionId, on: connection),
              try competition.decode("partner_kind", as: String.self) == partner.kind,
              try competition.decode("partner_id", as: UUID.self) == partner.id,
              let row = try connection.query("SELECT * FROM youth_applications WHERE id = $1 FOR UPDATE", [id]).first else {
            throw CommonProblems.notFound("Pieteikums / Application")
        }
        let state: String = try row.decode("state")
        guard state == "submitted" else {
            throw CommonProblems.conflict("youth.application.decided", field: "state", lv: "Par pieteikumu jau lemts (pašlaik: \(state)).",
                                          en: "The application has been decided already (now: \(state)).")
        }
        return (row, competition, competitionId)
    }

    /// 422 listing every error finding of the youth-project rules.
    static func problem(_ findings: [YouthFinding]) -> ProblemDetails {
        ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:youth-project-rules",
                       title: "Neatbilst jauniešu iniciatīvu projektu nosacījumiem / The youth project rules are not met",
                       errors: findings.filter { $0.severity == .error }.map {
                           .init(field: $0.field, rule: $0.rule.rawValue, message: $0.message.lv, messageEn: $0.message.en,
                                 severity: $0.severity.rawValue)
                       })
    }
}

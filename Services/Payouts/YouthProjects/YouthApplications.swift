import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// An NGO's application to a partner's competition, as the partner's coordinator records it
/// (NGOs apply to the partner; they have no account here). It declares how many participants the
/// project plans and how many of them are students at risk: counts only, never who. The rules'
/// findings are stored with it; an application with error findings is kept (and refused with a
/// reason), never awarded.
struct YouthApplications: Sendable {
    let terms: YouthProjectTerms

    /// `POST /payouts/youth/competitions/{competitionId}/applications`.
    struct Input: Codable, Sendable {
        var receivedOn: String
        var organisation: Organisation
        var projectTitle: String
        var requestedCents: Int64
        var startsOn: String
        var endsOn: String
        var participantsPlanned: Int
        var atRiskParticipants: Int
        var nonFormalMethods: String
        var planAlignment: String
        var payee: PayeeInput
    }

    struct Organisation: Codable, Sendable {
        var name: String
        var registrationNumber: String
        var worksWithYouth: Bool
    }

    struct FindingView: Codable, Sendable {
        var rule: String
        var severity: String
        var field: String
        var message: String
        var messageEn: String

        init(_ finding: YouthFinding) {
            rule = finding.rule.rawValue; severity = finding.severity.rawValue; field = finding.field
            message = finding.message.lv; messageEn = finding.message.en
        }
    }

    func register(_ input: Input, competitionId: UUID, by principal: Principal, on connection: PostgresConnection) throws -> YouthApplicationView {
        let partner = try YouthPartner.require(principal)
        guard let competition = try YouthCompetitions.lock(competitionId, on: connection),
              try competition.decode("partner_kind", as: String.self) == partner.kind,
              try competition.decode("partner_id", as: UUID.self) == partner.id else {
            throw CommonProblems.notFound("Konkurss / Competition")
        }
        let received = try YouthText.date(input.receivedOn, field: "receivedOn")
        let name = try YouthText.line(input.organisation.name, field: "organisation.name", range: 2...200,
                                      lv: "Organizācijas nosaukums", en: "The organisation's name")
        let registration = input.organisation.registrationNumber.filter { !$0.isWhitespace }
        guard registration.count == 11, registration.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CommonProblems.invalidField("organisation.registrationNumber", "youth.organisation.registration_number",
                                              lv: "Reģistrācijas numurs: 11 cipari (biedrību un nodibinājumu reģistrs).",
                                              en: "Registration number: 11 digits (register of associations and foundations).")
        }
        let title = try YouthText.line(input.projectTitle, field: "projectTitle", range: 3...200, lv: "Projekta nosaukums", en: "The project's title")
        guard (1...100_000_000).contains(input.requestedCents) else {
            throw CommonProblems.invalidField("requestedCents", "youth.amount.format", lv: "Pieprasītā summa centos: no 1 līdz 100 000 000.",
                                              en: "The requested amount in cents: from 1 to 100,000,000.")
        }
        let starts = try YouthText.date(input.startsOn, field: "startsOn")
        let ends = try YouthText.date(input.endsOn, field: "endsOn")
        for (field, count) in [("participantsPlanned", input.participantsPlanned), ("atRiskParticipants", input.atRiskParticipants)]
        where !(0...100_000).contains(count) {
            throw CommonProblems.invalidField(field, "youth.participants.format", lv: "Dalībnieku skaits: vesels skaitlis no 0 līdz 100 000.",
                                              en: "Number of participants: a whole number from 0 to 100,000.")
        }
        let methods = try YouthText.text(input.nonFormalMethods, field: "nonFormalMethods", limit: 4000,
                                         lv: "Neformālās izglītības metožu apraksts", en: "The description of non-formal methods")
        let alignment = try YouthText.text(input.planAlignment, field: "planAlignment", limit: 4000,
                                           lv: "Atbilstība vidēja termiņa plānam", en: "The alignment with the medium-term plan")
        let (payeeName, iban, bic) = try Payees.checked(input.payee, field: "payee.")

        let facts = YouthProjectRules.Application(
            receivedOn: received, worksWithYouth: input.organisation.worksWithYouth, requestedCents: input.requestedCents, startsOn: starts,
            endsOn: ends, participantsPlanned: input.participantsPlanned, atRiskParticipants: input.atRiskParticipants,
            nonFormalMethods: methods, planAlignment: alignment)
        let call = YouthProjectRules.Call(opensOn: try YouthText.date(try competition.decode("opens_on", as: String.self), field: "opensOn"),
                                          closesOn: try YouthText.date(try competition.decode("closes_on", as: String.self), field: "closesOn"))
        let findings = YouthProjectRules.check(facts, call: call, terms: terms)

        // The NGO's account: a payee of its own, not a school's claimant account.
        let reference = Payees.newReference()
        try connection.execute("INSERT INTO payees (reference, name, iban, bic) VALUES ($1, $2, $3, $4)", [reference, payeeName, iban, bic])
        try connection.execute("INSERT INTO payee_history (reference, name, iban, bic, changed_by) VALUES ($1, $2, $3, $4, $5)",
                               [reference, payeeName, iban, bic, principal.personId])
        let id = UUID.timeOrdered()
        let inserted = try connection.query("""
            INSERT INTO youth_applications (id, competition_id, received_on, organisation_name, registration_number, works_with_youth,
                project_title, requested_cents, starts_on, ends_on, participants_planned, at_risk_participants, non_formal_methods,
                plan_alignment, payee_reference, findings, registered_by)
            VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9::date, $10::date, $11, $12, $13, $14, $15, $16::jsonb, $17)
            ON CONFLICT (competition_id, registration_number, project_title) DO NOTHING RETURNING id
            """, [id, competitionId, received.iso, name, registration, input.organisation.worksWithYouth, title, input.requestedCents,
                  starts.iso, ends.iso, input.participantsPlanned, input.atRiskParticipants, methods, alignment, reference,
                  String(decoding: try JSONResponse.encode(findings), as: UTF8.self), principal.personId])
        guard inserted.first != nil else {
            // The payee row above goes with the rolled-back transaction.
            throw CommonProblems.conflict("youth.application.duplicate", field: "projectTitle",
                                          lv: "Šīs organizācijas projekts ar šādu nosaukumu šajā konkursā jau reģistrēts.",
                                          en: "This organisation's project with this title is already registered in this competition.")
        }
        return try YouthApplicationView.load(id, for: principal, on: connection)
    }

    /// The competition's applications (the caller must see the competition).
    func list(competitionId: UUID, for principal: Principal, page: Pagination, on connection: PostgresConnection) throws -> Page<YouthApplicationView> {
        _ = try YouthCompetitions().view(competitionId, for: principal, on: connection)
        let total: Int64 = try connection.query("SELECT count(*) AS n FROM youth_applications WHERE competition_id = $1", [competitionId])
            .single().decode("n")
        let ids = try connection.query("""
            SELECT id FROM youth_applications WHERE competition_id = $1 ORDER BY registered_at, id LIMIT $2 OFFSET $3
            """, [competitionId, page.limit, page.offset]).map { try $0.decode("id", as: UUID.self) }
        return Page(items: try ids.map { try YouthApplicationView.load($0, for: principal, on: connection) }, total: Int(total),
                    limit: page.limit, offset: page.offset)
    }
}

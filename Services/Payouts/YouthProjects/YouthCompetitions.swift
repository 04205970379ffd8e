import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// A partner's call for youth NGO projects (DOMAIN.md §9b): its title, call period, budget and
/// the partner's medium-term plan the projects must follow. The partner is the caller's own
/// municipality or VPII; what was awarded and paid is read from the applications and the ledger.
struct YouthCompetitions: Sendable {
    /// `POST /payouts/youth/competitions`.
    struct Input: Codable, Sendable {
        var title: String
        var opensOn: String
        var closesOn: String
        var budgetCents: Int64
        var mediumTermPlanReference: String
    }

    struct View: Codable, Sendable {
        var competitionId: UUID
        var partnerKind: String
        var partnerId: UUID
        var title: String
        var opensOn: String
        var closesOn: String
        var budgetCents: Int64
        var mediumTermPlanReference: String
        var applications: Int
        var awardedCents: Int64
        var paidCents: Int64
        var remainingBudgetCents: Int64
        var currency: String
        var createdBy: UUID
        var createdAt: String
    }

    /// The most a competition's budget may be (a partner's whole programme money is far less).
    static let maxBudgetCents: Int64 = 1_000_000_000

    func register(_ input: Input, by principal: Principal, on connection: PostgresConnection) throws -> View {
        let partner = try YouthPartner.require(principal)
        let title = try YouthText.line(input.title, field: "title", range: 3...200, lv: "Konkursa nosaukums", en: "The competition's title")
        let opens = try YouthText.date(input.opensOn, field: "opensOn")
        let closes = try YouthText.date(input.closesOn, field: "closesOn")
        guard closes >= opens else {
            throw CommonProblems.invalidField("closesOn", "youth.competition.call_period", lv: "Konkursa beigu datums nevar būt pirms sākuma datuma.",
                                              en: "The call cannot close before it opens.")
        }
        guard (1...Self.maxBudgetCents).contains(input.budgetCents) else {
            throw CommonProblems.invalidField("budgetCents", "youth.competition.budget_amount", lv: "Budžets centos: no 1 līdz 1 000 000 000.",
                                              en: "The budget in cents: from 1 to 1,000,000,000.")
        }
        let plan = try YouthText.line(input.mediumTermPlanReference, field: "mediumTermPlanReference", range: 3...300,
                                      lv: "Vidēja termiņa plāna atsauce", en: "The medium-term plan reference")
        let id = UUID.timeOrdered()
        let inserted = try connection.query("""
            INSERT INTO youth_competitions (id, partner_kind, partner_id, title, opens_on, closes_on, budget_cents, medium_term_plan, created_by)
            VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, $8, $9) ON CONFLICT (partner_kind, partner_id, title) DO NOTHING RETURNING id
            """, [id, partner.kind, partner.id, title, opens.iso, closes.iso, input.budgetCents, plan, principal.personId])
        guard inserted.first != nil else {
            throw CommonProblems.conflict("youth.competition.duplicate", field: "title", lv: "Jums jau ir konkurss ar šādu nosaukumu.",
                                          en: "You already have a competition with this title.")
        }
        return try view(id, for: principal, on: connection)
    }

    /// The competition with its awarded and paid totals, or 404 outside the caller's scope.
    func view(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> View {
        guard let row = try connection.query("\(Self.select) WHERE c.id = $1", [id]).first else {
            throw CommonProblems.notFound("Konkurss / Competition")
        }
        let view = try Self.view(from: row)
        guard YouthPartner.mayRead(principal, kind: view.partnerKind, id: view.partnerId) else {
            throw CommonProblems.notFound("Konkurss / Competition")
        }
        return view
    }

    /// The caller's partner's competitions (every partner's for IKVD and finance), newest first.
    func list(for principal: Principal, page: Pagination, on connection: PostgresConnection) throws -> Page<View> {
        let partner = YouthPartner.of(principal)
        guard partner != nil || YouthPartner.readers.contains(principal.role) else { throw YouthPartner.notAPartner }
        let condition = "($1::text IS NULL OR (c.partner_kind = $1 AND c.partner_id = $2))"
        let parameters: [any PostgresBindable] = [partner?.kind, partner?.id]
        let total: Int64 = try connection.query("SELECT count(*) AS n FROM youth_competitions c WHERE \(condition)", parameters)
            .single().decode("n")
        let items = try connection.query("\(Self.select) WHERE \(condition) ORDER BY c.created_at DESC, c.id LIMIT $3 OFFSET $4",
                                         parameters + [page.limit, page.offset]).map(Self.view(from:))
        return Page(items: items, total: Int(total), limit: page.limit, offset: page.offset)
    }

    /// Locks the competition (awards are decided one at a time against its budget).
    static func lock(_ id: UUID, on connection: PostgresConnection) throws -> PostgresRow? {
        try connection.query("SELECT * FROM youth_competitions WHERE id = $1 FOR UPDATE", [id]).first
    }

    /// What is awarded counts against the budget; what is paid is the ledger's net for the projects.
    static let select = """
        SELECT c.id, c.partner_kind, c.partner_id, c.title, c.opens_on::text AS opens_on, c.closes_on::text AS closes_on, c.budget_cents,
               c.medium_term_plan, c.created_by, c.created_at,
               (SELECT count(*) FROM youth_applications a WHERE a.competition_id = c.id) AS applications,
               (SELECT COALESCE(sum(a.awarded_cents), 0)::bigint FROM youth_applications a
                 WHERE a.competition_id = c.id AND a.state = 'awarded') AS awarded,
               (SELECT COALESCE(sum(l.amount_cents), 0)::bigint FROM ledger l JOIN youth_applications a ON a.id = l.youth_project_id
                 WHERE a.competition_id = c.id) AS paid
        FROM youth_competitions c
        """

    static func view(from row: PostgresRow) throws -> View {
        let budget: Int64 = try row.decode("budget_cents"), awarded: Int64 = try row.decode("awarded")
        return View(competitionId: try row.decode("id"), partnerKind: try row.decode("partner_kind"), partnerId: try row.decode("partner_id"),
                    title: try row.decode("title"), opensOn: try row.decode("opens_on"), closesOn: try row.decode("closes_on"),
                    budgetCents: budget, mediumTermPlanReference: try row.decode("medium_term_plan"),
                    applications: Int(try row.decode("applications", as: Int64.self)), awardedCents: awarded,
                    paidCents: try row.decode("paid"), remainingBudgetCents: budget - awarded, currency: "EUR",
                    createdBy: try row.decode("created_by"), createdAt: Timestamp.format(try row.decode("created_at", as: Date.self)))
    }
}

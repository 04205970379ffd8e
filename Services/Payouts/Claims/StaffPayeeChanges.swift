import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// A change of someone's staff bank account by finance (review #17): one finance officer
/// proposes it with a reason, and it takes effect only when a second, different finance officer
/// confirms it. The person can always set their own account themselves (`StaffPayees`); this is
/// for when they cannot (no portal access, a paper request). A newer proposal for the same person
/// supersedes a pending one. Proposals are rows: nothing is deleted.
struct StaffPayeeChanges: Sendable {
    let payees: StaffPayees

    /// `POST /finance/staff-payees/{personId}/changes`.
    struct Input: Codable, Sendable {
        var name: String
        var iban: String
        var bic: String?
        var reason: String
    }

    /// A proposal as finance sees it (finance reads full IBANs in its bank files anyway; the
    /// confirming officer must see what they confirm).
    struct View: Codable, Sendable {
        var id: UUID
        var personId: UUID
        var state: String
        var name: String
        var iban: String
        var bic: String?
        /// The account it would replace, masked (nil: none registered yet).
        var currentIbanMasked: String?
        var reason: String
        var proposedBy: UUID
        var proposedAt: String
        var decidedBy: UUID?
        var decidedAt: String?
        /// After confirmation: from when held pay may go to the new account (nil: at once).
        var payReleasedFrom: String?
    }

    func propose(_ personId: UUID, _ input: Input, by principal: Principal, on connection: PostgresConnection) throws -> View {
        let (name, iban, bic) = try Payees.checked(PayeeInput(name: input.name, iban: input.iban, bic: input.bic), field: "")
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...500).contains(reason.count), !StrictJSON.hasForbiddenControl(reason, allowLineBreaks: true) else {
            throw CommonProblems.invalidField("reason", "payee_change.reason", lv: "Norādiet izmaiņu iemeslu (3–500 rakstzīmes).",
                                              en: "Give the reason for the change (3–500 characters).")
        }
        // Only a person the directory knows (payouts' copy of it) has a staff account.
        guard try DirectoryReplica.person(personId, on: connection) != nil else { throw CommonProblems.notFound("Persona / Person") }
        try connection.execute("""
            UPDATE staff_payee_proposals SET state = 'superseded', decided_by = $2, decided_at = now() WHERE person_id = $1 AND state = 'pending'
            """, [personId, principal.personId])
        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO staff_payee_proposals (id, person_id, name, iban, bic, reason, proposed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [id, personId, name, iban, bic, reason, principal.personId])
        return try view(id, on: connection)
    }

    /// Applies a pending proposal; the confirming officer must not be the proposer.
    func confirm(_ id: UUID, by principal: Principal, outbox: OutboxWriter, on connection: PostgresConnection) throws -> View {
        guard let row = try connection.query("SELECT * FROM staff_payee_proposals WHERE id = $1 FOR UPDATE", [id]).first else {
            throw CommonProblems.notFound("Konta izmaiņas / Account change")
        }
        guard try row.decode("state", as: String.self) == "pending" else { throw PayoutsProblems.changeNotPending }
        let proposer: UUID = try row.decode("proposed_by")
        guard proposer != principal.personId else { throw PayoutsProblems.proposerCannotConfirm }
        let personId: UUID = try row.decode("person_id")
        let applied = try payees.apply(personId, name: try row.decode("name"), iban: try row.decode("iban"), bic: try row.decode("bic"),
                                       change: StaffPayees.Change(by: proposer, via: "finance", confirmedBy: principal.personId,
                                                                  proposalId: id, reason: try row.decode("reason")),
                                       outbox: outbox, on: connection)
        try connection.execute("UPDATE staff_payee_proposals SET state = 'confirmed', decided_by = $2, decided_at = now() WHERE id = $1",
                               [id, principal.personId])
        var view = try view(id, on: connection)
        view.payReleasedFrom = applied.payReleasedFrom
        return view
    }

    /// Pending proposals, oldest first (what a second officer has to look at).
    func pending(on connection: PostgresConnection) throws -> [View] {
        try connection.query("SELECT id FROM staff_payee_proposals WHERE state = 'pending' ORDER BY proposed_at, id LIMIT 500")
            .map { try view(try $0.decode("id"), on: connection) }
    }

    private func view(_ id: UUID, on connection: PostgresConnection) throws -> View {
        let row = try connection.query("""
            SELECT s.*, e.iban AS current_iban FROM staff_payee_proposals s LEFT JOIN payees e ON e.person_id = s.person_id WHERE s.id = $1
            """, [id]).single()
        return View(id: try row.decode("id"), personId: try row.decode("person_id"), state: try row.decode("state"), name: try row.decode("name"),
                    iban: try row.decode("iban"), bic: try row.decode("bic"),
                    currentIbanMasked: try row.decode("current_iban", as: String?.self).map(IBAN.masked), reason: try row.decode("reason"),
                    proposedBy: try row.decode("proposed_by"), proposedAt: Timestamp.format(try row.decode("proposed_at", as: Date.self)),
                    decidedBy: try row.decode("decided_by"), decidedAt: try row.decode("decided_at", as: Date?.self).map(Timestamp.format),
                    payReleasedFrom: nil)
    }
}

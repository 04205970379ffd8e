import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// A staff member's bank account for their pay (review #17: pay could be redirected).
///
/// - Only the person sets their own account (`PUT /payouts/payees/staff/{personId}`). Anyone
///   else's change goes through finance and a second finance officer (`StaffPayeeChanges`).
/// - Every registration or change is audited (`staff_payee_audit`: who, when, old and new IBAN
///   masked, why) and announced (`payout.staff_payee_changed`, masked) so the person is emailed.
/// - When the IBAN changes, held pay waits `PayeeChangeWait` before it goes to the new account
///   (the periodic `releaseDue` sweep releases it). A first registration by the person themselves
///   does not wait: there is no earlier account to divert pay from, only the person can make it,
///   and a wait would merely delay a new staff member's first pay (they are emailed all the same).
///   A first registration by finance (someone else) waits like a change.
struct StaffPayees: Sendable {
    let book: PayoutBook

    struct View: Codable, Sendable {
        var personId: UUID
        var payeeReference: String
        var ibanMasked: String
        /// From when held pay may be released to this account (nil: at once).
        var payReleasedFrom: String?
        /// This person's held payouts that were released (or voided) now that the account is known.
        var settledPayouts: Int
    }

    /// Who changes an account, and why (for the audit row and the event).
    struct Change: Sendable {
        var by: UUID
        /// `self` or `finance`.
        var via: String
        var confirmedBy: UUID?
        var proposalId: UUID?
        var reason: String

        static func own(_ personId: UUID) -> Change {
            Change(by: personId, via: "self", confirmedBy: nil, proposalId: nil,
                   reason: "Persona norādīja savu kontu / The person set their own account")
        }
    }

    func register(_ personId: UUID, _ input: PayeeInput, by principal: Principal, outbox: OutboxWriter,
                  on connection: PostgresConnection) throws -> View {
        guard principal.personId == personId else { throw PayoutsProblems.ownAccountOnly }
        let (name, iban, bic) = try Payees.checked(input, field: "")
        return try apply(personId, name: name, iban: iban, bic: bic, change: .own(personId), outbox: outbox, on: connection)
    }

    /// Stores checked details for the person (unchanged details change nothing), audits and
    /// announces a change, then settles the person's held pay.
    func apply(_ personId: UUID, name: String, iban: String, bic: String?, change: Change, outbox: OutboxWriter,
               on connection: PostgresConnection) throws -> View {
        try Payees.lockStaffMember(personId, on: connection)
        let current = try connection.query("SELECT reference, name, iban, bic FROM payees WHERE person_id = $1 FOR UPDATE", [personId]).first
        let reference: String
        var oldIban: String?
        var changed = true
        if let current {
            reference = try current.decode("reference")
            oldIban = try current.decode("iban")
            changed = try current.decode("name", as: String.self) != name || oldIban != iban || (try current.decode("bic", as: String?.self)) != bic
            if changed {
                try connection.execute("""
                    UPDATE payees SET name = $2, iban = $3, bic = $4, updated_at = now(),
                        account_changed_at = CASE WHEN iban = $3 THEN account_changed_at ELSE now() END
                    WHERE reference = $1
                    """, [reference, name, iban, bic])
            }
        } else {
            reference = Payees.newReference()
            try connection.execute("""
                INSERT INTO payees (reference, person_id, name, iban, bic, account_changed_at)
                VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN NULL ELSE now() END)
                """, [reference, personId, name, iban, bic, change.via == "self"])
        }
        let stored = try connection.query("SELECT account_changed_at, now() AS at FROM payees WHERE reference = $1", [reference]).single()
        let now: Date = try stored.decode("at")
        let releaseFrom = PayeeChangeWait.releaseFrom(changedAt: try stored.decode("account_changed_at", as: Date?.self), wait: book.payeeChangeWait)
            .flatMap { $0 > now ? $0 : nil }
        if changed {
            try record(personId, reference: reference, name: name, iban: iban, bic: bic, oldIban: oldIban, change: change, at: now,
                       releaseFrom: releaseFrom, outbox: outbox, on: connection)
        }
        let settled = try settleHeld(personId, outbox: outbox, on: connection)
        return View(personId: personId, payeeReference: reference, ibanMasked: IBAN.masked(iban),
                    payReleasedFrom: releaseFrom.map(Timestamp.format), settledPayouts: settled)
    }

    /// History (full details, for finance), audit (masked) and the event for the person's email.
    private func record(_ personId: UUID, reference: String, name: String, iban: String, bic: String?, oldIban: String?, change: Change,
                        at now: Date, releaseFrom: Date?, outbox: OutboxWriter, on connection: PostgresConnection) throws {
        try connection.execute("INSERT INTO payee_history (reference, name, iban, bic, changed_by) VALUES ($1, $2, $3, $4, $5)",
                               [reference, name, iban, bic, change.by])
        let oldMasked = oldIban.map(IBAN.masked), newMasked = IBAN.masked(iban)
        try connection.execute("""
            INSERT INTO staff_payee_audit (person_id, reference, action, old_iban_masked, new_iban_masked, changed_by, confirmed_by,
                                           proposal_id, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, [personId, reference, oldIban == nil ? "registered" : "changed", oldMasked, newMasked, change.by, change.confirmedBy,
                  change.proposalId, change.reason])
        try outbox.enqueue(StaffPayeeChanged(personId: personId, payeeReference: reference, oldIbanMasked: oldMasked,
                                             newIbanMasked: newMasked, changedBy: change.by, changedVia: change.via,
                                             confirmedBy: change.confirmedBy, changedAt: now, payReleasedFrom: releaseFrom),
                           on: connection)
    }

    /// Applies the release policy to the person's held pay; returns how many left `held`.
    /// The staff lock must be held (it comes before any plan lock).
    func settleHeld(_ personId: UUID, outbox: OutboxWriter, on connection: PostgresConnection) throws -> Int {
        let plans = try connection.query("SELECT DISTINCT plan_id FROM payouts WHERE person_id = $1 AND state = 'held' ORDER BY plan_id",
                                         [personId]).map { try $0.decode("plan_id", as: UUID.self) }
        let heldBefore = try Self.held(personId, on: connection)
        for planId in plans {
            guard let plan = try PayPlan.lock(planId, on: connection) else { continue }
            try book.settle(plan: plan, outbox: outbox, on: connection)
        }
        return heldBefore - (try Self.held(personId, on: connection))
    }

    private static func held(_ personId: UUID, on connection: PostgresConnection) throws -> Int {
        Int(try connection.query("SELECT count(*) AS n FROM payouts WHERE person_id = $1 AND state = 'held'", [personId]).single()
            .decode("n", as: Int64.self))
    }

    /// The periodic sweep: releases held staff pay whose account's waiting period is over. Every
    /// instance runs it; the staff lock and the payouts' row locks make concurrent runs harmless
    /// (a payout already released is no longer `held`). Returns the payouts settled.
    func releaseDue(producer: String, pool: PostgresPool) async throws -> Int {
        let seconds = PayeeChangeWait.seconds(book.payeeChangeWait)
        let people = try await pool.withConnection { connection in
            try connection.query("""
                SELECT DISTINCT p.person_id FROM payouts p JOIN payees e ON e.person_id = p.person_id
                WHERE p.state = 'held' AND p.hold_reason = 'payee_change_waiting'
                  AND e.account_changed_at <= now() - make_interval(secs => $1::float8) LIMIT 500
                """, [seconds]).map { try $0.decode("person_id", as: UUID.self) }
        }
        var settled = 0
        for person in people {
            settled += try await pool.withTransaction { connection in
                try Payees.lockStaffMember(person, on: connection)
                return try settleHeld(person, outbox: OutboxWriter(producer: producer, correlationId: UUID.timeOrdered()), on: connection)
            }
        }
        return settled
    }
}

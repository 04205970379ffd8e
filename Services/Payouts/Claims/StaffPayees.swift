import Auth
import Foundation
import Postgres
import ServiceKit

/// A staff member's bank details: registered by the person or by a coordinator of an
/// institution they work in; held staff pay waiting for them is settled at once.
struct StaffPayees: Sendable {
    struct View: Codable, Sendable {
        var personId: UUID
        var payeeReference: String
        /// This person's held payouts that were released (or voided) now that the account is known.
        var settledPayouts: Int
    }

    func register(_ personId: UUID, _ input: PayeeInput, by principal: Principal, outbox: OutboxWriter,
                  on connection: PostgresConnection) throws -> View {
        guard try allowed(principal, for: personId, on: connection) else {
            throw CommonProblems.notFound("Persona / Person")
        }
        try Payees.lockStaffMember(personId, on: connection)
        let reference = try Payees().staff(personId, input, by: principal.personId, on: connection)
        let plans = try connection.query("SELECT DISTINCT plan_id FROM payouts WHERE person_id = $1 AND state = 'held' ORDER BY plan_id",
                                         [personId]).map { try $0.decode("plan_id", as: UUID.self) }
        let heldBefore = try Self.held(personId, on: connection)
        let book = PayoutBook()
        for planId in plans {
            guard let plan = try PayPlan.lock(planId, on: connection) else { continue }
            try book.settle(plan: plan, outbox: outbox, on: connection)
        }
        return View(personId: personId, payeeReference: reference, settledPayouts: heldBefore - (try Self.held(personId, on: connection)))
    }

    private static func held(_ personId: UUID, on connection: PostgresConnection) throws -> Int {
        Int(try connection.query("SELECT count(*) AS n FROM payouts WHERE person_id = $1 AND state = 'held'", [personId]).single()
            .decode("n", as: Int64.self))
    }

    /// The person themselves, or an institution coordinator of an institution where the
    /// person holds a role (from the directory copy).
    private func allowed(_ principal: Principal, for personId: UUID, on connection: PostgresConnection) throws -> Bool {
        if principal.personId == personId { return true }
        guard principal.role == .institutionCoordinator, case .institution(let institution) = principal.scope else { return false }
        return try connection.query("""
            SELECT 1 FROM replica_assignments WHERE person_id = $1 AND scope_kind = 'institution' AND scope_id = $2 AND NOT revoked
            """, [personId, institution]).first != nil
    }
}

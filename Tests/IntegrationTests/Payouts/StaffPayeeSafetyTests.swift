import AMQP
import Auth
import Contracts
import Foundation
import Payouts
import Postgres
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Security review #17, item 1: staff pay cannot be redirected. Only the person sets their own
    /// account; finance's change needs a second finance officer; every change is mailed (masked)
    /// and audited; pay held for a changed account waits; claimant accounts are per institution.
    @Suite("Payouts: staff bank accounts cannot be redirected (review #17)")
    struct StaffPayeeSafetyTests {
        static let first = "LV80BANK0000435195001"
        static let second = "LV97HABA0012345678910"

        /// A person the directory knows, working at the harness's school with `role`.
        static func staffMember(_ harness: PayoutsHarness, role: String = "specialist") async throws -> UUID {
            let person = UUID()
            try await harness.upstream.publish(PersonRegistered(personId: person, name: "Mārtiņš Egle", email: "martins@ludza.lv", language: "lv"),
                                               producer: "intake")
            try await harness.upstream.publish(RoleAssigned(assignment: RoleAssignmentChanged(
                assignmentId: UUID(), personId: person, role: role, scopeKind: "institution", scopeId: harness.school, scopeName: nil,
                assignedBy: UUID())), producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM replica_assignments WHERE person_id = $1", [person])) == 1
            })
            return person
        }

        static func account(_ iban: String, name: String = "Mārtiņš Egle") -> String { #"{"name":"\#(name)","iban":"\#(iban)"}"# }

        static func storedIBAN(_ harness: PayoutsHarness, _ person: UUID) async throws -> String? {
            try await harness.host.pool.withConnection {
                try $0.query("SELECT iban FROM payees WHERE person_id = $1", [person]).first?.decode("iban", as: String.self)
            }
        }

        @Test("a coordinator of the person's school can no longer set their bank account; the person can")
        func onlyThePerson() async throws {
            let harness = try await PayoutsHarness.start()
            let person = try await Self.staffMember(harness)
            let coordinator = try await harness.token(.institutionCoordinator)
            let redirected = try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", coordinator, Self.account(Self.first))
            #expect(redirected.status == 403, "\(redirected.body)")
            #expect(redirected.body.contains("payee.own_account_only"), "\(redirected.body)")
            #expect(try await Self.storedIBAN(harness, person) == nil)
            let finance = try await harness.token(.finance)
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", finance, Self.account(Self.first)).status == 403,
                    "finance proposes instead (two people)")
            let own = try await harness.token(.specialist, person: person)
            let registered = try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.first))
            #expect(registered.status == 200, "\(registered.body)")
            #expect(try await Self.storedIBAN(harness, person) == Self.first)
            await harness.stop()
        }

        @Test("finance's change waits for a second, different finance officer; the proposer cannot confirm it")
        func financeFourEyes() async throws {
            let harness = try await PayoutsHarness.start()
            let person = try await Self.staffMember(harness)
            let own = try await harness.token(.specialist, person: person)
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.first)).status == 200)
            let proposerId = UUID(), confirmerId = UUID()
            let proposer = try await harness.token(.finance, person: proposerId)
            let confirmer = try await harness.token(.finance, person: confirmerId)

            let proposed = try await harness.client.send("POST", "/finance/staff-payees/\(person)/changes", proposer,
                                                         #"{"name":"Mārtiņš Egle","iban":"\#(Self.second)","reason":"Persona iesniedza iesniegumu papīrā"}"#)
            #expect(proposed.status == 201, "\(proposed.body)")
            #expect(proposed.json["state"] as? String == "pending")
            let changeId = try #require(proposed.json["id"] as? String)
            #expect(try await Self.storedIBAN(harness, person) == Self.first, "nothing changes before a second person confirms")
            #expect(try await harness.client.send("POST", "/finance/staff-payee-changes/\(changeId)/confirm", try await harness.token(.institutionCoordinator),
                                                  "{}").status == 403)

            let own2 = try await harness.client.send("POST", "/finance/staff-payee-changes/\(changeId)/confirm", proposer, "{}")
            #expect(own2.status == 403 && own2.body.contains("payee_change.same_person"), "\(own2.body)")
            #expect(try await Self.storedIBAN(harness, person) == Self.first)

            let pending = try await harness.client.send("GET", "/finance/staff-payee-changes", confirmer)
            #expect(pending.status == 200 && pending.body.lowercased().contains(changeId.lowercased()), "\(pending.body)")
            let confirmed = try await harness.client.send("POST", "/finance/staff-payee-changes/\(changeId)/confirm", confirmer, "{}")
            #expect(confirmed.status == 200, "\(confirmed.body)")
            #expect(confirmed.json["state"] as? String == "confirmed")
            #expect(try await Self.storedIBAN(harness, person) == Self.second)
            #expect(try await harness.client.send("POST", "/finance/staff-payee-changes/\(changeId)/confirm", confirmer, "{}").status == 409,
                    "confirmed once")
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM staff_payee_audit WHERE person_id = $1 AND changed_by = $2 AND confirmed_by = $3
                  AND reason = 'Persona iesniedza iesniegumu papīrā' AND old_iban_masked LIKE '%5001' AND new_iban_masked LIKE '%8910'
                """, [person, proposerId, confirmerId]) == 1)
            await harness.stop()
        }

        @Test("every change is announced for the person's email (masked IBANs only) and audited: who, when, old, new, why")
        func mailedAndAudited() async throws {
            let harness = try await PayoutsHarness.start()
            let person = try await Self.staffMember(harness)
            let own = try await harness.token(.specialist, person: person)
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.first)).status == 200)
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.second)).status == 200)
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.second)).status == 200,
                    "the same details again change nothing")
            let payloads = try await harness.host.pool.withConnection { connection in
                try connection.query("""
                    SELECT convert_from(body, 'UTF8') AS text FROM outbox WHERE event_type = 'payout.staff_payee_changed' ORDER BY id
                    """).map { try $0.decode("text", as: String.self) }
            }
            #expect(payloads.count == 2, "\(payloads)")
            #expect(payloads.first?.contains("LV** **** **** **** *5001") == true, "\(payloads)")
            #expect(payloads.last?.contains("LV** **** **** **** *5001") == true && payloads.last?.contains("LV** **** **** **** *8910") == true,
                    "\(payloads)")
            #expect(!payloads.joined().contains(Self.first) && !payloads.joined().contains(Self.second), "never the full IBAN")
            #expect(payloads.allSatisfy { $0.contains(person.uuidString.lowercased()) || $0.contains(person.uuidString) })
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM staff_payee_audit WHERE person_id = $1 AND changed_by = $1 AND changed_at IS NOT NULL AND reason <> ''
                """, [person]) == 2)
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM staff_payee_audit WHERE person_id = $1 AND action = 'changed'
                  AND old_iban_masked = 'LV** **** **** **** *5001' AND new_iban_masked = 'LV** **** **** **** *8910'
                """, [person]) == 1)
            await harness.stop()
        }

        @Test("pay held for a changed account waits out the waiting period, then is released to the new account")
        func changedAccountWaits() async throws {
            let harness = try await PayoutsHarness.start()
            let plan = try await harness.startedPlan()
            try await harness.approve(plan)
            let person = try await Self.staffMember(harness)
            let own = try await harness.token(.specialist, person: person)
            // A first registration by the person themselves releases what was held at once.
            try await harness.upstream.publish(PayoutsFinanceTests.workLog(plan, person: person, month: "2022-09"), producer: "timesheets")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1", [person])) == 1
            })
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.first)).status == 200)
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND state = 'released'", [person]) == 1)

            // The account changes; the next month's pay waits, even though the plan is approved.
            #expect(try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, Self.account(Self.second)).status == 200)
            try await harness.upstream.publish(PayoutsFinanceTests.workLog(plan, person: person, month: "2022-10"), producer: "timesheets")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1", [person])) == 2
            })
            try await Task.sleep(for: .seconds(3))   // several sweeps
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM payouts WHERE person_id = $1 AND period = '2022-10' AND state = 'held' AND hold_reason = 'payee_change_waiting'
                """, [person]) == 1)

            // A day later (the change's time moved back), the sweep releases it to the new account.
            _ = try await harness.host.pool.withConnection {
                try $0.execute("UPDATE payees SET account_changed_at = account_changed_at - interval '25 hours' WHERE person_id = $1", [person])
            }
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND state = 'released'", [person])) == 2
            })
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND period = '2022-10' AND payee_iban = $2",
                                                  [person, Self.second]) == 1)
            await harness.stop()
        }

        @Test("a claim from another school with the same IBAN does not rename this school's payee")
        func claimPayeesPerInstitution() async throws {
            let harness = try await PayoutsHarness.start()
            let otherSchool = UUID()
            try await harness.upstream.publish(InstitutionRegistered(institutionId: otherSchool, name: "Ludzas 1. vidusskola", kind: "general",
                                                                     founder: "municipal", municipalityId: harness.municipality, region: "Latgale"),
                                               producer: "intake")
            let otherPlan = PayoutsHarness.TestPlan(reference: PlanReference(planId: UUID(), revision: 1, studentCode: "S-OTHER\(UUID().uuidString.prefix(4))",
                                                                             institutionId: otherSchool, semester: PayoutsHarness.semester))
            try await harness.recordConsent(otherPlan)
            try await harness.upstream.publish(PlanImplementationMayStart(plan: otherPlan.reference, measures: otherPlan.measures), producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM pay_plans WHERE plan_id = $1 AND consent_on_file",
                                                [otherPlan.reference.planId])) == 1
            })
            let plan = try await harness.startedPlan()
            let preparer = try await harness.token(.preparer)
            let ours = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 1000)
            #expect(ours.status == 201, "\(ours.body)")
            let ourPayee = try #require(ours.json["payeeReference"] as? String)

            // A preparer of the other school, as the directory says.
            let otherPreparerId = UUID()
            try await harness.upstream.publish(RoleAssigned(assignment: RoleAssignmentChanged(
                assignmentId: UUID(), personId: otherPreparerId, role: "preparer", scopeKind: "institution", scopeId: otherSchool,
                scopeName: nil, assignedBy: UUID())), producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM replica_assignments WHERE person_id = $1", [otherPreparerId])) == 1
            })
            let otherPreparer = try await harness.minter.mint(personId: otherPreparerId, role: .preparer, scope: .institution(otherSchool))
            let receipt = try await harness.client.send("POST", "/payouts/receipts", otherPreparer, bytes: PayoutsHarness.pdf + Array(UUID().uuidString.utf8),
                                                        contentType: "application/pdf")
            let theirs = try await harness.client.send("POST", "/payouts/claims", otherPreparer, """
                {"planId":"\(otherPlan.reference.planId)","measureId":"\(otherPlan.meals)","period":"2022-10","amountCents":1000,
                 "description":"Pusdienas skolas ēdnīcā","receiptId":"\(receipt.json["id"] as? String ?? "")",
                 "payee":{"name":"Kāds Cits","iban":"LV80BANK0000435195001"}}
                """)
            #expect(theirs.status == 201, "\(theirs.body)")
            #expect(theirs.json["payeeReference"] as? String != ourPayee, "each school has its own payee for the account")
            let name = try await harness.host.pool.withConnection {
                try $0.query("SELECT name FROM payees WHERE reference = $1", [ourPayee]).single().decode("name", as: String.self)
            }
            #expect(name == "Anna Bērziņa", "this school's payee keeps its name")
            await harness.stop()
        }
    }
}

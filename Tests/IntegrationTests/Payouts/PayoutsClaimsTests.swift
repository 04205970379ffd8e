import Auth
import Contracts
import Foundation
import Postgres
import TestSupport
import Testing

extension PipelineSuites {
    /// Expense claims against the real payouts service: the cap per period (at, below, above),
    /// per-month against per-semester periods, held until approval then released, voided by
    /// revoked consent or suspension, and the same claim twice paying once.
    @Suite("Payouts: expense claims, caps and release")
    struct PayoutsClaimsTests {
        @Test("meals are capped at 70 EUR a month: below, at, above and after the cap")
        func monthlyCap() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()

            let below = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 3000)
            #expect(below.status == 201, "\(below.body)")
            #expect(Self.payout(below)["amountCents"] as? Int == 3000)
            #expect(Self.payout(below)["state"] as? String == "held")
            #expect(Self.payout(below)["holdReason"] as? String == "plan_not_approved")

            let at = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 4000)
            #expect(Self.payout(at)["amountCents"] as? Int == 4000)
            #expect(Self.payout(at)["cappedByCents"] as? Int == 0)
            #expect((at.json["findings"] as? [Any])?.isEmpty == true)

            // Nothing left this month: refused with the rule, and nothing written.
            let claimsBefore = try await harness.host.scalar("SELECT count(*) FROM claims")
            let after = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 1)
            #expect(after.status == 422, "\(after.body)")
            #expect(after.body.contains("compensation.cap"))
            #expect(try await harness.host.scalar("SELECT count(*) FROM claims") == claimsBefore)

            // Another month has its own cap; a claim above it is paid up to it and says so.
            let above = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-11", cents: 9050)
            #expect(above.status == 201, "\(above.body)")
            #expect(Self.payout(above)["amountCents"] as? Int == 7000)
            #expect(Self.payout(above)["cappedByCents"] as? Int == 2050)
            let findings = above.json["findings"] as? [[String: Any]] ?? []
            #expect(findings.first?["rule"] as? String == "compensation.cap")
            #expect(findings.first?["severity"] as? String == "warning")
            await harness.stop()
        }

        @Test("personal items are capped per semester; a month is refused for them and a semester for meals")
        func semesterCap() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            let month = try await harness.claim(preparer, plan: plan, measure: plan.items, period: "2022-10", cents: 1000)
            #expect(month.status == 422 && month.body.contains("claim.period"), "\(month.body)")
            let first = try await harness.claim(preparer, plan: plan, measure: plan.items, period: PayoutsHarness.semester, cents: 2000)
            #expect(Self.payout(first)["amountCents"] as? Int == 2000)
            let second = try await harness.claim(preparer, plan: plan, measure: plan.items, period: PayoutsHarness.semester, cents: 1000)
            #expect(Self.payout(second)["amountCents"] as? Int == 500)
            #expect(Self.payout(second)["cappedByCents"] as? Int == 500)
            let meals = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: PayoutsHarness.semester, cents: 1000)
            #expect(meals.status == 422 && meals.body.contains("claim.period"), "\(meals.body)")
            // A month outside the semester, a month not yet begun, and consultations (hours, not money).
            let outside = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2023-02", cents: 1000)
            #expect(outside.status == 422 && outside.body.contains("claim.period"))
            let future = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-12", cents: 1000)
            #expect(future.status == 422 && future.body.contains("claim.period"))
            let hours = try await harness.claim(preparer, plan: plan, measure: plan.consultation, period: "2022-10", cents: 1000)
            #expect(hours.status == 422 && hours.body.contains("claim.measure_not_compensated"))
            await harness.stop()
        }

        @Test("the cap is the student's: two plans of one student share it")
        func capPerStudent() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let first = try await harness.startedPlan(studentCode: "S-SHARED\(Int.random(in: 100...999))")
            let second = try await harness.startedPlan(studentCode: first.reference.studentCode)
            _ = try await harness.claim(preparer, plan: first, measure: first.meals, period: "2022-10", cents: 5000)
            let other = try await harness.claim(preparer, plan: second, measure: second.meals, period: "2022-10", cents: 5000)
            #expect(Self.payout(other)["amountCents"] as? Int == 2000)
            await harness.stop()
        }

        @Test("held until the plan is fully approved, then released once with a ledger entry")
        func heldThenReleased() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            let claim = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 2500)
            let payoutId = try #require(Self.payout(claim)["payoutId"] as? String)
            #expect(try await harness.host.scalar("SELECT count(*) FROM ledger WHERE plan_id = $1", [plan.reference.planId]) == 0)
            try await harness.approve(plan)
            #expect(await harness.waitForState(payoutId, "released"))
            #expect(try await harness.host.scalar("SELECT count(*) FROM ledger WHERE plan_id = $1 AND amount_cents = 2500",
                                                  [plan.reference.planId]) == 1)
            // After approval a new claim is released at once.
            let next = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-11", cents: 1000)
            #expect(Self.payout(next)["state"] as? String == "released")
            // Approval was told what the plan has been paid (a paid plan cannot be deleted).
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM outbox WHERE event_type = 'payout.plan_paid' AND convert_from(body, 'UTF8') ILIKE '%' || $1 || '%'
                """, [plan.reference.planId.uuidString]) >= 1)
            // The same approval delivered again changes nothing.
            try await harness.approve(plan)
            try await Task.sleep(for: .seconds(1))
            #expect(try await harness.host.scalar("SELECT count(*) FROM ledger WHERE plan_id = $1", [plan.reference.planId]) == 2)
            await harness.stop()
        }

        @Test("consent changes redelivered out of order: the newest one decides (a stale revocation voids nothing)")
        func consentChangesInOrder() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            let held = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 2500)
            let heldId = try #require(Self.payout(held)["payoutId"] as? String)
            // Recorded (1), revoked (2), recorded again (3): the third arrives before the second.
            for (change, onFile) in [(1, true), (3, true), (2, false)] {
                try await harness.upstream.publish(PlanConsentChanged(plan: plan.reference, onFile: onFile, signedBy: "parent_or_guardian",
                                                                      change: change), producer: "intake")
            }
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM inbox WHERE event_type = 'plan.consent_changed'")) ?? 0 >= 3
            })
            #expect(try await harness.host.scalar("SELECT consent_change FROM pay_plans WHERE plan_id = $1", [plan.reference.planId]) == 3)
            #expect(try await harness.payoutState(heldId) == "held", "the stale revocation voided nothing")
            try await harness.approve(plan)
            #expect(await harness.waitForState(heldId, "released"))
            // A newer revocation still voids at once.
            let later = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-11", cents: 1000)
            let laterId = try #require(Self.payout(later)["payoutId"] as? String)
            #expect(await harness.waitForState(laterId, "released"))
            try await harness.upstream.publish(PlanConsentChanged(plan: plan.reference, onFile: false, signedBy: "parent_or_guardian", change: 4),
                                               producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM pay_plans WHERE plan_id = $1 AND NOT consent_on_file",
                                                [plan.reference.planId])) == 1
            })
            let refused = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-12", cents: 1000)
            #expect(refused.status == 409 && refused.body.contains("claim.plan_not_open"), "\(refused.body)")
            await harness.stop()
        }

        @Test("revoked consent voids what is not released and closes the plan for claims; suspension holds it until the plan is approved again")
        func consentVoidsSuspensionHolds() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            let held = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 2500)
            let heldId = try #require(Self.payout(held)["payoutId"] as? String)
            try await harness.upstream.publish(PlanConsentChanged(plan: plan.reference, onFile: false, signedBy: "parent_or_guardian"),
                                               producer: "intake")
            #expect(await harness.waitForState(heldId, "voided"))
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM outbox WHERE event_type = 'payout.voided' AND convert_from(body, 'UTF8') ILIKE '%' || $1 || '%'
                """, [heldId]) == 1)
            let refused = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-11", cents: 1000)
            #expect(refused.status == 409 && refused.body.contains("claim.plan_not_open"), "\(refused.body)")

            let other = try await harness.startedPlan()
            let released = try await harness.claim(preparer, plan: other, measure: other.meals, period: "2022-10", cents: 1000)
            let releasedId = try #require(Self.payout(released)["payoutId"] as? String)
            try await harness.approve(other)
            #expect(await harness.waitForState(releasedId, "released"))
            // Suspension touches nothing released, and holds what is not: held, not lost.
            let stillHeld = try await harness.startedPlan()
            let toHold = try await harness.claim(preparer, plan: stillHeld, measure: stillHeld.items, period: PayoutsHarness.semester, cents: 800)
            let toHoldId = try #require(Self.payout(toHold)["payoutId"] as? String)
            for target in [other, stillHeld] {
                try await harness.upstream.publish(PlanSuspended(change: PlanLifecycleChange(
                    plan: target.reference, actor: ActorPayload(personId: UUID(), role: "institution_head"), reason: "Ilgstoša prombūtne")),
                    producer: "approval")
            }
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE id = $1 AND state = 'held' AND hold_reason = 'plan_suspended'",
                                                [UUID(uuidString: toHoldId)])) == 1
            }, "held because the plan is suspended")
            #expect(try await harness.payoutState(releasedId) == "released")
            // Resumed and approved again: released.
            try await harness.upstream.publish(PlanResumed(change: PlanLifecycleChange(
                plan: stillHeld.reference, actor: ActorPayload(personId: UUID(), role: "institution_head"), reason: "Atgriezās")),
                producer: "approval")
            try await harness.approve(stillHeld)
            #expect(await harness.waitForState(toHoldId, "released"))
            await harness.stop()
        }

        @Test("the same claim twice pays once: the receipt guards it, and Idempotency-Key replays the first answer")
        func sameClaimTwice() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            let bytes = PayoutsHarness.pdf + Array("kvīts \(UUID())".utf8)
            func upload() async throws -> String {
                let reply = try await harness.client.send("POST", "/payouts/receipts", preparer, bytes: bytes, contentType: "application/pdf")
                return reply.json["id"] as? String ?? ""
            }
            let receipt = try await upload()
            let first = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 1500, receipt: receipt)
            #expect(first.status == 201)
            let again = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 1500, receipt: receipt)
            #expect(again.status == 409 && again.body.contains("claim.duplicate_receipt"), "\(again.body)")
            // The same file uploaded again is the same receipt too.
            let reuploaded = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 1500,
                                                     receipt: try await upload())
            #expect(reuploaded.status == 409 && reuploaded.body.contains("claim.duplicate_receipt"), "\(reuploaded.body)")
            // With an Idempotency-Key, a retried request gets the stored answer.
            let other = try await harness.receipt(preparer)
            let key = ["Idempotency-Key": "claim-\(UUID())"]
            let a = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-11", cents: 700, receipt: other, headers: key)
            let b = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-11", cents: 700, receipt: other, headers: key)
            #expect(a.status == 201 && b.status == 201 && b.replayed)
            #expect(Self.payout(a)["payoutId"] as? String == Self.payout(b)["payoutId"] as? String)
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE plan_id = $1", [plan.reference.planId]) == 2)
            await harness.stop()
        }

        @Test("bad input gets the field and the rule; another institution's plan is not found; a non-PDF receipt is 415")
        func badInput() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            let iban = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 100, iban: "LV80BANK0000435195002")
            #expect(iban.status == 422 && iban.body.contains("payee.iban"))
            let zero = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 0)
            #expect(zero.status == 422 && zero.body.contains("claim.amount"))
            let strange = try await harness.client.send("POST", "/payouts/receipts", preparer, bytes: Array("hello".utf8), contentType: "text/plain")
            #expect(strange.status == 415)
            // A preparer who holds the role, at another school: the plan is not theirs to see.
            let outsiderGrant = try Principal(personId: UUID(), role: .preparer, scope: .institution(UUID()))
            try await TestGrants.replica(outsiderGrant, on: harness.host.pool)
            let outsider = try await harness.minter.mint(outsiderGrant)
            let foreign = try await harness.claim(outsider, plan: plan, measure: plan.meals, period: "2022-10", cents: 100)
            #expect(foreign.status == 404, "\(foreign.body)")
            let specialist = try await harness.token(.specialist)
            let forbidden = try await harness.client.send("POST", "/payouts/claims", specialist, "{}")
            #expect(forbidden.status == 403)
            let unknownField = try await harness.client.send("POST", "/payouts/claims", preparer, #"{"planId":"x","extra":1}"#)
            #expect(unknownField.status == 422)
            #expect(try await harness.host.scalar("SELECT count(*) FROM claims") == 0)
            await harness.stop()
        }

        static func payout(_ reply: HTTPReply) -> [String: Any] { reply.json["payout"] as? [String: Any] ?? [:] }
    }
}

import Auth
import Contracts
import Foundation
import TestSupport
import Testing

extension PipelineSuites {
    /// Issue #19 item 8 in payouts: inside an emergency period in the plan's area a claim is paid
    /// only under the seed's exceptions (here: meals delivered home), with a finding naming it.
    @Suite("Payouts: claims during an emergency, against real RabbitMQ + PostgreSQL", .serialized)
    struct PayoutsEmergencyTests {
        @Test("paused: an ordinary claim inside the period is refused; meals delivered home are paid with the exception's warning; outside the period as ever")
        func emergencyClaims() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let plan = try await harness.startedPlan()
            try await harness.approve(plan)
            try await harness.upstream.publish(PlanSubmitted(plan: plan.reference, submittedBy: ActorPayload(personId: UUID(), role: "preparer"),
                                                             riskCodes: ["E02"], measures: plan.measures, gradeOrCourse: 8), producer: "intake")
            try await harness.upstream.publish(EmergencyDeclared(
                emergencyId: UUID(), name: "Pārbaude", startsOn: "2022-10-10", endsOn: "2022-10-31", scope: EmergencyScopePayload(kind: "national"),
                homeMealsFrom: "2022-10-10", homeMealsLowestGrade: 5, homeMealsHighestGrade: 12, homeMealsPlanSemester: nil,
                declaredBy: ActorPayload(personId: UUID(), role: "ikvd_expert"), pausedByRegion: []), producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM emergency_periods WHERE starts_on = '2022-10-10'")) == 1
            })
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM plan_submissions WHERE plan_id = $1 AND grade_or_course = 8",
                                                [plan.reference.planId])) == 1
            })

            let paused = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 2000)
            #expect(paused.status == 422 && paused.body.contains("emergency.claim.paused"), "\(paused.body)")
            let home = try await harness.client.send("POST", "/payouts/claims", preparer, """
                {"planId":"\(plan.reference.planId)","measureId":"\(plan.meals)","period":"2022-10","amountCents":2000,
                 "description":"Pusdienas ar piegādi mājās","receiptId":"\(try await harness.receipt(preparer))",
                 "payee":{"name":"Anna Bērziņa","iban":"LV80BANK0000435195001"},"deliveredHome":true}
                """)
            #expect(home.status == 201, "\(home.body)")
            let findings = home.json["findings"] as? [[String: Any]] ?? []
            #expect(findings.contains { $0["rule"] as? String == "emergency.meals.delivered_home" && $0["severity"] as? String == "warning" },
                    "\(home.body)")
            let before = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-09", cents: 1500)
            #expect(before.status == 201 && !(before.body.contains("emergency")), "a month outside the period: \(before.body)")
            await harness.stop()
        }
    }
}

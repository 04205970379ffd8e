import Auth
import Contracts
import Foundation
import Rules
import TestSupport
import Testing

extension PipelineSuites {
    /// The kit's inbox drops a message delivered again; the read model itself must also count an
    /// event once when it is published again under a new message id (a producer's replay).
    @Suite("Reporting: a replayed event counts once")
    struct ReportingReplayTests {
        @Test("work record, payout, reversal and status events delivered three times and re-published with new ids count once")
        func replays() async throws {
            let h = try await ReportingHarness.start()
            let plan = h.plan(h.ludzaSchool, .reported, risks: [(.L02, ["Matemātika"])],
                              measures: [.init(type: .consultation, addresses: [.L02], kind: .consultation, providers: [.teacher], minutes: 600),
                                         .init(type: .meals, addresses: [.L02], cents: 7_000)])
            try await h.publish(plan)
            #expect(await h.settle([plan]))

            let workLog = WorkLogApproved(workLogId: UUID(), personId: UUID(), institutionId: h.ludzaSchool, month: "2022-10",
                                          lines: [WorkLogLine(plan: plan.reference, measureId: plan.measures[0].id, role: "specialist",
                                                              providerType: "teacher", minutes: 90),
                                                  WorkLogLine(plan: plan.reference, measureId: nil, role: "preparer", providerType: nil, minutes: 30)],
                                          approvedBy: ActorPayload(personId: UUID(), role: "institution_coordinator"))
            let released = PayoutReleased(payoutId: UUID(), idempotencyKey: "claim:1", amountCents: 7_000, period: "2022-10",
                                          studentCode: plan.reference.studentCode, planId: plan.reference.planId, measure: "meals", payeeReference: "P-1")
            let second = PayoutReleased(payoutId: UUID(), idempotencyKey: "claim:2", amountCents: 5_000, period: "2022-11",
                                        studentCode: plan.reference.studentCode, planId: plan.reference.planId, measure: "meals", payeeReference: "P-1")
            let reversed = PayoutReversed(payoutId: second.payoutId, idempotencyKey: "claim:2", amountCents: 5_000, reason: "Kļūda")
            let workLogId = UUID(), releasedId = UUID(), reversedId = UUID()
            for _ in 0..<3 {
                // The same message three times (a redelivery looks like this)…
                try await h.upstream.publish(workLog, producer: "timesheets", id: workLogId)
                try await h.upstream.publish(released, producer: "payouts", id: releasedId)
                try await h.upstream.publish(second, producer: "payouts")
                try await h.upstream.publish(reversed, producer: "payouts", id: reversedId)
                try await Task.sleep(for: .milliseconds(300))
            }
            // …and every event once more under a new message id, old status events included.
            let actor = ActorPayload(personId: UUID(), role: "institution_head")
            try await h.upstream.publish(workLog, producer: "timesheets")
            try await h.upstream.publish(released, producer: "payouts")
            try await h.upstream.publish(reversed, producer: "payouts")
            try await h.upstream.publish(try plan.submitted(), producer: "intake")
            try await h.upstream.publish(PlanValidated(plan: plan.reference, warnings: []), producer: "risk_validation")
            try await h.upstream.publish(PlanApproved(plan: plan.reference, approvedBy: actor, measures: plan.measures.map(\.payload)), producer: "approval")
            // A sentinel behind them all: once it is in, everything before it has been handled.
            let sentinel = h.plan(h.ludzaSchool, .submitted, risks: [(.L05, [])], measures: [])
            try await h.publish(sentinel)
            #expect(await h.settle([sentinel]))
            try await Task.sleep(for: .seconds(1))

            #expect(try await h.status(plan.reference.planId) == "reported", "an old status event moves nothing back")
            #expect(try await h.host.scalar("SELECT count(*) FROM rep_work_lines") == 2)
            #expect(try await h.host.scalar("SELECT count(*) FROM rep_payouts") == 2)
            #expect(try await h.host.scalar("SELECT count(*) FROM rep_payout_reversals") == 1)
            #expect(try await h.host.scalar("SELECT count(*) FROM rep_plan_measures") == 2)
            #expect(try await h.host.scalar("SELECT count(*) FROM rep_plan_status_history WHERE plan_id = $1", [plan.reference.planId]) == 6,
                    "submitted, validated, three approval steps… as published once: submitted → awaiting head → municipality → IKVD → approved → reported")

            let ikvd = try await h.token(.ikvdExpert, .national)
            let stats = try await h.statistics(ikvd, "semester=2022/2023-1")
            #expect(ReportingHarness.figure(stats.json, "hours", "consultation", "deliveredMinutes") as? Int == 90)
            #expect(ReportingHarness.figure(stats.json, "hours", "preparer", "deliveredMinutes") as? Int == 30)
            #expect(ReportingHarness.figure(stats.json, "money_by_measure", "meals", "paidCents") as? Int == 7_000)
            #expect(ReportingHarness.figure(stats.json, "money_by_measure", "meals", "plannedCents") as? Int == 28_000)
            #expect(ReportingHarness.figure(stats.json, "plans_by_status", "reported", "plans") as? Int == 1)
            #expect(ReportingHarness.figure(stats.json, "plans_by_status", "approved", "plans") == nil)
            #expect(ReportingHarness.figure(stats.json, "measures_by_type", "consultation", "measures") as? Int == 1)
            await h.stop()
        }
    }
}

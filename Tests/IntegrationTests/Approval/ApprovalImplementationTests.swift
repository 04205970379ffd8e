import AMQP
import ApprovalRouting
import Auth
import Contracts
import Foundation
import Rules
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Issue #19 items 3 and 4: consent gates implementation, not approval, and an approved plan
    /// with consent enters implementation at its first delivered support.
    @Suite("Approval: consent and the start of implementation, against real RabbitMQ + PostgreSQL", .serialized)
    struct ApprovalImplementationTests {
        static let probed = [PlanImplementationMayStart.eventType.rawValue, PlanImplementationStarted.eventType.rawValue]

        /// The probe's events of `type` about `plan`.
        static func events(_ harness: ApprovalHarness, _ type: String, plan: UUID, count: Int) async throws -> Int {
            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe),
                                                                                      count: count, amqp: harness.amqp)
            return try bodies.filter { body in
                try ContractCoding.decode(EnvelopeHeaderProbe.self, from: body).type == type
                    && String(decoding: body, as: UTF8.self).lowercased().contains(plan.uuidString.lowercased())
            }.count
        }

        @Test("approved while consent is pending: nothing may start; consent recorded later lets it start; the first consultation starts it")
        func consentLaterThenConsultation() async throws {
            let harness = try await ApprovalHarness.start(probing: Self.probed)
            let api = harness.client()
            let (_, _, vpii) = try await harness.directory()
            let head = try await harness.token(.institutionHead, .institution(vpii))
            let expert = try await harness.token(.ikvdExpert, .national)
            let plan = try await harness.validatedPlan(institution: vpii, consent: false)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            let queue = try await api.send("GET", "/approvals/queue", head)
            let item = (queue.json["items"] as? [[String: Any]])?.first { ($0["planId"] as? String)?.lowercased() == plan.planId.uuidString.lowercased() }
            #expect(item?["consentOnFile"] as? Bool == false, "the queue says consent is pending: \(queue.body)")
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", head).json["state"] as? String == "awaiting_ikvd")
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", expert).json["state"] as? String == "approved")
            #expect(try await harness.host.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.implementation_may_start'") == 0,
                    "no implementation without consent")

            // Consent arrives after the approvals: implementation may start now (once, even if redelivered).
            let consent = PlanConsentChanged(plan: plan, onFile: true, signedBy: "student", change: 1)
            try await harness.upstream.publish(consent, producer: "intake")
            try await harness.upstream.publish(consent, producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.implementation_may_start'")) == 1
            })
            #expect(try await harness.state(plan.planId) == "approved", "consent alone does not start implementation")

            // The first consultation, announced by timesheets, starts it.
            try await harness.upstream.publish(PlanSupportDelivered(plan: plan, deliveredOn: "2022-10-03"), producer: "timesheets")
            #expect(await harness.waitFor(plan.planId, "in_implementation"))
            #expect(try await Self.events(harness, "plan.implementation_started", plan: plan.planId, count: 2) == 1)
            let summary = try await api.send("GET", "/approvals/plans/\(plan.planId)", head)
            let last = (summary.json["decisions"] as? [[String: Any]])?.last
            #expect(last?["command"] as? String == "start_implementation" && last?["comment"] as? String == "consultation", "\(summary.body)")
            await harness.stop()
        }

        @Test("support delivered before the last approval: the final approval starts implementation; staff pay alone does not; a compensation does")
        func deliveredBeforeApproval() async throws {
            let harness = try await ApprovalHarness.start(probing: Self.probed)
            let api = harness.client()
            let (_, _, vpii) = try await harness.directory()
            let head = try await harness.token(.institutionHead, .institution(vpii))
            let expert = try await harness.token(.ikvdExpert, .national)

            let early = try await harness.validatedPlan(institution: vpii)
            #expect(await harness.waitFor(early.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", "/approvals/plans/\(early.planId)/approve", head).json["state"] as? String == "awaiting_ikvd")
            try await harness.upstream.publish(PlanSupportDelivered(plan: early, deliveredOn: "2022-10-03"), producer: "timesheets")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM approval_plans WHERE plan_id = $1 AND support_delivered = 'consultation'",
                                                [early.planId])) == 1
            })
            #expect(try await harness.state(early.planId) == "awaiting_ikvd", "delivery does not skip an approval")
            let final = try await api.send("POST", "/approvals/plans/\(early.planId)/approve", expert)
            #expect(final.json["state"] as? String == "in_implementation", "\(final.body)")

            let paid = try await harness.validatedPlan(institution: vpii)
            #expect(await harness.waitFor(paid.planId, "awaiting_institution_head"))
            _ = try await api.send("POST", "/approvals/plans/\(paid.planId)/approve", head)
            #expect(try await api.send("POST", "/approvals/plans/\(paid.planId)/approve", expert).json["state"] as? String == "approved")
            try await harness.upstream.publish(PlanPaymentRecorded(planId: paid.planId, totalPaidCents: 1_250, compensationPaidCents: 0),
                                               producer: "payouts")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT amount_paid FROM approval_plans WHERE plan_id = $1", [paid.planId])) == 1_250
            })
            #expect(try await harness.state(paid.planId) == "approved", "the preparer's pay is not support to the student")
            try await harness.upstream.publish(PlanPaymentRecorded(planId: paid.planId, totalPaidCents: 3_750, compensationPaidCents: 2_500),
                                               producer: "payouts")
            #expect(await harness.waitFor(paid.planId, "in_implementation"))
            await harness.stop()
        }
    }
}

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
    /// Approval routing as approvers use it, against the real broker and database.
    @Suite("Approval routing against real RabbitMQ + PostgreSQL", .serialized)
    struct ApprovalFlowIntegrationTests {
        @Test("both routes end to end; self-approval, wrong scope, wrong level, missing comment refused; return")
        func routes() async throws {
            let harness = try await ApprovalHarness.start(probing: [PlanApproved.eventType.rawValue, PlanApprovalStepCompleted.eventType.rawValue,
                                                                    PlanImplementationMayStart.eventType.rawValue, ApprovalAwaiting.eventType.rawValue])
            let api = harness.client()
            let (municipality, school, vpii) = try await harness.directory()
            let headId = UUID()
            let head = try await harness.token(.institutionHead, .institution(school), person: headId)
            let coordinator = try await harness.token(.municipalityCoordinator, .municipality(municipality))
            let expert = try await harness.token(.ikvdExpert, .region("Latgale"))
            let otherHead = try await harness.token(.institutionHead, .institution(vpii))
            let vpiiHead = otherHead
            let kurzeme = try await harness.token(.ikvdExpert, .region("Kurzeme"))

            // Municipal general school: head → municipality → IKVD.
            let plan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            let queue = try await api.send("GET", "/approvals/queue?warnings=true", head)
            #expect((queue.json["items"] as? [[String: Any]])?.contains { ($0["planId"] as? String)?.lowercased() == plan.planId.uuidString.lowercased() } == true,
                    "\(queue.body)")
            #expect(try await api.send("GET", "/approvals/queue?warnings=false", head).json["total"] as? Int == 0)
            #expect(try await api.send("GET", "/approvals/queue", coordinator).json["total"] as? Int == 0, "not yet at the municipality")
            #expect(try await api.send("GET", "/approvals/plans/\(plan.planId)", otherHead).status == 404, "another school's plan does not exist for them")
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", otherHead).status == 404)
            let early = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", coordinator)
            #expect(early.status == 409 && early.body.contains("lifecycle.wrong_approval_level"), "\(early.body)")
            let codeInComment = try await api.send("POST", "/approvals/plans/\(plan.planId)/return", head, #"{"comment":"Skolēns 161175-19997 pārcēlies"}"#)
            #expect(codeInComment.status == 422 && codeInComment.body.contains("text.personal_code") && !codeInComment.body.contains("161175"))
            let noComment = try await api.send("POST", "/approvals/plans/\(plan.planId)/return", head, #"{"comment":"  "}"#)
            #expect(noComment.status == 422 && noComment.body.contains("decision.comment_required"))
            let key = ["Idempotency-Key": "approve-\(plan.planId)"]
            let headApproval = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", head, headers: key)
            #expect(headApproval.json["state"] as? String == "awaiting_municipality")
            let retried = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", head, headers: key)
            #expect(retried.status == 200 && retried.replayed && retried.body == headApproval.body, "a retry gets its own answer, not 409")
            let reused = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", head, #"{"comment":"cits"}"#, headers: key)
            #expect(reused.status == 422 && reused.body.contains("idempotency.key_reused"))
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", coordinator).json["state"] as? String == "awaiting_ikvd")
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", kurzeme).status == 404, "another region")
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", expert).json["state"] as? String == "approved")
            let again = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", expert)
            #expect(again.status == 409 && again.body.contains("approved"), "the loser sees the current state: \(again.body)")
            let summary = try await api.send("GET", "/approvals/plans/\(plan.planId)", head)
            let commands = (summary.json["decisions"] as? [[String: Any]])?.compactMap { $0["command"] as? String }
            #expect(commands == ["route", "approve", "approve", "approve"], "\(summary.body)")

            // VPII: head → IKVD, no municipality step.
            let vocational = try await harness.validatedPlan(institution: vpii)
            #expect(await harness.waitFor(vocational.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", "/approvals/plans/\(vocational.planId)/approve", vpiiHead).json["state"] as? String == "awaiting_ikvd")
            #expect(try await api.send("POST", "/approvals/plans/\(vocational.planId)/approve", expert).json["state"] as? String == "approved")

            // Nobody approves a plan they prepared.
            let own = try await harness.validatedPlan(institution: school, preparer: headId)
            #expect(await harness.waitFor(own.planId, "awaiting_institution_head"))
            let selfApproval = try await api.send("POST", "/approvals/plans/\(own.planId)/approve", head)
            #expect(selfApproval.status == 403 && selfApproval.body.contains("approval.own_plan"))
            // Nor returns it (issue #17: an author decides nothing on the plan).
            let selfReturn = try await api.send("POST", "/approvals/plans/\(own.planId)/return", head, #"{"comment":"Precizējiet F04."}"#)
            #expect(selfReturn.status == 403 && selfReturn.body.contains("approval.own_plan"), "\(selfReturn.body)")
            // Returned with a comment by another head; resubmitted (new revision) it starts again at the head.
            let secondHead = try await harness.token(.institutionHead, .institution(school))
            let returned = try await api.send("POST", "/approvals/plans/\(own.planId)/return", secondHead, #"{"comment":"Precizējiet F04."}"#)
            #expect(returned.json["state"] as? String == "returned", "\(returned.body)")
            var resubmitted = own
            resubmitted.revision = 3
            try await harness.upstream.publish(ApprovalHarness.submitted(resubmitted, preparer: headId), producer: "intake")
            try await harness.upstream.publish(PlanValidated(plan: resubmitted, warnings: []), producer: "risk_validation")
            #expect(await harness.waitFor(own.planId, "awaiting_institution_head"))

            // Events: one plan.approved per approved plan, steps announced, implementation allowed after the head.
            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe), count: 10,
                                                                                      amqp: harness.amqp)
            let types = try bodies.map { try ContractCoding.decode(EnvelopeHeaderProbe.self, from: $0).type }
            #expect(types.filter { $0 == "plan.approved" }.count == 2, "\(types)")
            #expect(types.filter { $0 == "plan.approval_step_completed" }.count == 5, "\(types)")
            #expect(types.filter { $0 == "plan.implementation_may_start" }.count == 2, "\(types)")
            await harness.stop()
        }

        @Test("suspend needs a reason and resumes within the semester; delete only while nothing was paid; delegation window; reminders once")
        func guardsDelegationReminders() async throws {
            let clock = TestClock(Date())
            let harness = try await ApprovalHarness.start(reminders: ReminderSweep(reminderDays: 5, escalationDays: 10, now: { clock.now }),
                                                          probing: [ApprovalOverdue.eventType.rawValue, PlanSuspended.eventType.rawValue])
            let api = harness.client()
            let (_, school, _) = try await harness.directory()
            let headId = UUID(), deputyId = UUID()
            let head = try await harness.token(.institutionHead, .institution(school), person: headId)
            let preparer = try await harness.token(.preparer, .institution(school))
            let deputy = try await harness.token(.institutionCoordinator, .institution(school), person: deputyId)
            // A delegation works only while the directory copy shows the delegator holding the role.
            try await harness.assign(headId, .institutionHead, .institution(school))

            let plan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))

            // Reminders: nothing yet; after 6 days one reminder (however often swept); after 11 one escalation.
            let sweep = ReminderSweep(reminderDays: 5, escalationDays: 10, now: { clock.now })
            #expect(try await sweep.run(producer: harness.host.service, pool: harness.host.pool) == 0)
            clock.advance(days: 6)
            #expect(try await sweep.run(producer: harness.host.service, pool: harness.host.pool) == 1)
            #expect(try await sweep.run(producer: harness.host.service, pool: harness.host.pool) == 0)
            clock.advance(days: 5)
            #expect(try await sweep.run(producer: harness.host.service, pool: harness.host.pool) == 1, "the escalation")

            // Delegation: the deputy acts for the head only inside the window; on their own they may not approve.
            let ownRights = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", deputy)
            #expect(ownRights.status == 403 && ownRights.body.contains("auth.role_not_allowed"))
            let outside = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", deputy, #"{"actingFor":"\#(headId)"}"#)
            #expect(outside.status == 403 && outside.body.contains("delegation.not_valid"))
            #expect(try await api.send("POST", "/approvals/delegations", head,
                                       #"{"delegateId":"\#(deputyId)","validFrom":"2022-10-01","validUntil":"2023-10-02"}"#).body.contains("delegation.too_long"))
            #expect(try await api.send("POST", "/approvals/delegations", head,
                                       #"{"delegateId":"\#(deputyId)","validFrom":"2022-10-01","validUntil":"2022-10-02"}"#).status == 201)
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", deputy, #"{"actingFor":"\#(headId)"}"#).status == 403,
                    "the window ended yesterday")
            #expect(try await api.send("POST", "/approvals/delegations", head,
                                       #"{"delegateId":"\#(deputyId)","validFrom":"2022-10-03","validUntil":"2022-10-07"}"#).status == 201)
            let mine = try await api.send("GET", "/approvals/delegations", deputy)
            #expect(mine.status == 200 && mine.body.contains("2022-10-07"), "the delegate sees what they received")
            // The delegate reads the delegator's queue (their own role has none) while the delegation holds.
            #expect(try await api.send("GET", "/approvals/queue", deputy).status == 403)
            let theirQueue = try await api.send("GET", "/approvals/queue?actingFor=\(headId)", deputy)
            #expect(((theirQueue.json["items"] as? [[String: Any]]) ?? []).contains { ($0["planId"] as? String)?.lowercased() == plan.planId.uuidString.lowercased() },
                    "\(theirQueue.body)")
            #expect(try await api.send("GET", "/approvals/queue/counts?actingFor=\(headId)", deputy).status == 200)
            #expect(try await api.send("GET", "/approvals/queue?actingFor=\(UUID())", deputy).body.contains("delegation.not_valid"))
            let acting = try await api.send("POST", "/approvals/plans/\(plan.planId)/approve", deputy, #"{"actingFor":"\#(headId)","comment":"Direktores prombūtnē"}"#)
            #expect(acting.json["state"] as? String == "awaiting_municipality", "\(acting.body)")
            let decisions = try await api.send("GET", "/approvals/plans/\(plan.planId)", head).json["decisions"] as? [[String: Any]] ?? []
            #expect((decisions.last?["actingFor"] as? String)?.lowercased() == headId.uuidString.lowercased())
            #expect((decisions.last?["decidedBy"] as? String)?.lowercased() == deputyId.uuidString.lowercased())
            // Revoked early by the head (only the head may): the deputy can no longer act.
            let delegations = (try? JSONSerialization.jsonObject(with: Data(try await api.send("GET", "/approvals/delegations", head).body.utf8))) as? [[String: Any]] ?? []
            let active = try #require(delegations.first { ($0["validUntil"] as? String) == "2022-10-07" }?["id"] as? String)
            #expect(try await api.send("POST", "/approvals/delegations/\(active)/revoke", deputy).status == 404)
            #expect(try await api.send("POST", "/approvals/delegations/\(active)/revoke", head).json["revoked"] as? Bool == true)
            let later = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(later.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", "/approvals/plans/\(later.planId)/approve", deputy, #"{"actingFor":"\#(headId)"}"#).status == 403)
            #expect(try await api.send("GET", "/approvals/queue?actingFor=\(headId)", deputy).status == 403, "revoked: the queue closes too")

            // Suspend: reason mandatory; resume within the semester (today is inside 2022/2023-1).
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/suspend", preparer, "{}").status == 422)
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/suspend", preparer, #"{"comment":"Izglītojamais slimo"}"#)
                .json["state"] as? String == "suspended")
            #expect(try await api.send("POST", "/approvals/plans/\(plan.planId)/resume", preparer).json["state"] as? String == "submitted")
            let lastSemester = try await harness.validatedPlan(institution: school, semester: "2021/2022-2")
            #expect(await harness.waitFor(lastSemester.planId, "awaiting_institution_head"))
            _ = try await api.send("POST", "/approvals/plans/\(lastSemester.planId)/suspend", head, #"{"comment":"Pārcēlās"}"#)
            let late = try await api.send("POST", "/approvals/plans/\(lastSemester.planId)/resume", head)
            #expect(late.status == 409 && late.body.contains("lifecycle.semester_ended"), "\(late.body)")

            // Delete: refused once anything was paid for the plan, allowed otherwise.
            try await harness.upstream.publish(PlanPaymentRecorded(planId: lastSemester.planId, totalPaidCents: 1500), producer: "payouts")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT amount_paid::int FROM approval_plans WHERE plan_id = $1", [lastSemester.planId])) == 1500
            })
            let paid = try await api.send("POST", "/approvals/plans/\(lastSemester.planId)/delete", head, #"{"comment":"Kļūda"}"#)
            #expect(paid.status == 409 && paid.body.contains("lifecycle.money_paid"), "\(paid.body)")
            let unpaid = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(unpaid.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", "/approvals/plans/\(unpaid.planId)/delete", head, #"{"comment":"Dublikāts"}"#).json["state"] as? String == "deleted")

            // Consent revoked: a live plan is suspended by the platform.
            let consentPlan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(consentPlan.planId, "awaiting_institution_head"))
            try await harness.upstream.publish(PlanConsentChanged(plan: consentPlan, onFile: false, signedBy: "parent_or_guardian", change: 2),
                                               producer: "intake")
            #expect(await harness.waitFor(consentPlan.planId, "suspended"))
            // The first recording, redelivered late, does not put consent back on file.
            try await harness.upstream.publish(PlanConsentChanged(plan: consentPlan, onFile: true, signedBy: "parent_or_guardian", change: 1),
                                               producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM inbox WHERE event_type = 'plan.consent_changed'")) ?? 0 >= 2
            })
            #expect(try await harness.host.scalar("SELECT count(*) FROM approval_plans WHERE plan_id = $1 AND NOT consent_on_file AND consent_change = 2",
                                                  [consentPlan.planId]) == 1)

            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe), count: 5,
                                                                                      amqp: harness.amqp)
            let overdue = try bodies.filter { try ContractCoding.decode(EnvelopeHeaderProbe.self, from: $0).type == "approval.overdue" }
                .map { try ContractCoding.decode(Envelope<ApprovalOverdue>.self, from: $0).data.stage }
            #expect(overdue.sorted() == ["escalation", "reminder"])
            await harness.stop()
        }

        @Test("two heads approve the same plan at the same moment: exactly one wins, the other gets 409 with the state")
        func race() async throws {
            let harness = try await ApprovalHarness.start(instances: 2)
            let (_, school, _) = try await harness.directory()
            let first = try await harness.token(.institutionHead, .institution(school))
            let second = try await harness.token(.institutionHead, .institution(school))
            var wins = 0, conflicts = 0
            for _ in 0..<10 {
                let plan = try await harness.validatedPlan(institution: school)
                #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
                async let a = harness.client(0).send("POST", "/approvals/plans/\(plan.planId)/approve", first)
                async let b = harness.client(1).send("POST", "/approvals/plans/\(plan.planId)/approve", second)
                let results = try await [a, b]
                wins += results.filter { $0.status == 200 }.count
                conflicts += results.filter { $0.status == 409 && $0.body.contains("awaiting_municipality") }.count
            }
            print("approval race: 10 plans, 20 simultaneous approvals → \(wins) won, \(conflicts) got 409")
            #expect(wins == 10 && conflicts == 10)
            #expect(try await harness.host.scalar("SELECT count(*) FROM decisions WHERE command = 'approve'") == 10)
            await harness.stop()
        }
    }
}

/// A clock the test moves (approval's reminders, notifications' digest hour).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(days: Int) { lock.withLock { current = current.addingTimeInterval(Double(days) * 86400) } }
    func set(_ date: Date) { lock.withLock { current = date } }
}

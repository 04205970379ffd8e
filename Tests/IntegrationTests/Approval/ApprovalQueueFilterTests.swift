import ApprovalRouting
import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// The approver's queue as the portal shows it (issue #20): filters by risk, measure and the age
    /// of the wait, reminders and escalations on the items, and the counts per status for the scope.
    @Suite("Approval routing: queue filters and counts against real RabbitMQ + PostgreSQL", .serialized)
    struct ApprovalQueueFilterTests {
        @Test("risk, measure and waiting-age filters; overdue stage on items; counts per status and institution; money paid in the summary")
        func filtersAndCounts() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (municipality, school, vpii) = try await harness.directory()
            let head = try await harness.token(.institutionHead, .institution(school))
            let coordinator = try await harness.token(.municipalityCoordinator, .municipality(municipality))
            let old = try await harness.validatedPlan(institution: school)
            let fresh = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(old.planId, "awaiting_institution_head"))
            #expect(await harness.waitFor(fresh.planId, "awaiting_institution_head"))
            // The first has waited 12 days and the sweep reminded and escalated it; the second names another risk.
            _ = try await harness.host.pool.withConnection { connection in
                try connection.execute("UPDATE approval_plans SET awaiting_since = now() - interval '12 days' WHERE plan_id = $1", [old.planId])
                try connection.execute("""
                    INSERT INTO reminders (plan_id, revision, level, stage) VALUES ($1, $2, 'institution_head', 'reminder'),
                                                                                   ($1, $2, 'institution_head', 'escalation')
                    """, [old.planId, old.revision])
                try connection.execute("UPDATE approval_plans SET risk_codes = '[\"L05\"]' WHERE plan_id = $1", [fresh.planId])
            }
            func ids(_ query: String) async throws -> [String] {
                let reply = try await api.send("GET", "/approvals/queue" + query, head)
                #expect(reply.status == 200, "\(query): \(reply.body)")
                return (reply.json["items"] as? [[String: Any]] ?? []).compactMap { ($0["planId"] as? String)?.lowercased() }
            }
            let oldId = old.planId.uuidString.lowercased(), freshId = fresh.planId.uuidString.lowercased()
            #expect(try await ids("?minWaitingDays=10") == [oldId])
            #expect(try await ids("?minWaitingDays=0") == [oldId, freshId], "oldest first")
            #expect(try await ids("?riskCode=L05") == [freshId])
            #expect(try await ids("?riskCode=L02") == [oldId])
            #expect(try await ids("?measureType=consultation").count == 2)
            #expect(try await ids("?measureType=meals").isEmpty)
            #expect(try await api.send("GET", "/approvals/queue?riskCode=X99", head).body.contains("request.risk_code"))
            #expect(try await api.send("GET", "/approvals/queue?measureType=yacht", head).body.contains("request.measure_type"))
            #expect(try await api.send("GET", "/approvals/queue?minWaitingDays=-1", head).status == 422)
            let items = try await api.send("GET", "/approvals/queue", head).json["items"] as? [[String: Any]] ?? []
            #expect(items.first?["overdue"] as? String == "escalation", "the later stage wins")
            #expect(items.last?["overdue"] == nil)

            let counts = try await api.send("GET", "/approvals/queue/counts", head)
            #expect(counts.status == 200, "\(counts.body)")
            let byState = counts.json["byState"] as? [[String: Any]] ?? []
            #expect(byState.count == 1 && byState.first?["state"] as? String == "awaiting_institution_head" && byState.first?["count"] as? Int == 2)
            #expect(byState.first?["oldestWaitingDays"] as? Int == 12, "\(counts.body)")
            #expect(counts.json["escalations"] as? Int == 1 && counts.json["reminders"] as? Int == 0)

            // The head approves one: it moves on, and both approvers' counts say so.
            #expect(try await api.send("POST", "/approvals/plans/\(fresh.planId)/approve", head).json["state"] as? String == "awaiting_municipality")
            let after = try await api.send("GET", "/approvals/queue/counts", head)
            let institutions = after.json["institutions"] as? [[String: Any]] ?? []
            #expect(institutions.count == 1 && (institutions.first?["byState"] as? [Any])?.count == 2, "\(after.body)")
            let theirs = try await api.send("GET", "/approvals/queue/counts", coordinator).json["byState"] as? [[String: Any]] ?? []
            #expect(theirs.first { $0["state"] as? String == "awaiting_municipality" }?["count"] as? Int == 1)
            #expect(try await api.send("GET", "/approvals/queue/counts", try await harness.token(.preparer, .institution(school))).status == 403)
            // A VPII coordinator oversees their VPII (no approval level): every state there, and plans overdue at
            // any level; a general school is not theirs, whatever the grant names.
            let vpiiPlan = try await harness.validatedPlan(institution: vpii)
            #expect(await harness.waitFor(vpiiPlan.planId, "awaiting_institution_head"))
            _ = try await harness.host.pool.withConnection { connection in
                try connection.execute("INSERT INTO reminders (plan_id, revision, level, stage) VALUES ($1, $2, 'institution_head', 'escalation')",
                                       [vpiiPlan.planId, vpiiPlan.revision])
            }
            let oversight = try await api.send("GET", "/approvals/queue/counts", try await harness.token(.vpiiCoordinator, .institution(vpii)))
            let overseen = oversight.json["byState"] as? [[String: Any]] ?? []
            #expect(oversight.status == 200 && overseen.count == 1 && overseen.first?["count"] as? Int == 1, "\(oversight.body)")
            #expect(oversight.json["escalations"] as? Int == 1, "the plan escalated at the head's level counts for the overseer")
            let elsewhere = try await api.send("GET", "/approvals/queue/counts", try await harness.token(.vpiiCoordinator, .institution(school)))
            #expect((elsewhere.json["institutions"] as? [Any])?.isEmpty == true, "\(elsewhere.body)")

            // The summary says what was paid (a plan is deleted only while nothing is).
            let summary = try await api.send("GET", "/approvals/plans/\(fresh.planId)", head)
            #expect(summary.json["amountPaidCents"] as? Int == 0, "\(summary.body)")
            await harness.stop()
        }
    }
}

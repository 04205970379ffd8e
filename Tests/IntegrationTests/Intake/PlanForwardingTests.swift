import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Issue #19 item 6: the institution coordinator may forward a plan a teacher prepared; the plan
    /// stays the teacher's, and the history and the message say who forwarded it.
    @Suite("Intake: the coordinator forwards a teacher's plan, against real PostgreSQL", .serialized)
    struct PlanForwardingTests {
        @Test("the coordinator submits the preparer's plan: 202, history 'forwarded', submitted for the preparer; a specialist may not")
        func forward() async throws {
            let host = try await HostedIntake.start()
            let api = host.client
            let directory = try await api.seed(admin: try await host.token(.ikvdAdmin, .national))
            let preparer = try await host.token(.preparer, .institution(directory.school))
            let coordinator = try await host.token(.institutionCoordinator, .institution(directory.school))
            let specialist = try await host.token(.specialist, .institution(directory.school))
            let plan = try await api.readyPlan(preparer: preparer, school: directory.school, code: IntakeHarness.code)

            #expect(try await api.send("POST", "/plans/\(plan)/submit", specialist, "{}").status == 403)
            let forwarded = try await api.send("POST", "/plans/\(plan)/submit", coordinator, "{}")
            #expect(forwarded.status == 202, "\(forwarded.body)")
            let history = try #require(forwarded.json["history"] as? [[String: Any]])
            #expect(history.last?["to"] as? String == "submitted" && history.last?["reason"] as? String == "forwarded", "\(history)")

            let (creator, body) = try await host.pool.withConnection { connection in
                let creator = try connection.query("SELECT created_by FROM plans WHERE id = $1", [UUID(uuidString: plan)!]).single()
                    .decode("created_by", as: UUID.self)
                let body = try connection.query("SELECT body FROM outbox WHERE event_type = 'plan.submitted' ORDER BY created_at DESC LIMIT 1")
                    .single().decode("body", as: [UInt8].self)
                return (creator, body)
            }
            let event = try ContractCoding.decode(Envelope<PlanSubmitted>.self, from: body)
            #expect(event.data.submittedBy.role == "institution_coordinator" && event.data.submittedBy.actingFor == creator,
                    "forwarded for the preparer: \(event.data.submittedBy)")
            await host.stop()
        }
    }
}

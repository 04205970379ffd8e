import Auth
import Foundation
import HTTPTypes
import Intake
import Rules
import TestSupport
import Testing

/// A revoked role stops working at once (issue 17 item 4). Before, rights came from the token
/// alone: a head whose role was revoked kept approving until the token expired (the demo handed
/// out week-long tokens). Each service now asks its own directory copy on every request.
@Suite("Revoked roles stop working at the next request", .serialized)
struct RevokedRoleIntegrationTests {
    @Test("approval: a head's revocation event reaches the service's copy and the next request is refused")
    func approvalFollowsTheRevocationEvent() async throws {
        let harness = try await ApprovalHarness.start()
        do {
            let (_, school, _) = try await harness.directory()
            let head = UUID()
            let assignment = try await harness.assign(head, .institutionHead, .institution(school))
            // The token alone, minted without the harness's grant helper: only the events count.
            let token = try await harness.minter.mint(personId: head, role: .institutionHead, scope: .institution(school))
            #expect(try await harness.client().send("GET", "/approvals/queue", token).status == 200)

            try await harness.assign(head, .institutionHead, .institution(school), revoked: true, assignment: assignment)
            let refused = try await harness.client().send("GET", "/approvals/queue", token)
            #expect(refused.status == 403 && refused.body.contains("auth.assignment_not_held"), "\(refused.status) \(refused.body)")

            // A genuine token for someone the directory never gave the role opens nothing either.
            let stranger = try await harness.minter.mint(personId: UUID(), role: .ikvdExpert, scope: .national)
            #expect(try await harness.client().send("GET", "/approvals/queue", stranger).status == 403)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    @Test("intake: a role revoked through the directory API is refused at the next click")
    func intakeFollowsItsOwnDirectory() async throws {
        let harness = try await IntakeHarness.make("intakerevoke")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let person = try await api.post("/directory/people", directory.admin, #"{"name":"Ilze Kalniņa","email":"ilze.\#(UUID().uuidString.prefix(6))@ludza.lv"}"#)
            let personId = try #require(person.string("id").flatMap(UUID.init(uuidString:)), "\(person.body)")
            let head = try await harness.token(.institutionHead, .institution(directory.school))
            let assigned = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(personId)","role":"preparer","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            let assignmentId = try #require(assigned.string("id"), "\(assigned.body)")
            let token = try await harness.minter.mint(personId: personId, role: .preparer, scope: .institution(directory.school))
            #expect(try await api.get("/plans", token).status == .ok)

            let revoked = try await api.post("/directory/assignments/\(assignmentId)/revoke", head)
            #expect(revoked.status == .ok, "\(revoked.body)")
            let refused = try await api.get("/plans", token)
            #expect(refused.status == .forbidden && refused.body.contains("auth.assignment_not_held"), "\(refused.body)")
        }
    }
}

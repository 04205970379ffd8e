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
    /// Who may decide (issue #17 item 2), against the real broker and database: one person decides
    /// a plan at one level only, nobody who wrote any revision decides it, delegations pass approval
    /// and return only, never to someone holding another level, and end with the delegator's role.
    @Suite("Approval identity rules against real RabbitMQ + PostgreSQL", .serialized)
    struct ApprovalIdentityIntegrationTests {
        static func path(_ plan: PlanReference, _ command: String) -> String { "/approvals/plans/\(plan.planId)/\(command)" }

        @Test("one person decides a plan at one level only: as themselves, through another role, acting for someone, across revisions")
        func oneLevelPerPerson() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (municipality, school, _) = try await harness.directory()
            let personId = UUID(), expertId = UUID(), otherHeadId = UUID()
            // One person holding two levels (a head who is also the municipality's coordinator).
            let asHead = try await harness.token(.institutionHead, .institution(school), person: personId)
            let asCoordinator = try await harness.token(.municipalityCoordinator, .municipality(municipality), person: personId)
            let coordinator = try await harness.token(.municipalityCoordinator, .municipality(municipality))
            let otherHead = try await harness.token(.institutionHead, .institution(school), person: otherHeadId)
            let expert = try await harness.token(.ikvdExpert, .region("Latgale"), person: expertId)
            try await harness.assign(expertId, .ikvdExpert, .region("Latgale"))

            let plan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", Self.path(plan, "approve"), asHead).json["state"] as? String == "awaiting_municipality")
            let second = try await api.send("POST", Self.path(plan, "approve"), asCoordinator)
            #expect(second.status == 403 && second.body.contains("approval.one_level"), "approved twice by one person: \(second.body)")
            let back = try await api.send("POST", Self.path(plan, "return"), asCoordinator, #"{"comment":"Labot F04."}"#)
            #expect(back.status == 403 && back.body.contains("approval.one_level"), "returned at a second level: \(back.body)")
            #expect(try await api.send("POST", Self.path(plan, "approve"), coordinator).json["state"] as? String == "awaiting_ikvd")
            // Acting for an IKVD expert is still the same person. (While they hold a level the delegation
            // itself is refused; so their roles end first, and the delegate acts with a role that decides nothing.)
            try await harness.revokeAll(personId)
            let asSpecialist = try await harness.token(.specialist, .institution(school), person: personId)
            #expect(try await api.send("POST", "/approvals/delegations", expert,
                                       #"{"delegateId":"\#(personId)","validFrom":"2022-10-01","validUntil":"2022-10-31"}"#).status == 201)
            let acting = try await api.send("POST", Self.path(plan, "approve"), asSpecialist, #"{"actingFor":"\#(expertId)"}"#)
            #expect(acting.status == 403 && acting.body.contains("approval.one_level"), "decided again acting for someone: \(acting.body)")
            #expect(try await harness.state(plan.planId) == "awaiting_ikvd")

            // Across revisions: the head's approval of revision 2 still counts when revision 3 reaches the municipality.
            let asHeadAgain = try await harness.token(.institutionHead, .institution(school), person: personId)
            let asCoordinatorAgain = try await harness.token(.municipalityCoordinator, .municipality(municipality), person: personId)
            let revised = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(revised.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", Self.path(revised, "approve"), asHeadAgain).json["state"] as? String == "awaiting_municipality")
            #expect(try await api.send("POST", Self.path(revised, "return"), coordinator, #"{"comment":"Precizējiet."}"#)
                .json["state"] as? String == "returned")
            var next = revised
            next.revision = 3
            try await harness.upstream.publish(ApprovalHarness.submitted(next, preparer: UUID()), producer: "intake")
            try await harness.upstream.publish(PlanValidated(plan: next, warnings: []), producer: "risk_validation")
            #expect(await harness.waitFor(next.planId, "awaiting_institution_head"))
            #expect(try await api.send("POST", Self.path(next, "approve"), otherHead).json["state"] as? String == "awaiting_municipality",
                    "the same level again is fine for another head")
            let later = try await api.send("POST", Self.path(next, "approve"), asCoordinatorAgain)
            #expect(later.status == 403 && later.body.contains("approval.one_level"), "a new revision does not wash the first decision: \(later.body)")
            await harness.stop()
        }

        @Test("nobody who submitted any revision, or was submitted for, approves or returns the plan")
        func authorsOfEveryRevision() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (_, school, _) = try await harness.directory()
            let firstAuthor = UUID(), secondAuthor = UUID(), principal = UUID()
            let firstAuthorAsHead = try await harness.token(.institutionHead, .institution(school), person: firstAuthor)
            let principalAsHead = try await harness.token(.institutionHead, .institution(school), person: principal)
            let head = try await harness.token(.institutionHead, .institution(school))

            // Revision 2 by one person, returned; revision 3 by another, acting for a third.
            let plan = try await harness.validatedPlan(institution: school, preparer: firstAuthor)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            let ownReturn = try await api.send("POST", Self.path(plan, "return"), firstAuthorAsHead, #"{"comment":"Labot."}"#)
            #expect(ownReturn.status == 403 && ownReturn.body.contains("approval.own_plan"), "an author returned their own plan: \(ownReturn.body)")
            #expect(try await api.send("POST", Self.path(plan, "return"), head, #"{"comment":"Labot."}"#).json["state"] as? String == "returned")
            var next = plan
            next.revision = 3
            try await harness.upstream.publish(ApprovalHarness.submitted(next, preparer: secondAuthor, actingFor: principal), producer: "intake")
            try await harness.upstream.publish(PlanValidated(plan: next, warnings: []), producer: "risk_validation")
            #expect(await harness.waitFor(next.planId, "awaiting_institution_head"))

            let earlier = try await api.send("POST", Self.path(next, "approve"), firstAuthorAsHead)
            #expect(earlier.status == 403 && earlier.body.contains("approval.own_plan"), "the author of revision 2 approved revision 3: \(earlier.body)")
            let submittedFor = try await api.send("POST", Self.path(next, "approve"), principalAsHead)
            #expect(submittedFor.status == 403 && submittedFor.body.contains("approval.own_plan"),
                    "the person revision 3 was submitted for approved it: \(submittedFor.body)")
            #expect(try await harness.state(next.planId) == "awaiting_institution_head")
            #expect(try await api.send("POST", Self.path(next, "approve"), head).json["state"] as? String == "awaiting_municipality")
            await harness.stop()
        }

        @Test("a delegation passes approval and return only: suspend, resume, review and delete acting for someone are refused")
        func delegationPassesDecisionsOnly() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (_, school, _) = try await harness.directory()
            let headId = UUID(), deputyId = UUID()
            try await harness.assign(headId, .institutionHead, .institution(school))
            let head = try await harness.token(.institutionHead, .institution(school), person: headId)
            let deputy = try await harness.token(.institutionCoordinator, .institution(school), person: deputyId)
            #expect(try await api.send("POST", "/approvals/delegations", head,
                                       #"{"delegateId":"\#(deputyId)","validFrom":"2022-10-01","validUntil":"2022-10-31"}"#).status == 201)
            let plan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            for command in ["suspend", "review", "delete", "resume"] {
                let refused = try await api.send("POST", Self.path(plan, command), deputy, #"{"actingFor":"\#(headId)","comment":"Prombūtnē"}"#)
                #expect(refused.status == 403 && refused.body.contains("delegation.command_not_delegated"), "\(command): \(refused.body)")
            }
            #expect(try await harness.state(plan.planId) == "awaiting_institution_head")
            let approved = try await api.send("POST", Self.path(plan, "approve"), deputy, #"{"actingFor":"\#(headId)"}"#)
            #expect(approved.json["state"] as? String == "awaiting_municipality", "approval still passes: \(approved.body)")
            await harness.stop()
        }

        @Test("no delegation to someone holding another level in the scope: refused when created and when used")
        func delegateHoldingAnotherLevel() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (municipality, school, _) = try await harness.directory()
            let headId = UUID(), coordinatorId = UUID(), expertId = UUID(), laterId = UUID()
            try await harness.assign(headId, .institutionHead, .institution(school))
            try await harness.assign(coordinatorId, .municipalityCoordinator, .municipality(municipality))
            try await harness.assign(expertId, .ikvdExpert, .region("Latgale"))
            let head = try await harness.token(.institutionHead, .institution(school), person: headId)
            for delegate in [coordinatorId, expertId] {
                let refused = try await api.send("POST", "/approvals/delegations", head,
                                                 #"{"delegateId":"\#(delegate)","validFrom":"2022-10-01","validUntil":"2022-10-31"}"#)
                #expect(refused.status == 403 && refused.body.contains("delegation.conflicting_level"), "\(refused.body)")
            }
            // Given while the delegate held nothing else; they became the municipality's coordinator since.
            #expect(try await api.send("POST", "/approvals/delegations", head,
                                       #"{"delegateId":"\#(laterId)","validFrom":"2022-10-01","validUntil":"2022-10-31"}"#).status == 201)
            try await harness.assign(laterId, .municipalityCoordinator, .municipality(municipality))
            let plan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            let later = try await harness.token(.municipalityCoordinator, .municipality(municipality), person: laterId)
            let used = try await api.send("POST", Self.path(plan, "approve"), later, #"{"actingFor":"\#(headId)"}"#)
            #expect(used.status == 403 && used.body.contains("delegation.conflicting_level"), "\(used.body)")
            #expect(try await harness.state(plan.planId) == "awaiting_institution_head")
            await harness.stop()
        }

        @Test("a delegation stops when its delegator's role ends, and never works for a delegator the directory does not know")
        func delegatorWithoutTheRole() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (_, school, _) = try await harness.directory()
            let knownId = UUID(), unknownId = UUID(), deputyId = UUID()
            let assignment = try await harness.assign(knownId, .institutionHead, .institution(school))
            let known = try await harness.token(.institutionHead, .institution(school), person: knownId)
            let deputy = try await harness.token(.institutionCoordinator, .institution(school), person: deputyId)
            #expect(try await api.send("POST", "/approvals/delegations", known,
                                       #"{"delegateId":"\#(deputyId)","validFrom":"2022-10-01","validUntil":"2022-10-31"}"#).status == 201)
            // A delegation from someone the directory copy has never shown in the role (recorded before
            // rights were checked at every request, or the copy lost the person): no rights pass.
            _ = try await harness.host.pool.withConnection { try $0.execute("""
                INSERT INTO delegations (id, delegator, delegate, role, scope_kind, scope_id, valid_from, valid_until)
                VALUES ($1, $2, $3, 'institution_head', 'institution', $4, '2022-10-01', '2022-10-31')
                """, [UUID(), unknownId, deputyId, school]) }
            let plan = try await harness.validatedPlan(institution: school)
            #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            let stranger = try await api.send("POST", Self.path(plan, "approve"), deputy, #"{"actingFor":"\#(unknownId)"}"#)
            #expect(stranger.status == 403 && stranger.body.contains("delegation.delegator_role_ended"),
                    "acting for someone the directory does not know as a head: \(stranger.body)")
            try await harness.assign(knownId, .institutionHead, .institution(school), revoked: true, assignment: assignment)
            let ended = try await api.send("POST", Self.path(plan, "approve"), deputy, #"{"actingFor":"\#(knownId)"}"#)
            #expect(ended.status == 403 && ended.body.contains("delegation.delegator_role_ended"), "\(ended.body)")
            #expect(try await harness.state(plan.planId) == "awaiting_institution_head")
            await harness.stop()
        }

        @Test("VPII is a state vocational institution only: municipal vocational and state general schools pass the municipality step")
        func stateVocationalOnly() async throws {
            let harness = try await ApprovalHarness.start()
            let api = harness.client()
            let (municipality, _, vpii) = try await harness.directory()
            let municipalVocational = try await harness.institution(kind: "vocational", founder: "municipal", municipality: municipality)
            let stateGeneral = try await harness.institution(kind: "general", founder: "state", municipality: nil)
            for (institution, expected) in [(municipalVocational, "awaiting_municipality"), (stateGeneral, "awaiting_municipality"),
                                            (vpii, "awaiting_ikvd")] {
                let plan = try await harness.validatedPlan(institution: institution)
                #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
                let head = try await harness.token(.institutionHead, .institution(institution))
                let approved = try await api.send("POST", Self.path(plan, "approve"), head)
                #expect(approved.json["state"] as? String == expected, "\(institution): \(approved.body)")
            }
            await harness.stop()
        }
    }
}

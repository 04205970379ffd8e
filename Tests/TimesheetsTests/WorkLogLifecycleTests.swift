@testable import Timesheets
import Auth
import Testing

/// The work record's state machine: every command from every state, by owner and coordinator.
@Suite("Work record state machine")
struct WorkLogLifecycleTests {
    static let owner = WorkLogActor(role: .specialist, isOwner: true)
    static let coordinator = WorkLogActor(role: .institutionCoordinator, isOwner: false)

    func outcome(_ command: WorkLogCommand, _ state: WorkLogState, _ actor: WorkLogActor, entries: Int = 1) -> String {
        switch WorkLogLifecycle.apply(command, to: state, by: actor, activeEntries: entries) {
        case .success(let next): next.rawValue
        case .failure(let refusal): refusal.rule
        }
    }

    @Test("the owner submits an open or returned month with entries; nothing else")
    func submit() {
        #expect(outcome(.submit, .open, Self.owner) == "submitted")
        #expect(outcome(.submit, .returned, Self.owner) == "submitted")
        #expect(outcome(.submit, .submitted, Self.owner) == "worklog.not_editable")
        #expect(outcome(.submit, .approved, Self.owner) == "worklog.not_editable")
        #expect(outcome(.submit, .open, Self.owner, entries: 0) == "worklog.empty")
        #expect(outcome(.submit, .open, Self.coordinator) == "worklog.not_owner")
    }

    @Test("the coordinator approves or returns a submitted month; not their own, not in another state, not another role")
    func decide() {
        #expect(outcome(.approve, .submitted, Self.coordinator) == "approved")
        #expect(outcome(.returnForCorrection(comment: "Pārbaudiet 12. oktobri"), .submitted, Self.coordinator) == "returned")
        for state in [WorkLogState.open, .returned, .approved] {
            #expect(outcome(.approve, state, Self.coordinator) == "worklog.not_submitted")
            #expect(outcome(.returnForCorrection(comment: "x"), state, Self.coordinator) == "worklog.not_submitted")
        }
        #expect(outcome(.approve, .submitted, WorkLogActor(role: .institutionCoordinator, isOwner: true)) == "worklog.own_record")
        #expect(outcome(.returnForCorrection(comment: "x"), .submitted, WorkLogActor(role: .institutionCoordinator, isOwner: true))
                == "worklog.own_record")
        for role in [Role.institutionHead, .specialist, .preparer, .municipalityCoordinator, .ikvdExpert] {
            #expect(outcome(.approve, .submitted, WorkLogActor(role: role, isOwner: false)) == "auth.role_not_allowed")
        }
        #expect(outcome(.returnForCorrection(comment: " \n"), .submitted, Self.coordinator) == "worklog.comment_required")
    }

    @Test("the coordinator attests a staff member's record they made; then the head or another coordinator decides, never the attester (issue #19 item 6)")
    func attest() {
        #expect(outcome(.attest, .open, Self.coordinator) == "submitted")
        #expect(outcome(.attest, .returned, Self.coordinator) == "submitted")
        #expect(outcome(.attest, .submitted, Self.coordinator) == "worklog.not_editable")
        #expect(outcome(.attest, .open, Self.coordinator, entries: 0) == "worklog.empty")
        #expect(outcome(.attest, .open, Self.owner) == "worklog.attest_not_allowed")
        #expect(outcome(.attest, .open, WorkLogActor(role: .institutionCoordinator, isOwner: true)) == "worklog.attest_not_allowed")
        #expect(outcome(.attest, .open, WorkLogActor(role: .institutionHead, isOwner: false)) == "worklog.attest_not_allowed")
        func decided(_ actor: WorkLogActor, attested: Bool) -> String {
            switch WorkLogLifecycle.apply(.approve, to: .submitted, by: actor, activeEntries: 1, attested: attested) {
            case .success(let next): next.rawValue
            case .failure(let refusal): refusal.rule
            }
        }
        let attester = WorkLogActor(role: .institutionCoordinator, isOwner: false, isAttester: true)
        #expect(decided(attester, attested: true) == "worklog.own_attestation")
        #expect(decided(Self.coordinator, attested: true) == "approved", "another coordinator")
        #expect(decided(WorkLogActor(role: .institutionHead, isOwner: false), attested: true) == "approved", "the head")
        #expect(decided(WorkLogActor(role: .institutionHead, isOwner: false), attested: false) == "auth.role_not_allowed",
                "a record the person confirmed is the coordinator's to decide")
    }

    @Test("refusals map to the right kind: 403 for who, 409 for state, 422 for input")
    func kinds() {
        func kind(_ result: Result<WorkLogState, Refusal>) -> Refusal.Kind? {
            if case .failure(let refusal) = result { return refusal.kind }
            return nil
        }
        #expect(kind(WorkLogLifecycle.apply(.approve, to: .submitted, by: WorkLogActor(role: .institutionCoordinator, isOwner: true),
                                            activeEntries: 1)) == .forbidden)
        #expect(kind(WorkLogLifecycle.apply(.approve, to: .approved, by: Self.coordinator, activeEntries: 1)) == .conflict)
        #expect(kind(WorkLogLifecycle.apply(.returnForCorrection(comment: ""), to: .submitted, by: Self.coordinator, activeEntries: 1)) == .invalid)
    }

    @Test("only open and returned months are editable")
    func editable() {
        #expect(WorkLogState.allCases.filter(\.isEditable) == [.open, .returned])
    }
}

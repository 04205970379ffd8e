import Rules
import Testing

/// Every state × every command, with the right actor and all guards satisfied: either the
/// expected new state or a refusal with its reason.
@Suite("Plan lifecycle: every state × every command")
struct LifecycleMatrixTests {
    static let commands: [PlanCommand] = [
        .submit, .validationPassed, .validationFailed(reasons: ["risk.justification.vague"]), .forwardForApproval,
        .approve(.institutionHead), .approve(.municipality), .approve(.ikvd),
        .returnForRevision(comment: "Precizējiet L02 pamatojumu."), .suspend(reason: "Izglītojamais pārtrauca mācības."),
        .consentRevoked, .resume, .requestReview, .delete, .startImplementation, .report, .close,
    ]

    /// Allowed transitions for a municipal institution; everything else is refused.
    static let allowed: [PlanState: [String: PlanState]] = [
        .draft: ["submit": .submitted, "delete": .deleted],
        .submitted: ["validation_passed": .validated, "validation_failed": .rejectedByValidation,
                     "suspend": .suspended, "consent_revoked": .suspended, "delete": .deleted],
        .validated: ["forward_for_approval": .awaitingInstitutionHead, "suspend": .suspended,
                     "consent_revoked": .suspended, "delete": .deleted],
        .rejectedByValidation: ["submit": .submitted, "delete": .deleted],
        .awaitingInstitutionHead: ["approve_institution_head": .awaitingMunicipality, "return_for_revision": .returned,
                                   "suspend": .suspended, "consent_revoked": .suspended, "delete": .deleted],
        .awaitingMunicipality: ["approve_municipality": .awaitingIKVD, "return_for_revision": .returned,
                                "suspend": .suspended, "consent_revoked": .suspended, "delete": .deleted],
        .awaitingIKVD: ["approve_ikvd": .approved, "return_for_revision": .returned,
                        "suspend": .suspended, "consent_revoked": .suspended, "delete": .deleted],
        .approved: ["suspend": .suspended, "consent_revoked": .suspended, "request_review": .underReview,
                    "delete": .deleted, "start_implementation": .inImplementation, "report": .reported],
        .inImplementation: ["suspend": .suspended, "consent_revoked": .suspended, "request_review": .underReview,
                            "delete": .deleted, "report": .reported],
        .returned: ["submit": .submitted, "delete": .deleted],
        .suspended: ["resume": .submitted, "delete": .deleted, "report": .reported],
        .underReview: ["submit": .submitted, "suspend": .suspended, "consent_revoked": .suspended, "delete": .deleted],
        .reported: ["delete": .deleted, "close": .closed],
        .closed: [:],
        .deleted: [:],
    ]

    struct Cell: Sendable, CustomTestStringConvertible {
        let state: PlanState
        let command: PlanCommand
        var testDescription: String { "\(state.rawValue) × \(command.name)" }
    }

    static let cells = PlanState.allCases.flatMap { state in commands.map { Cell(state: state, command: $0) } }

    static func actor(for command: PlanCommand, in state: PlanState) -> ActorRole {
        switch command {
        case .submit, .suspend, .resume, .requestReview, .delete, .report: .preparer
        case .validationPassed, .validationFailed, .consentRevoked: .system
        case .forwardForApproval, .startImplementation: .institutionCoordinator
        case .approve(let level): level.approver
        case .returnForRevision: state.awaitedLevel?.approver ?? .institutionHead
        case .close: .institutionHead
        }
    }

    static func context(_ actor: ActorRole, founder: InstitutionFounder = .municipal) -> LifecycleContext {
        LifecycleContext(institution: InstitutionCategory(kind: .general, founder: founder), actor: actor, today: day("2019-10-15"), semesterEnd: day("2019-12-31"),
                         consentOnFile: true, amountPaid: .zero)
    }

    @Test("matrix", arguments: cells)
    func matrix(_ cell: Cell) {
        let result = PlanLifecycle.apply(cell.command, to: cell.state,
                                         context: Self.context(Self.actor(for: cell.command, in: cell.state)))
        switch (Self.allowed[cell.state]?[cell.command.name], result) {
        case (let expected?, .success(let transition)):
            #expect(transition.to == expected)
            #expect(transition.from == cell.state)
            #expect(!transition.events.isEmpty)
        case (nil, .failure(let refusal)):
            let expected: Refusal.Reason = cell.state.isFinal ? .finalState
                : (cell.state.awaitedLevel != nil && cell.command.name.hasPrefix("approve_")) ? .wrongApprovalLevel
                : .notAllowedInState
            #expect(refusal.reason == expected)
            #expect(!refusal.message.lv.isEmpty && !refusal.message.en.isEmpty)
        case (let expected, let result):
            Issue.record("\(cell.testDescription): expected \(expected.map(\.rawValue) ?? "refusal"), got \(result)")
        }
    }

    @Test("every state and every command appear in the matrix")
    func complete() {
        #expect(Set(Self.allowed.keys) == Set(PlanState.allCases))
        #expect(Self.cells.count == PlanState.allCases.count * Self.commands.count)
    }
}

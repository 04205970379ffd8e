import Rules
import Testing

@Suite("Plan lifecycle: guards, routes and events")
struct LifecycleGuardTests {
    func context(_ actor: ActorRole, founder: InstitutionFounder = .municipal, kind: InstitutionKind = .vocational,
                 today: String = "2019-10-15", consent: Bool = true, paid: Cents = .zero) -> LifecycleContext {
        LifecycleContext(institution: InstitutionCategory(kind: kind, founder: founder), actor: actor, today: day(today), semesterEnd: day("2019-12-31"),
                         consentOnFile: consent, amountPaid: paid)
    }

    func reason(_ command: PlanCommand, _ state: PlanState, _ context: LifecycleContext) -> Refusal.Reason? {
        if case .failure(let refusal) = PlanLifecycle.apply(command, to: state, context: context) { return refusal.reason }
        return nil
    }

    @Test("guards refuse with a reason", arguments: [
        (PlanCommand.returnForRevision(comment: "  "), .awaitingIKVD, .ikvdExpert, "2019-10-15", true, 0, .commentRequired),
        (.returnForRevision(comment: "Labot"), .awaitingInstitutionHead, .ikvdExpert, "2019-10-15", true, 0, .wrongActor),
        (.suspend(reason: ""), .approved, .preparer, "2019-10-15", true, 0, .reasonRequired),
        (.resume, .suspended, .preparer, "2020-01-01", true, 0, .semesterEnded),
        (.delete, .inImplementation, .preparer, "2019-10-15", true, 1, .moneyPaid),
        (.approve(.institutionHead), .awaitingInstitutionHead, .preparer, "2019-10-15", true, 0, .wrongActor),
        (.validationPassed, .submitted, .preparer, "2019-10-15", true, 0, .wrongActor),
        (.startImplementation, .approved, .institutionCoordinator, "2019-10-15", false, 0, .consentMissing),
    ] as [(PlanCommand, PlanState, ActorRole, String, Bool, Int64, Refusal.Reason)])
    func guards(command: PlanCommand, state: PlanState, actor: ActorRole, today: String, consent: Bool,
                paid: Int64, expected: Refusal.Reason) {
        #expect(reason(command, state, context(actor, today: today, consent: consent, paid: Cents(paid))) == expected)
    }

    @Test("consent gates implementation, not submission or resumption (seed 000 item 8)")
    func consentGatesImplementation() throws {
        #expect(reason(.submit, .draft, context(.preparer, consent: false)) == nil)
        #expect(reason(.resume, .suspended, context(.preparer, today: "2019-12-31", consent: false)) == nil)
        let head = try PlanLifecycle.apply(.approve(.institutionHead), to: .awaitingInstitutionHead,
                                           context: context(.institutionHead, consent: false)).get()
        #expect(!head.events.contains(.implementationAllowed))
        #expect(reason(.startImplementation, .approved, context(.system, consent: false)) == .consentMissing)
        #expect(try PlanLifecycle.apply(.startImplementation, to: .approved, context: context(.system)).get().to == .inImplementation)
    }

    @Test("an approved plan enters implementation with consent and the first support delivered", arguments: [
        (PlanState.approved, true, true, true), (.approved, false, true, false), (.approved, true, false, false),
        (.awaitingIKVD, true, true, false), (.inImplementation, true, true, false), (.underReview, true, true, false),
    ])
    func entersImplementation(state: PlanState, consent: Bool, delivered: Bool, expected: Bool) {
        #expect(PlanLifecycle.entersImplementation(state: state, consentOnFile: consent, supportDelivered: delivered) == expected)
    }

    @Test("resume on the semester's last day is allowed")
    func resumeLastDay() {
        #expect(reason(.resume, .suspended, context(.preparer, today: "2019-12-31")) == nil)
    }

    @Test("VPII route: head → IKVD, no municipality step")
    func stateRoute() throws {
        let head = try PlanLifecycle.apply(.approve(.institutionHead), to: .awaitingInstitutionHead,
                                           context: context(.institutionHead, founder: .state)).get()
        #expect(head.to == .awaitingIKVD)
        #expect(head.events == [.approvalStepCompleted(.institutionHead), .implementationAllowed, .approvalRequested(.ikvd)])
        #expect(reason(.approve(.municipality), .awaitingMunicipality,
                       context(.municipalityCoordinator, founder: .state)) == .noMunicipalityStep)
        #expect(ApprovalLevel.route(for: InstitutionCategory(kind: .vocational, founder: .state)) == [.institutionHead, .ikvd])
        #expect(ApprovalLevel.route(for: InstitutionCategory(kind: .vocational, founder: .municipal)) == [.institutionHead, .municipality, .ikvd])
    }

    @Test("municipal route from draft to closed emits the events in order")
    func fullMunicipalRoute() throws {
        let steps: [(PlanCommand, ActorRole, PlanState)] = [
            (.submit, .preparer, .submitted), (.validationPassed, .system, .validated),
            (.forwardForApproval, .institutionCoordinator, .awaitingInstitutionHead),
            (.approve(.institutionHead), .institutionHead, .awaitingMunicipality),
            (.approve(.municipality), .municipalityCoordinator, .awaitingIKVD),
            (.approve(.ikvd), .ikvdExpert, .approved), (.startImplementation, .preparer, .inImplementation),
            (.report, .preparer, .reported), (.close, .institutionCoordinator, .closed),
        ]
        var state = PlanState.draft
        var events: [PlanEvent] = []
        for (command, actor, expected) in steps {
            let transition = try PlanLifecycle.apply(command, to: state, context: context(actor)).get()
            #expect(transition.to == expected)
            state = transition.to
            events += transition.events
        }
        #expect(events.contains(.approved) && events.last == .closed)
        #expect(events.filter { if case .approvalStepCompleted = $0 { true } else { false } }.count == 3)
    }

    @Test("return, resubmit: approval repeats at every level")
    func returnAndResubmit() throws {
        let returned = try PlanLifecycle.apply(.returnForRevision(comment: "Pievienojiet VIIS izrakstu."),
                                               to: .awaitingMunicipality, context: context(.municipalityCoordinator)).get()
        #expect(returned.events == [.returned(by: .municipality, comment: "Pievienojiet VIIS izrakstu.")])
        let resubmitted = try PlanLifecycle.apply(.submit, to: returned.to, context: context(.preparer)).get()
        #expect(resubmitted.to == .submitted)
    }

    @Test("revoked consent suspends and stops payouts")
    func consentRevoked() throws {
        let transition = try PlanLifecycle.apply(.consentRevoked, to: .inImplementation, context: context(.system)).get()
        #expect(transition.to == .suspended)
        #expect(transition.events.first == .consentRevoked)
        #expect(!PlanLifecycle.payoutsReleasable(state: transition.to))
    }

    @Test("implementation may start once the head approved and consent is on file", arguments: PlanState.allCases)
    func implementationMayStart(state: PlanState) {
        let afterHead: Set<PlanState> = [.awaitingMunicipality, .awaitingIKVD, .approved, .inImplementation, .underReview]
        #expect(PlanLifecycle.implementationMayStart(state: state, consentOnFile: true) == afterHead.contains(state))
        #expect(!PlanLifecycle.implementationMayStart(state: state, consentOnFile: false))
        let releasable: Set<PlanState> = [.approved, .inImplementation, .reported, .closed]
        #expect(PlanLifecycle.payoutsReleasable(state: state) == releasable.contains(state))
    }
}

/// The plan's life as a pure state machine: `(state, command, context)` → a transition with
/// the events to publish, or a refusal with a reason. No IO; the caller persists the new
/// state with who/when/why and publishes the events through its outbox.
public enum PlanLifecycle {
    /// States from which the preparer may (re)submit.
    public static let editableStates: Set<PlanState> = [.draft, .rejectedByValidation, .returned, .underReview]
    /// States in which the plan is "live" and may be suspended.
    public static let activeStates: Set<PlanState> = [
        .submitted, .validated, .awaitingInstitutionHead, .awaitingMunicipality, .awaitingIKVD,
        .approved, .inImplementation, .underReview,
    ]

    /// Applies `command` to a plan in `state`.
    public static func apply(_ command: PlanCommand, to state: PlanState,
                             context: LifecycleContext) -> Result<Transition, Refusal> {
        if state.isFinal {
            return .failure(Refusal(.finalState, lv: "Plāns ir \(state.label.lv.lowercased()): darbības vairs nav iespējamas.",
                                    en: "The plan is \(state.label.en.lowercased()): no further actions are possible."))
        }
        guard command.allowedActors.contains(context.actor) else {
            return .failure(Refusal(.wrongActor, lv: "Jūsu lomai šī darbība nav atļauta.",
                                    en: "Your role may not do this."))
        }
        return decide(command, state: state, context: context)
            .map { Transition(from: state, to: $0.0, events: $0.1) }
    }

    /// "Implementation may start" (hours and expenses may be recorded): the institution head
    /// has approved and consent is on file (seed 000 items 8, 9). During a review the earlier
    /// approval stands.
    public static func implementationMayStart(state: PlanState, consentOnFile: Bool) -> Bool {
        consentOnFile && [.awaitingMunicipality, .awaitingIKVD, .approved, .inImplementation, .underReview]
            .contains(state)
    }

    /// Whether an approved plan enters implementation (*Īstenošanā*): consent is on file and the
    /// first support has been delivered (a consultation recorded or a payout released). Support
    /// delivered while the later approval levels were still deciding counts once it is approved.
    public static func entersImplementation(state: PlanState, consentOnFile: Bool, supportDelivered: Bool) -> Bool {
        state == .approved && consentOnFile && supportDelivered
    }

    /// Whether payouts for the plan may be released to finance (fully approved plans only;
    /// others are held, not lost).
    public static func payoutsReleasable(state: PlanState) -> Bool {
        [.approved, .inImplementation, .reported, .closed].contains(state)
    }

    private typealias Outcome = Result<(PlanState, [PlanEvent]), Refusal>

    private static func decide(_ command: PlanCommand, state: PlanState, context: LifecycleContext) -> Outcome {
        switch command {
        case .submit:
            // Consent gates implementation, not submission (seed 000 item 8).
            guard editableStates.contains(state) else { return notInState(command, state) }
            return .success((.submitted, [.submitted]))
        case .validationPassed:
            return state == .submitted ? .success((.validated, [.validated])) : notInState(command, state)
        case .validationFailed(let reasons):
            return state == .submitted ? .success((.rejectedByValidation, [.rejectedByValidation(reasons: reasons)]))
                                       : notInState(command, state)
        case .forwardForApproval:
            return state == .validated
                ? .success((.awaitingInstitutionHead, [.approvalRequested(.institutionHead)]))
                : notInState(command, state)
        case .approve(let level):
            return approve(level, state: state, context: context)
        case .returnForRevision(let comment):
            guard let level = state.awaitedLevel else { return notInState(command, state) }
            guard level.approver == context.actor else {
                return .failure(Refusal(.wrongActor, lv: "Atgriezt var tikai pašreizējā saskaņošanas līmeņa apstiprinātājs.",
                                        en: "Only the approver at the current level may return the plan."))
            }
            guard !comment.isBlank else {
                return .failure(Refusal(.commentRequired, lv: "Atgriežot plānu, komentārs ir obligāts: norādiet, kas jālabo.",
                                        en: "A comment is required when returning a plan: say what to fix."))
            }
            return .success((.returned, [.returned(by: level, comment: comment)]))
        case .suspend(let reason):
            guard activeStates.contains(state) else { return notInState(command, state) }
            guard !reason.isBlank else {
                return .failure(Refusal(.reasonRequired, lv: "Norādiet apturēšanas iemeslu (piem., izglītojamais pārtrauca mācības).",
                                        en: "Give the reason for suspending (e.g. the student left)."))
            }
            return .success((.suspended, [.suspended(reason: reason)]))
        case .consentRevoked:
            guard activeStates.contains(state) else { return notInState(command, state) }
            return .success((.suspended, [.consentRevoked, .suspended(reason: "consent_revoked")]))
        case .resume:
            return resume(state: state, context: context)
        case .requestReview:
            guard state == .approved || state == .inImplementation else { return notInState(command, state) }
            return .success((.underReview, [.reviewRequested]))
        case .delete:
            guard context.amountPaid == .zero else {
                return .failure(Refusal(.moneyPaid, lv: "Plānu nevar dzēst: par to jau ir veikti maksājumi (arī sagatavotāja atlīdzība).",
                                        en: "The plan cannot be deleted: money has been paid on it (the preparer's pay included)."))
            }
            return .success((.deleted, [.deleted]))
        case .startImplementation:
            guard state == .approved else { return notInState(command, state) }
            guard context.consentOnFile else { return consentMissing() }
            return .success((.inImplementation, [.implementationStarted]))
        case .report:
            guard [.approved, .inImplementation, .suspended].contains(state) else { return notInState(command, state) }
            return .success((.reported, [.reported]))
        case .close:
            return state == .reported ? .success((.closed, [.closed])) : notInState(command, state)
        }
    }

    private static func approve(_ level: ApprovalLevel, state: PlanState, context: LifecycleContext) -> Outcome {
        let route = ApprovalLevel.route(for: context.institution)
        guard route.contains(level) else {
            return .failure(Refusal(.noMunicipalityStep, lv: "Valsts profesionālās izglītības iestāžu plāniem nav pašvaldības saskaņošanas.",
                                    en: "Plans of state vocational institutions (VPII) have no municipality step."))
        }
        guard let awaited = state.awaitedLevel else { return notInState(.approve(level), state) }
        guard awaited == level else {
            return .failure(Refusal(.wrongApprovalLevel, lv: "Plāns gaida citu saskaņošanas līmeni: \(state.label.lv).",
                                    en: "The plan awaits another approval level: \(state.label.en)."))
        }
        let next = route.firstIndex(of: level).flatMap { index in index + 1 < route.count ? route[index + 1] : nil }
        var events: [PlanEvent] = [.approvalStepCompleted(level)]
        if level == .institutionHead && context.consentOnFile { events.append(.implementationAllowed) }
        switch next {
        case .institutionHead?: return .success((.awaitingInstitutionHead, events + [.approvalRequested(.institutionHead)]))
        case .municipality?: return .success((.awaitingMunicipality, events + [.approvalRequested(.municipality)]))
        case .ikvd?: return .success((.awaitingIKVD, events + [.approvalRequested(.ikvd)]))
        case nil: return .success((.approved, events + [.approved]))
        }
    }

    private static func resume(state: PlanState, context: LifecycleContext) -> Outcome {
        guard state == .suspended else { return notInState(.resume, state) }
        guard context.today <= context.semesterEnd else {
            return .failure(Refusal(.semesterEnded, lv: "Apturētu plānu var atjaunot tikai tā paša semestra laikā; sagatavojiet jaunu plānu.",
                                    en: "A suspended plan can only resume within the same semester; prepare a new plan."))
        }
        return .success((.submitted, [.resumed, .submitted]))
    }

    private static func notInState(_ command: PlanCommand, _ state: PlanState) -> Outcome {
        .failure(Refusal(.notAllowedInState, lv: "Darbība “\(command.name)” nav iespējama statusā “\(state.label.lv)”.",
                         en: "“\(command.name)” is not possible while the plan is “\(state.label.en)”."))
    }

    private static func consentMissing() -> Outcome {
        .failure(Refusal(.consentMissing, lv: "Nav pievienots parakstīts piekrišanas iesniegums.",
                         en: "No signed consent is on file."))
    }
}

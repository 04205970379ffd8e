import Auth

/// Where a month's work record is: `open` while its owner records, `submitted` for the
/// coordinator, then `approved` (final; pay follows) or `returned` (open again for corrections).
enum WorkLogState: String, Sendable, Hashable, CaseIterable {
    case open
    case submitted
    case approved
    case returned

    /// Entries may be added or withdrawn only while the owner holds the record.
    var isEditable: Bool { self == .open || self == .returned }
}

/// A command on a work record.
enum WorkLogCommand: Sendable, Hashable {
    /// The owner hands the month in, confirming it.
    case submit
    /// The institution coordinator, who made the record for a staff member (seed 000 item 6:
    /// "darba laika uzskaites veidošana"), hands it in attesting it themselves.
    case attest
    /// The institution coordinator approves it.
    case approve
    /// The institution coordinator returns it for corrections; the comment says what to fix.
    case returnForCorrection(comment: String)

    /// Stored in the history.
    var name: String {
        switch self {
        case .submit: "submit"
        case .attest: "attest"
        case .approve: "approve"
        case .returnForCorrection: "return"
        }
    }

    var comment: String? {
        if case .returnForCorrection(let comment) = self { return comment }
        return nil
    }
}

/// Who issues a command, as far as the rules need to know.
struct WorkLogActor: Sendable, Hashable {
    /// The token's role.
    var role: Role
    /// Whether the record is the caller's own.
    var isOwner: Bool
    /// Whether the caller attested the record (handed it in for its owner).
    var isAttester: Bool = false
}

/// Who vouched for a submitted record: its owner, or the coordinator who made it.
enum WorkLogConfirmation: String, Sendable, Hashable, CaseIterable {
    /// The person confirmed their own record (they submitted it).
    case person
    /// The institution coordinator attested it.
    case coordinator
}

/// The work record's state machine: pure, so every transition and refusal is tested without IO.
/// The caller has already established that the record is inside the actor's scope.
enum WorkLogLifecycle {
    /// The state after `command`, or why not. `activeEntries` counts the entries not withdrawn.
    static func apply(_ command: WorkLogCommand, to state: WorkLogState, by actor: WorkLogActor,
                      activeEntries: Int, attested: Bool = false) -> Result<WorkLogState, Refusal> {
        switch command {
        case .submit:
            guard actor.isOwner else {
                return .failure(.forbidden("workLogId", "worklog.not_owner", lv: "Iesniegt var tikai savu darba uzskaiti.",
                                           en: "Only the record's owner may submit it."))
            }
            return handIn(state, activeEntries: activeEntries)
        case .attest:
            guard actor.role == .institutionCoordinator, !actor.isOwner else {
                return .failure(.forbidden("workLogId", "worklog.attest_not_allowed",
                                           lv: "Apliecināt var iestādes koordinators citas personas darba uzskaiti.",
                                           en: "The institution coordinator attests another person's work record."))
            }
            return handIn(state, activeEntries: activeEntries)
        case .approve, .returnForCorrection:
            // The coordinator decides; a record the coordinator attested is decided by someone else:
            // another coordinator or the head (nobody approves what they vouched for).
            let decider = actor.role == .institutionCoordinator || (actor.role == .institutionHead && attested)
            guard decider else {
                return .failure(.forbidden("role", "auth.role_not_allowed",
                                           lv: "Darba uzskaiti apstiprina vai atgriež iestādes koordinators (koordinatora apliecinātu – vadītājs vai cits koordinators).",
                                           en: "Work records are approved or returned by the institution coordinator (one the coordinator attested: by the head or another coordinator)."))
            }
            guard !actor.isAttester else {
                return .failure(.forbidden("workLogId", "worklog.own_attestation",
                                           lv: "Paša apliecinātu darba uzskaiti apstiprināt vai atgriezt nevar.",
                                           en: "Nobody approves or returns a work record they attested."))
            }
            guard !actor.isOwner else {
                return .failure(.forbidden("workLogId", "worklog.own_record",
                                           lv: "Savu darba uzskaiti apstiprināt vai atgriezt nevar.",
                                           en: "Nobody approves or returns their own work record."))
            }
            if case .returnForCorrection(let comment) = command, comment.allSatisfy({ $0.isWhitespace }) {
                return .failure(.invalid("comment", "worklog.comment_required",
                                         lv: "Komentārs ir obligāts: norādiet, kas jālabo.", en: "A comment is required: say what to fix."))
            }
            guard state == .submitted else {
                return .failure(.conflict("state", "worklog.not_submitted",
                                          lv: "Apstiprināt vai atgriezt var tikai iesniegtu darba uzskaiti.",
                                          en: "Only a submitted work record can be approved or returned."))
            }
            if case .approve = command { return .success(.approved) }
            return .success(.returned)
        }
    }

    /// Handing a record in (submitted by its owner or attested by the coordinator): only an open
    /// or returned record with at least one entry.
    private static func handIn(_ state: WorkLogState, activeEntries: Int) -> Result<WorkLogState, Refusal> {
        guard state.isEditable else {
            return .failure(.conflict("state", "worklog.not_editable",
                                      lv: "Darba uzskaite jau ir iesniegta vai apstiprināta.",
                                      en: "The work record has already been submitted or approved."))
        }
        guard activeEntries > 0 else {
            return .failure(.conflict("entries", "worklog.empty", lv: "Tukšu darba uzskaiti iesniegt nevar.",
                                      en: "An empty work record cannot be submitted."))
        }
        return .success(.submitted)
    }
}

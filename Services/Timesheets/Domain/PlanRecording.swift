import Contracts

/// Whether work may be recorded on a plan, as timesheets' copy of it says.
enum RecordingStatus: String, Sendable, Hashable, CaseIterable {
    /// Implementation may start (head approval + consent): entries are accepted.
    case open
    /// Approved, but implementation may not start yet (consent is pending): nothing is recorded
    /// until `plan.implementation_may_start` opens it.
    case waiting
    /// Resumed after a suspension: closed until approval lets the new revision start again.
    case closed
    /// Suspended: nothing is recorded until it is resumed and started again.
    case suspended
    /// Deleted (inactive): final.
    case deleted

    /// Latvian and English for refusals.
    var label: (lv: String, en: String) {
        switch self {
        case .open: ("atvērts ierakstīšanai", "open for recording")
        case .waiting: ("saskaņots, bet gaida piekrišanu – īstenošanu vēl nevar uzsākt",
                        "approved but waiting for consent: implementation may not start yet")
        case .closed: ("atjaunots, gaida atkārtotu saskaņošanu", "resumed, awaiting approval again")
        case .suspended: ("apturēts", "suspended")
        case .deleted: ("dzēsts", "deleted")
        }
    }
}

/// What timesheets keeps of a plan between events: the revision it holds, whether recording is
/// open, and the measures of that revision.
struct PlanSnapshot: Sendable, Hashable {
    var revision: Int
    var status: RecordingStatus
    var measures: [PlannedMeasurePayload]
}

/// The approval events timesheets follows, reduced to what they mean for recording.
enum PlanSignal: Sendable, Hashable {
    /// `plan.implementation_may_start`: recording opens with these measures.
    case implementationMayStart([PlannedMeasurePayload])
    /// `plan.approved`: the measures as finally approved. It does not open recording by itself:
    /// consent gates implementation (issue #19 item 3), and only `implementation_may_start` says it is there.
    case approved([PlannedMeasurePayload])
    /// `plan.suspended`.
    case suspended
    /// `plan.resumed`: recording stays closed until the resubmitted revision may start.
    case resumed
    /// `plan.deleted`.
    case deleted

    /// Stored with each change of the copy.
    var name: String {
        switch self {
        case .implementationMayStart: "implementation_may_start"
        case .approved: "approved"
        case .suspended: "suspended"
        case .resumed: "resumed"
        case .deleted: "deleted"
        }
    }
}

/// How an event changes the copy. Events about an older revision than the copy holds change
/// nothing; so does a deleted plan (final). A resumed plan is resubmitted by intake as a new
/// revision, so an `implementation_may_start` of the *same* revision after a suspension can
/// only be a late one (competing consumers may reorder) and must not reopen recording.
enum PlanRecording {
    /// The copy after `signal` about `revision`, or nil when nothing changes (ignored or repeated).
    static func apply(_ signal: PlanSignal, revision: Int, to current: PlanSnapshot?) -> PlanSnapshot? {
        guard let current else {
            switch signal {
            case .implementationMayStart(let measures):
                return PlanSnapshot(revision: revision, status: .open, measures: measures)
            case .approved(let measures):
                return PlanSnapshot(revision: revision, status: .waiting, measures: measures)
            case .suspended: return PlanSnapshot(revision: revision, status: .suspended, measures: [])
            case .resumed: return PlanSnapshot(revision: revision, status: .closed, measures: [])
            case .deleted: return PlanSnapshot(revision: revision, status: .deleted, measures: [])
            }
        }
        guard current.status != .deleted, revision >= current.revision else { return nil }
        let newer = revision > current.revision
        let next: PlanSnapshot
        switch signal {
        case .implementationMayStart(let measures):
            // Same revision: a repeat (open), or consent that came after the approval (waiting);
            // never a late start after a suspension or resumption.
            guard newer || current.status == .open || current.status == .waiting else { return nil }
            next = PlanSnapshot(revision: revision, status: .open, measures: measures)
        case .approved(let measures):
            // A newer revision keeps recording open if it was (a review: the earlier approval
            // stood); otherwise it waits for its own `implementation_may_start`.
            let status: RecordingStatus = newer ? (current.status == .open ? .open : .waiting) : current.status
            next = PlanSnapshot(revision: revision, status: status, measures: measures)
        case .suspended:
            next = PlanSnapshot(revision: revision, status: .suspended, measures: current.measures)
        case .resumed:
            next = PlanSnapshot(revision: revision, status: .closed, measures: current.measures)
        case .deleted:
            next = PlanSnapshot(revision: revision, status: .deleted, measures: current.measures)
        }
        return next == current ? nil : next
    }
}

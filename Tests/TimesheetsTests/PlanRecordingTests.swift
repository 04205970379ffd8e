@testable import Timesheets
import Contracts
import Foundation
import Testing

/// The plan copy: which events open and close recording, and which change nothing.
@Suite("Plan copy from approval's events")
struct PlanRecordingTests {
    static let measures = [PlannedMeasurePayload(measureId: UUID(), type: "consultation", providers: ["teacher"], plannedMinutes: 600)]
    static let changed = [PlannedMeasurePayload(measureId: UUID(), type: "consultation", providers: ["psychologist"], plannedMinutes: 300)]

    func open(_ revision: Int) -> PlanSnapshot { PlanSnapshot(revision: revision, status: .open, measures: Self.measures) }

    @Test("implementation may start opens; a repeat changes nothing")
    func opens() {
        #expect(PlanRecording.apply(.implementationMayStart(Self.measures), revision: 2, to: nil) == open(2))
        #expect(PlanRecording.apply(.implementationMayStart(Self.measures), revision: 2, to: open(2)) == nil)
    }

    @Test("events of an older revision change nothing")
    func older() {
        for signal in [PlanSignal.implementationMayStart(Self.changed), .approved(Self.changed), .suspended, .resumed, .deleted] {
            #expect(PlanRecording.apply(signal, revision: 1, to: open(2)) == nil, "\(signal.name)")
        }
    }

    @Test("suspend closes; resume keeps it closed; only the next revision reopens")
    func suspendResume() throws {
        let suspended = try #require(PlanRecording.apply(.suspended, revision: 2, to: open(2)))
        #expect(suspended.status == .suspended && suspended.measures == Self.measures)
        #expect(PlanRecording.apply(.implementationMayStart(Self.measures), revision: 2, to: suspended) == nil,
                "a late start of the suspended revision must not reopen")
        let resumed = try #require(PlanRecording.apply(.resumed, revision: 2, to: suspended))
        #expect(resumed.status == .closed)
        #expect(PlanRecording.apply(.approved(Self.measures), revision: 2, to: resumed) == nil)
        #expect(PlanRecording.apply(.implementationMayStart(Self.changed), revision: 3, to: resumed)
                == PlanSnapshot(revision: 3, status: .open, measures: Self.changed))
    }

    @Test("approved refreshes the measures without opening: only implementation_may_start (consent on file) opens (issue #19 item 3)")
    func approved() {
        #expect(PlanRecording.apply(.approved(Self.changed), revision: 2, to: open(2)) == PlanSnapshot(revision: 2, status: .open, measures: Self.changed))
        let suspended = PlanSnapshot(revision: 2, status: .suspended, measures: Self.measures)
        #expect(PlanRecording.apply(.approved(Self.changed), revision: 2, to: suspended)?.status == .suspended)
        #expect(PlanRecording.apply(.approved(Self.changed), revision: 3, to: suspended)?.status == .waiting)
        let waiting = PlanRecording.apply(.approved(Self.measures), revision: 4, to: nil)
        #expect(waiting == PlanSnapshot(revision: 4, status: .waiting, measures: Self.measures), "approved before its consent: waits")
        #expect(PlanRecording.apply(.implementationMayStart(Self.measures), revision: 4, to: waiting) == open(4), "consent came: it opens")
        #expect(PlanRecording.apply(.approved(Self.changed), revision: 3, to: open(2))?.status == .open, "a review's approval keeps it open")
    }

    @Test("deleted is final")
    func deleted() throws {
        let deleted = try #require(PlanRecording.apply(.deleted, revision: 2, to: open(2)))
        #expect(deleted.status == .deleted)
        for signal in [PlanSignal.implementationMayStart(Self.measures), .approved(Self.measures), .suspended, .resumed, .deleted] {
            #expect(PlanRecording.apply(signal, revision: 9, to: deleted) == nil, "\(signal.name)")
        }
    }

    @Test("a suspension that overtakes the start is kept, and the start of that revision then changes nothing")
    func earlySuspension() throws {
        let suspended = try #require(PlanRecording.apply(.suspended, revision: 2, to: nil))
        #expect(suspended.status == .suspended)
        #expect(PlanRecording.apply(.implementationMayStart(Self.measures), revision: 2, to: suspended) == nil)
    }
}

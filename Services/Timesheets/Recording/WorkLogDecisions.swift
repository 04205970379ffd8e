import Auth
import Contracts
import Foundation
import Postgres
import ServiceKit

/// Submits, approves and returns work records. The record row is locked for the whole
/// transaction, so of two people deciding at once exactly one wins and the other meets the new
/// state (409 with it); the transition, its history row and its event (through the outbox)
/// commit together or not at all.
struct WorkLogDecisions: Sendable {
    func decide(_ command: WorkLogCommand, workLogId: UUID, expectedVersion: Int?, by principal: Principal, outbox: OutboxWriter,
                on connection: PostgresConnection) throws -> WorkLogSummary {
        guard let record = try WorkLogRecord.lock(workLogId, on: connection),
              let facts = try ScopeFacts.of(record.institutionId, for: principal, on: connection),
              WorkLogAccess.canSee(owner: record.personId, institution: facts, by: principal) else {
            throw Refusal.notFound("workLogId", "worklog.unknown", lv: "Darba uzskaite nav atrasta.", en: "Work record not found.")
        }
        if let expectedVersion, expectedVersion != record.version {
            throw Refusal.conflict("version", "worklog.version_mismatch",
                                   lv: "Darba uzskaite pa to laiku ir mainīta; pārlādējiet to.", en: "The work record has changed meanwhile; reload it.")
                .at(state: record.state.rawValue, version: record.version)
        }
        let work = try WorkLogRecord.work(of: record.id, on: connection)
        let attested = record.state == .submitted && record.confirmation == .coordinator
        let actor = WorkLogActor(role: principal.role, isOwner: principal.personId == record.personId,
                                 isAttester: attested && record.confirmedBy == principal.personId)
        let state: WorkLogState
        switch WorkLogLifecycle.apply(command, to: record.state, by: actor, activeEntries: work.filter { !$0.withdrawn }.count,
                                      attested: attested) {
        case .success(let next): state = next
        case .failure(let refusal): throw refusal.at(state: record.state.rawValue, version: record.version)
        }
        let payload = ActorPayload(personId: principal.personId, role: principal.role.rawValue)
        let moved = try WorkLogRecord.move(record, to: state, command: command, actor: payload, on: connection)
        let month = record.month
        switch command {
        case .submit, .attest:
            try outbox.enqueue(WorkLogSubmitted(workLogId: record.id, personId: record.personId, institutionId: record.institutionId,
                                                month: month), on: connection)
        case .approve:
            let plans = try PlanCopy.references(Array(Set(work.map(\.planId))), on: connection)
            try outbox.enqueue(WorkLogApproved(workLogId: record.id, personId: record.personId, institutionId: record.institutionId,
                                               month: month, lines: WorkLogLines.lines(work, plans: plans), approvedBy: payload), on: connection)
        case .returnForCorrection(let comment):
            try outbox.enqueue(WorkLogReturned(workLogId: record.id, personId: record.personId, month: month, comment: comment), on: connection)
        }
        return WorkLogSummary(moved, totalMinutes: work.filter { !$0.withdrawn }.reduce(0) { $0 + $1.minutes })
    }
}

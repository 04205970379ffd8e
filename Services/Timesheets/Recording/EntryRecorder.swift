import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit

/// Records and withdraws entries. Recording locks the plan row first, so entries of one plan
/// (by anyone, on any instance) run one after another: the delivered and preparer totals read
/// after the lock are exactly what the new entry adds to, and of two entries that together would
/// exceed the plan only one gets in. Any refusal rolls the whole transaction back (including a
/// work record it had just created).
struct EntryRecorder: Sendable {
    let settings: ProgrammeSettings

    func record(_ input: NewEntry, as role: EntryRole, by principal: Principal, today: CalendarDate,
                outbox: OutboxWriter, on connection: PostgresConnection) throws -> EntryRecorded {
        if let refusal = EntryRules.shape(input, as: role) { throw refusal }
        // Whose work: the recorder's own, or (the institution coordinator making the staff's
        // records, seed 000 item 6) the person named; recorded_by says who wrote it down.
        let owner: UUID
        if principal.role == .institutionCoordinator {
            guard let person = input.personId, person != principal.personId else {
                throw Refusal.invalid("personId", "entry.person_required",
                                      lv: "Norādiet, kura darbinieka darbu ierakstāt (savas stundas ieraksta ar savu lomu).",
                                      en: "Name the staff member whose work you record (your own hours go under your own role).")
            }
            owner = person
        } else {
            guard input.personId == nil || input.personId == principal.personId else {
                throw Refusal.forbidden("personId", "entry.not_coordinator",
                                        lv: "Citas personas darbu ieraksta tikai iestādes koordinators.",
                                        en: "Only the institution coordinator records another person's work.")
            }
            owner = principal.personId
        }
        guard let plan = try PlanCopy.lock(input.planId, on: connection), principal.scope == .institution(plan.institutionId) else {
            throw Refusal.notFound("planId", "entry.plan_unknown",
                                   lv: "Plāns nav atrasts: stundas var ierakstīt savas iestādes plānam, kad atļauts uzsākt tā īstenošanu.",
                                   en: "Plan not found: hours are recorded on a plan of your institution once its implementation may start.")
        }
        guard plan.status == .open else {
            throw Refusal.conflict("planId", "entry.plan_not_open", lv: "Plānam stundas ierakstīt nevar: tas ir \(plan.status.label.lv).",
                                   en: "Hours cannot be recorded on the plan: it is \(plan.status.label.en).")
                .at(state: plan.status.rawValue, version: plan.version)
        }
        if let refusal = RecordingWindow.check(workDate: input.workDate, semesterCode: plan.semester, today: today, settings: settings) {
            throw refusal
        }
        // Employment first: the work must fall inside the person's contract for its profession here.
        let profession: StaffRole = role == .preparer ? .preparer : input.providerType.map(StaffRole.init) ?? .teacher
        let contracts = try StaffContractStore(programme: settings.programmePeriod)
            .contracts(of: owner, at: plan.institutionId, on: connection)
        guard let contract = StaffContractRules.covering(person: owner, institution: plan.institutionId,
                                                         profession: profession, on: input.workDate, in: contracts) else {
            throw StaffContractRules.noContract(profession: profession, on: input.workDate)
        }
        let log = try WorkLogRecord.lockOrCreate(person: owner, institution: plan.institutionId,
                                                 month: WorkMonth(input.workDate), on: connection)
        guard log.state.isEditable else {
            throw Refusal.conflict("workDate", "worklog.not_editable",
                                   lv: "Mēneša \(log.month) darba uzskaite jau ir iesniegta vai apstiprināta.",
                                   en: "The work record of \(log.month) has already been submitted or approved.")
                .at(state: log.state.rawValue, version: log.version)
        }
        switch role {
        case .specialist:
            // Seed 004: during an emergency consultations continue remotely only.
            if let refusal = try EmergencyPeriods.check(remote: input.remote ?? false, on: input.workDate, institution: plan.institutionId,
                                                        on: connection) {
                throw refusal
            }
            let measure = try EntryRules.measure(for: input, in: plan.measures).get()
            let delivered = try minutes("plan_id = $1 AND measure_id = $2", [plan.planId, measure.measureId], on: connection)
            if let refusal = Refusal.firstError(of: HoursRules.checkDelivery(planned: measure.plannedMinutes ?? 0, alreadyDelivered: delivered,
                                                                             recording: input.minutes, path: "minutes"), field: "minutes") {
                throw refusal
            }
        case .preparer:
            // The limit is per plan: every preparer's own work on it together (the window check parsed the semester).
            let used = try minutes("plan_id = $1 AND role = 'preparer'", [plan.planId], on: connection)
            if let semester = SemesterRef(code: plan.semester),
               let refusal = Refusal.firstError(of: HoursRules.checkPreparer(alreadyRecorded: used, recording: input.minutes, semester: semester,
                                                                             settings: settings, path: "minutes"), field: "minutes") {
                throw refusal
            }
        }
        let id = UUID.timeOrdered()
        try connection.execute("""
            INSERT INTO entries (id, work_log_id, plan_id, plan_revision, measure_id, role, provider_type, subject, remote, work_date, minutes,
                                 recorded_by, contract_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12, $13)
            """, [id, log.id, plan.planId, plan.revision, input.measureId, role.rawValue, input.providerType?.rawValue, input.subject,
                  input.remote, input.workDate.iso, input.minutes, principal.personId, contract.id])
        _ = try WorkLogRecord.touch(log.id, on: connection)
        if role == .specialist {
            try Self.announceFirstDelivery(plan, on: input.workDate, outbox: outbox, on: connection)
        }
        let warnings = role == .specialist
            ? WeeklyWarnings.of(plan: plan.planId, sessions: try Self.sessions(of: plan.planId, around: [input.workDate.weekStart], on: connection),
                                weeks: [input.workDate.weekStart], settings: settings)
            : []
        return EntryRecorded(entry: try Self.view(id, on: connection), warnings: warnings)
    }

    /// The plan's first consultation starts its implementation (issue #19 item 4): announced once
    /// per plan, in the entry's transaction (the plan row is locked, so two first entries at once
    /// announce once). A preparer's own hours are not support delivered to the student.
    static func announceFirstDelivery(_ plan: PlanCopy, on day: CalendarDate, outbox: OutboxWriter,
                                      on connection: PostgresConnection) throws {
        let first = try connection.execute("""
            UPDATE plans SET delivery_announced_at = now() WHERE plan_id = $1 AND delivery_announced_at IS NULL
            """, [plan.planId]) > 0
        guard first else { return }
        try outbox.enqueue(PlanSupportDelivered(plan: plan.reference, deliveredOn: day.iso), on: connection)
    }

    /// Withdraws an entry of the caller's own record while that month is open or returned: the
    /// row stays, flagged with who and when; totals and limits no longer count it.
    func withdraw(_ entryId: UUID, by principal: Principal, on connection: PostgresConnection) throws -> EntryView {
        let unknown = Refusal.notFound("entryId", "entry.unknown", lv: "Ieraksts nav atrasts.", en: "Entry not found.")
        guard let row = try connection.query("SELECT work_log_id, withdrawn_at IS NOT NULL AS withdrawn FROM entries WHERE id = $1",
                                             [entryId]).first,
              let log = try WorkLogRecord.lock(try row.decode("work_log_id"), on: connection),
              let facts = try ScopeFacts.of(log.institutionId, for: principal, on: connection),
              WorkLogAccess.canSee(owner: log.personId, institution: facts, by: principal) else { throw unknown }
        guard log.personId == principal.personId else {
            throw Refusal.forbidden("entryId", "entry.not_owner", lv: "Atsaukt var tikai savus ierakstus.", en: "Only your own entries can be withdrawn.")
        }
        guard log.state.isEditable else {
            throw Refusal.conflict("state", "worklog.not_editable",
                                   lv: "Mēneša \(log.month) darba uzskaite ir iesniegta vai apstiprināta: ierakstus atsaukt nevar.",
                                   en: "The work record of \(log.month) is submitted or approved: entries cannot be withdrawn.")
                .at(state: log.state.rawValue, version: log.version)
        }
        guard try !row.decode("withdrawn", as: Bool.self) else {
            throw Refusal.conflict("entryId", "entry.already_withdrawn", lv: "Ieraksts jau ir atsaukts.", en: "The entry is already withdrawn.")
                .at(state: log.state.rawValue, version: log.version)
        }
        try connection.execute("UPDATE entries SET withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1", [entryId, principal.personId])
        _ = try WorkLogRecord.touch(log.id, on: connection)
        return try Self.view(entryId, on: connection)
    }

    /// Minutes of the entries not withdrawn that match `condition`.
    func minutes(_ condition: String, _ parameters: [any PostgresBindable], on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT coalesce(sum(minutes), 0)::int8 AS m FROM entries WHERE withdrawn_at IS NULL AND \(condition)", parameters)
            .single().decode("m", as: Int.self)
    }

    /// The plan's consultation dates (not withdrawn) in the ISO weeks starting on `weeks`.
    static func sessions(of planId: UUID, around weeks: [CalendarDate], on connection: PostgresConnection) throws -> [CalendarDate] {
        guard let first = weeks.min(), let last = weeks.max()?.adding(days: 6) else { return [] }
        return try connection.query("""
            SELECT work_date::text AS d FROM entries
            WHERE plan_id = $1 AND role = 'specialist' AND withdrawn_at IS NULL AND work_date BETWEEN $2::date AND $3::date
            """, [planId, first.iso, last.iso]).compactMap { CalendarDate(iso: try $0.decode("d", as: String.self)) }
    }

    static func view(_ id: UUID, on connection: PostgresConnection) throws -> EntryView {
        try EntryView(row: try connection.query("SELECT \(EntryView.columns) FROM entries e JOIN plans p ON p.plan_id = e.plan_id WHERE e.id = $1",
                                                [id]).single())
    }
}

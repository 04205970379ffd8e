import Contracts
import Foundation
import Postgres

/// One entry as the API shows it (withdrawn ones included, flagged, with who and when).
struct EntryView: Codable, Sendable {
    var id: UUID
    var workLogId: UUID
    var planId: UUID
    var studentCode: String
    var measureId: UUID?
    var role: String
    var providerType: String?
    var subject: String?
    var remote: Bool?
    var workDate: String
    var minutes: Int
    var recordedBy: UUID
    var recordedAt: String
    var withdrawn: Bool
    var withdrawnBy: UUID?
    var withdrawnAt: String?

    /// The columns `init(row:)` reads (entries `e` joined with plans `p`).
    static let columns = """
        e.id, e.work_log_id, e.plan_id, p.student_code, e.measure_id, e.role, e.provider_type, e.subject, e.remote,
        e.work_date::text AS work_date, e.minutes, e.recorded_by, e.recorded_at, e.withdrawn_by, e.withdrawn_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        workLogId = try row.decode("work_log_id")
        planId = try row.decode("plan_id")
        studentCode = try row.decode("student_code")
        measureId = try row.decode("measure_id")
        role = try row.decode("role")
        providerType = try row.decode("provider_type")
        subject = try row.decode("subject")
        remote = try row.decode("remote")
        workDate = try row.decode("work_date")
        minutes = try row.decode("minutes")
        recordedBy = try row.decode("recorded_by")
        recordedAt = Timestamp.format(try row.decode("recorded_at", as: Date.self))
        withdrawnBy = try row.decode("withdrawn_by")
        withdrawnAt = try row.decode("withdrawn_at", as: Date?.self).map(Timestamp.format)
        withdrawn = withdrawnAt != nil
    }
}

/// `POST /timesheets/entries` answers with the entry and the weekly-load warnings of its week.
struct EntryRecorded: Codable, Sendable {
    var entry: EntryView
    var warnings: [WeeklyWarning]
}

/// A work record in lists and as the answer to a command.
struct WorkLogSummary: Codable, Sendable {
    var id: UUID
    var personId: UUID
    var institutionId: UUID
    var month: String
    var state: String
    var version: Int
    /// Minutes of the entries not withdrawn.
    var totalMinutes: Int
    var createdAt: String
    var updatedAt: String
    /// Who vouched for it when handed in: `person` (confirmed) or `coordinator` (attested).
    var confirmation: String?
    var confirmedBy: UUID?

    init(_ record: WorkLogRecord, totalMinutes: Int) {
        id = record.id
        personId = record.personId
        institutionId = record.institutionId
        month = record.month
        state = record.state.rawValue
        version = record.version
        self.totalMinutes = totalMinutes
        createdAt = Timestamp.format(record.createdAt)
        updatedAt = Timestamp.format(record.updatedAt)
        confirmation = record.confirmation?.rawValue
        confirmedBy = record.confirmedBy
    }
}

/// Minutes of a record per plan, measure, role and provider (the lines `worklog.approved` carries).
struct WorkLogTotal: Codable, Sendable {
    var planId: UUID
    var studentCode: String
    var measureId: UUID?
    var role: String
    var providerType: String?
    var minutes: Int

    init(_ line: WorkLogLine) {
        planId = line.plan.planId
        studentCode = line.plan.studentCode
        measureId = line.measureId
        role = line.role
        providerType = line.providerType
        minutes = line.minutes
    }
}

/// One transition in a record's history.
struct TransitionView: Codable, Sendable {
    var command: String
    var from: String
    var to: String
    var by: UUID
    var role: String
    var comment: String?
    var at: String
}

/// `GET /timesheets/worklogs/{id}`: the month with everything a coordinator decides on.
struct WorkLogDetail: Codable, Sendable {
    var workLog: WorkLogSummary
    var entries: [EntryView]
    var totals: [WorkLogTotal]
    var weeklyWarnings: [WeeklyWarning]
    var history: [TransitionView]
}

/// A consultation measure open for recording, with planned and delivered minutes.
struct RecordableMeasure: Codable, Sendable {
    var measureId: UUID
    var providers: [String]
    var plannedMinutes: Int
    /// Every person's minutes together, withdrawn entries excluded.
    var deliveredMinutes: Int
    var remainingMinutes: Int
}

/// The preparers' paid minutes on a plan this semester against the limit in force.
struct PreparerMinutes: Codable, Sendable {
    var usedMinutes: Int
    var limitMinutes: Int
    var remainingMinutes: Int
}

/// `GET /timesheets/plans`: one plan open for recording.
struct RecordablePlan: Codable, Sendable {
    var planId: UUID
    var revision: Int
    var studentCode: String
    var semester: String
    var semesterStart: String?
    var semesterEnd: String?
    var measures: [RecordableMeasure]
    var preparer: PreparerMinutes
}

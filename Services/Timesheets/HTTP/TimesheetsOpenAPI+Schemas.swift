extension TimesheetsOpenAPI {
    /// `components.schemas`: problems, value types, bodies and views. The end of the document.
    static let schemas = #"""
          schemas:
            Problem:
              type: object
              description: An RFC 9457 problem. Texts are Latvian first, then English.
              required: [type, title, status]
              properties:
                type:
                  type: string
                title:
                  type: string
                status:
                  type: integer
                detail:
                  type: string
                instance:
                  type: string
                errors:
                  type: array
                  items:
                    $ref: '#/components/schemas/FieldError'
            FieldError:
              type: object
              required: [field, rule, message, messageEn]
              properties:
                field:
                  type: string
                  description: JSON path of the field, e.g. `minutes`, `workDate`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `hours.delivered.exceeds_planned`.
                message:
                  type: string
                  description: Latvian message.
                messageEn:
                  type: string
                  description: English message.
            Semester:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4}-[12]$'
              description: A semester as `2022/2023-1`.
            Month:
              type: string
              pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$'
              description: A calendar month as `YYYY-MM`.
            CalendarDate:
              type: string
              format: date
              description: A calendar date as `YYYY-MM-DD`.
            Timestamp:
              type: string
              format: date-time
              description: UTC, ISO 8601 with milliseconds.
            Minutes:
              type: integer
              description: Whole minutes (`90` is 1 h 30 min).
            WorkLogState:
              type: string
              enum: [open, submitted, approved, returned]
            ProviderType:
              type: string
              enum: [teacher, psychologist, social_pedagogue, teacher_assistant, special_education_teacher,
                     sign_language_interpreter, assistant, speech_therapist, occupational_therapist]
            NewEntry:
              type: object
              additionalProperties: false
              required: [planId, workDate, minutes]
              properties:
                planId:
                  type: string
                  format: uuid
                measureId:
                  type: string
                  format: uuid
                  description: The plan's consultation measure; required for specialists, absent for preparers.
                workDate:
                  $ref: '#/components/schemas/CalendarDate'
                minutes:
                  type: integer
                  minimum: 1
                  maximum: 1440
                  description: Whole minutes (`90` is 1 h 30 min).
                providerType:
                  $ref: '#/components/schemas/ProviderType'
                subject:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: The subject of a subject consultation; required for `teacher`.
                remote:
                  type: boolean
                  description: Remote (`true`) or in person (`false`); required for specialists.
                personId:
                  type: string
                  format: uuid
                  description: |
                    Whose work it is, when the institution coordinator records it for a staff member (seed 000 item 6:
                    the coordinator makes the staff's work records); required then, absent otherwise. The entry goes into
                    that person's record for the month, inside their contract; `recordedBy` says who wrote it down.
            Entry:
              type: object
              required: [id, workLogId, planId, studentCode, role, workDate, minutes, recordedBy, recordedAt, withdrawn]
              properties:
                id:
                  type: string
                  format: uuid
                workLogId:
                  type: string
                  format: uuid
                planId:
                  type: string
                  format: uuid
                studentCode:
                  type: string
                measureId:
                  type: string
                  format: uuid
                role:
                  type: string
                  enum: [specialist, preparer]
                providerType:
                  $ref: '#/components/schemas/ProviderType'
                subject:
                  type: string
                remote:
                  type: boolean
                workDate:
                  $ref: '#/components/schemas/CalendarDate'
                minutes:
                  $ref: '#/components/schemas/Minutes'
                recordedBy:
                  type: string
                  format: uuid
                recordedAt:
                  $ref: '#/components/schemas/Timestamp'
                withdrawn:
                  type: boolean
                withdrawnBy:
                  type: string
                  format: uuid
                withdrawnAt:
                  $ref: '#/components/schemas/Timestamp'
            WeeklyWarning:
              type: object
              description: An ISO week in which the plan's student received more consultations than recommended.
              required: [planId, weekStart, consultations, rule, severity, message, messageEn]
              properties:
                planId:
                  type: string
                  format: uuid
                weekStart:
                  $ref: '#/components/schemas/CalendarDate'
                consultations:
                  type: integer
                rule:
                  type: string
                  enum: [load.weekly.warning, load.weekly.limit]
                severity:
                  type: string
                  enum: [warning]
                message:
                  type: string
                messageEn:
                  type: string
            EntryRecorded:
              type: object
              required: [entry, warnings]
              properties:
                entry:
                  $ref: '#/components/schemas/Entry'
                warnings:
                  type: array
                  items:
                    $ref: '#/components/schemas/WeeklyWarning'
            DecisionBody:
              type: object
              additionalProperties: false
              properties:
                comment:
                  type: string
                  maxLength: 4000
                version:
                  type: integer
                  description: The version the caller saw; another current version is 409 `worklog.version_mismatch`.
            WorkLogSummary:
              type: object
              required: [id, personId, institutionId, month, state, version, totalMinutes, createdAt, updatedAt]
              description: |
                `confirmation` says who vouched for the record when it was handed in: `person` (the owner submitted it)
                or `coordinator` (the institution coordinator attested it); `confirmedBy` is who.
              properties:
                id:
                  type: string
                  format: uuid
                personId:
                  type: string
                  format: uuid
                institutionId:
                  type: string
                  format: uuid
                month:
                  $ref: '#/components/schemas/Month'
                state:
                  $ref: '#/components/schemas/WorkLogState'
                version:
                  type: integer
                totalMinutes:
                  $ref: '#/components/schemas/Minutes'
                createdAt:
                  $ref: '#/components/schemas/Timestamp'
                updatedAt:
                  $ref: '#/components/schemas/Timestamp'
            WorkLogPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/WorkLogSummary'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            WorkLogTotal:
              type: object
              required: [planId, studentCode, role, minutes]
              properties:
                planId:
                  type: string
                  format: uuid
                studentCode:
                  type: string
                measureId:
                  type: string
                  format: uuid
                role:
                  type: string
                  enum: [specialist, preparer]
                providerType:
                  $ref: '#/components/schemas/ProviderType'
                minutes:
                  $ref: '#/components/schemas/Minutes'
            Transition:
              type: object
              required: [command, from, to, by, role, at]
              properties:
                command:
                  type: string
                  enum: [submit, approve, return]
                from:
                  $ref: '#/components/schemas/WorkLogState'
                to:
                  $ref: '#/components/schemas/WorkLogState'
                by:
                  type: string
                  format: uuid
                role:
                  type: string
                comment:
                  type: string
                at:
                  $ref: '#/components/schemas/Timestamp'
            WorkLogDetail:
              type: object
              required: [workLog, entries, totals, weeklyWarnings, history]
              properties:
                workLog:
                  $ref: '#/components/schemas/WorkLogSummary'
                entries:
                  type: array
                  items:
                    $ref: '#/components/schemas/Entry'
                totals:
                  type: array
                  items:
                    $ref: '#/components/schemas/WorkLogTotal'
                weeklyWarnings:
                  type: array
                  items:
                    $ref: '#/components/schemas/WeeklyWarning'
                history:
                  type: array
                  items:
                    $ref: '#/components/schemas/Transition'
            RecordablePlan:
              type: object
              required: [planId, revision, studentCode, semester, measures, preparer]
              properties:
                planId:
                  type: string
                  format: uuid
                revision:
                  type: integer
                studentCode:
                  type: string
                semester:
                  $ref: '#/components/schemas/Semester'
                semesterStart:
                  $ref: '#/components/schemas/CalendarDate'
                semesterEnd:
                  $ref: '#/components/schemas/CalendarDate'
                measures:
                  type: array
                  items:
                    type: object
                    required: [measureId, providers, plannedMinutes, deliveredMinutes, remainingMinutes]
                    properties:
                      measureId:
                        type: string
                        format: uuid
                      providers:
                        type: array
                        items:
                          $ref: '#/components/schemas/ProviderType'
                      plannedMinutes:
                        $ref: '#/components/schemas/Minutes'
                      deliveredMinutes:
                        $ref: '#/components/schemas/Minutes'
                      remainingMinutes:
                        $ref: '#/components/schemas/Minutes'
                preparer:
                  type: object
                  required: [usedMinutes, limitMinutes, remainingMinutes]
                  properties:
                    usedMinutes:
                      $ref: '#/components/schemas/Minutes'
                    limitMinutes:
                      $ref: '#/components/schemas/Minutes'
                    remainingMinutes:
                      $ref: '#/components/schemas/Minutes'
            RecordablePlanPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/RecordablePlan'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
        """#
}

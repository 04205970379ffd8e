extension TimesheetsOpenAPI {
    /// The `entries` operations under `paths`.
    static let entryPaths = #"""
          /timesheets/entries:
            post:
              tags: [entries]
              operationId: recordEntry
              summary: Record delivered work (Ierakstīt sniegto atbalstu)
              description: |
                Roles `specialist` and `preparer`, on a plan of the institution in the caller's token. The entry goes into the
                caller's work record for that institution and the month of `workDate` (created open with the first entry).

                A specialist names the plan's consultation measure (`measureId`), the provider type they delivered it as
                (one of the measure's providers), whether it was remote, and for a teacher (subject consultation) the
                subject. A preparer records their own work on the plan: no `measureId`, no `providerType`.

                Checked, in this order: the body (422 `entry.minutes.range`, `entry.measure.required`,
                `entry.provider.required`, `entry.remote.required`, `entry.subject.required`, `entry.subject.length`,
                `entry.preparer.no_measure`); the plan (404 `entry.plan_unknown` when it is not known to be open to the
                caller's institution, e.g. before its implementation may start; 409 `entry.plan_not_open` when suspended,
                resumed or deleted); the date (422 `entry.date.future`, `semester.unknown`, `entry.date.outside_semester`);
                the month (409 `worklog.not_editable` once submitted or approved); an emergency period (422
                `emergency.consultation.remote_only` for a consultation that is not remote on a day inside an emergency
                covering the institution, seed 004); the measure (422 `entry.measure.unknown`,
                `entry.measure.not_consultation`, `entry.provider.not_planned`); the hours (422
                `hours.delivered.exceeds_planned`: everyone's minutes on the measure may reach its planned minutes but
                never exceed them; 422 `hours.preparer.limit`: the preparers' minutes on the plan for its semester may reach
                the limit in force but never exceed it). Nothing is stored when any check fails.

                The answer carries the weekly-load warnings of the entry's ISO week for the plan (`load.weekly.warning`
                above 2 consultations a week, `load.weekly.limit` above 3; operator settings): always warnings, never
                refusals, since the consultations were already delivered.
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewEntry'
              responses:
                '201':
                  description: Recorded; `Location` names the entry.
                  headers:
                    Location:
                      description: '`/timesheets/entries/{entryId}`'
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EntryRecorded'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/Conflict'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /timesheets/entries/{entryId}:
            get:
              tags: [entries]
              operationId: getEntry
              summary: One entry (Ieraksts)
              description: Any role but `finance`, for an entry of a work record the caller may see.
              parameters:
                - $ref: '#/components/parameters/EntryId'
              responses:
                '200':
                  description: The entry.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Entry'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /timesheets/entries/{entryId}/withdraw:
            post:
              tags: [entries]
              operationId: withdrawEntry
              summary: Withdraw an entry (Atsaukt ierakstu)
              description: |
                Roles `specialist` and `preparer`, for an entry of their own work record while its month is `open` or
                `returned` (409 `worklog.not_editable` otherwise; 409 `entry.already_withdrawn`; 403 `entry.not_owner` for
                someone else's entry the caller can see). Nothing is deleted: the entry stays, flagged with who withdrew it
                and when, and no longer counts towards totals and limits. The body is empty or `{}`.
              parameters:
                - $ref: '#/components/parameters/EntryId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/Empty'
              responses:
                '200':
                  description: The withdrawn entry.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Entry'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/Conflict'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}

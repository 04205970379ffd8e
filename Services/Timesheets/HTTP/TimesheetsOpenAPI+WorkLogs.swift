extension TimesheetsOpenAPI {
    /// The `worklogs` operations under `paths`: the list, one record, and one per `TimesheetsAPI.commands` entry.
    static let workLogPaths = #"""
          /timesheets/worklogs:
            get:
              tags: [worklogs]
              operationId: listWorkLogs
              summary: Work records I may see (Darba uzskaites veidlapas)
              description: |
                Any role but `finance`: the work records the caller may see (see the conventions), newest month first.
              parameters:
                - name: month
                  in: query
                  required: false
                  description: Only this month (422 `worklog.month_format` unless `YYYY-MM`).
                  schema:
                    $ref: '#/components/schemas/Month'
                - name: state
                  in: query
                  required: false
                  description: Only records in this state (422 `worklog.state` otherwise).
                  schema:
                    $ref: '#/components/schemas/WorkLogState'
                - name: personId
                  in: query
                  required: false
                  description: Only this person's records (422 `request.uuid` when not a UUID).
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: One page of work records.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/WorkLogPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /timesheets/worklogs/{workLogId}:
            get:
              tags: [worklogs]
              operationId: getWorkLog
              summary: One month's work record (Darba uzskaites veidlapa)
              description: |
                Any role but `finance`, for a record the caller may see: its entries (withdrawn ones flagged), the minutes
                per plan, measure, role and provider (what approval would publish), the weekly-load warnings of its plans in
                the ISO weeks touching the month (every specialist's consultations on the plan together), and its history
                of transitions with who, when and comment.
              parameters:
                - $ref: '#/components/parameters/WorkLogId'
              responses:
                '200':
                  description: The work record.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/WorkLogDetail'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /timesheets/worklogs/{workLogId}/submit:
            post:
              tags: [worklogs]
              operationId: submitWorkLog
              summary: Submit the month (Iesniegt)
              description: |
                The record's owner (403 `worklog.not_owner` for anyone else who can see it), while it is `open` or `returned`
                (409 `worklog.not_editable`) and has at least one entry not withdrawn (409 `worklog.empty`). The record
                becomes `submitted` and `worklog.submitted` is published (the coordinator is mailed). The comment is
                optional.
              parameters:
                - $ref: '#/components/parameters/WorkLogId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/DecisionOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
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
          /timesheets/worklogs/{workLogId}/attest:
            post:
              tags: [worklogs]
              operationId: attestWorkLog
              summary: Attest and hand in a staff member's month (Apliecināt)
              description: |
                The institution coordinator, for a staff member's record they made (seed 000 item 6), instead of the person
                confirming it: 403 `worklog.attest_not_allowed` for anyone else or for their own record; otherwise as
                submit (409 `worklog.not_editable`, `worklog.empty`). The record becomes `submitted` with `confirmation`
                `coordinator`; it is then approved or returned by the head or another coordinator, never by the one who
                attested it (403 `worklog.own_attestation`).
              parameters:
                - $ref: '#/components/parameters/WorkLogId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/DecisionOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
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
          /timesheets/worklogs/{workLogId}/approve:
            post:
              tags: [worklogs]
              operationId: approveWorkLog
              summary: Approve the month (Apstiprināt)
              description: |
                Role `institution_coordinator` of the record's institution (other roles 403 `auth.role_not_allowed`), never
                for their own record (403 `worklog.own_record`), only while it is `submitted` (409 `worklog.not_submitted`).
                The record becomes `approved` (final) and `worklog.approved` is published once, in the same transaction,
                with one line per plan, measure, role (`specialist` or `preparer`) and provider type summing the minutes
                not withdrawn; staff pay follows it. The comment is optional.
              parameters:
                - $ref: '#/components/parameters/WorkLogId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/DecisionOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
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
          /timesheets/worklogs/{workLogId}/return:
            post:
              tags: [worklogs]
              operationId: returnWorkLog
              summary: Return the month for corrections (Atgriezt labošanai)
              description: |
                Role `institution_coordinator` of the record's institution, never for their own record, only while it is
                `submitted`. A comment saying what to fix is required (422 `worklog.comment_required` when missing or blank,
                `worklog.comment_too_long` above 4000 characters). The record becomes `returned` (its owner may add and
                withdraw entries and submit again) and `worklog.returned` is published.
              parameters:
                - $ref: '#/components/parameters/WorkLogId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/DecisionRequired'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
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

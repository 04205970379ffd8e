extension ReportingOpenAPI {
    /// The report operations under `paths`; `components` follows (ReportingOpenAPI+Components.swift).
    static let reportPaths = #"""
          /reports:
            get:
              tags: [reports]
              operationId: listReports
              summary: Plans with their report's state (Atskaišu saraksts)
              description: |
                Roles `preparer`, `institution_coordinator`, `institution_head`, `municipality_coordinator`,
                `vpii_coordinator`, `ikvd_expert`, over their scope (not `ikvd_admin`). Plans that are approved, in
                implementation, suspended, reported or closed, with the state of their report (`not_started`
                when nothing is written yet), latest semester first, one page at a time. A head finds the
                reports waiting for them with `state=submitted`.
              parameters:
                - $ref: '#/components/parameters/Semester'
                - name: state
                  in: query
                  required: false
                  description: Only reports in this state (422 `report.state` for any other value).
                  schema:
                    type: string
                    enum: [not_started, draft, submitted, confirmed]
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: One page.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ReportPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /reports/{planId}:
            get:
              tags: [reports]
              operationId: getReport
              summary: A plan's implementation report (IAP atskaite)
              description: |
                The report readers of `GET /reports`, for a plan in their scope. The report as written (state
                `not_started` before anything is), the plan's risks and the ones not yet reported, and the
                figures: per measure planned minutes and money next to delivered minutes (approved work
                records) and paid money (released payouts minus reversals; a payout names a measure type, so
                a type's money is shown on the plan's first measure of that type), staff pay, the preparer's
                approved minutes on the plan against the paid limit per plan and semester (the time spent
                writing the report is recorded in timesheets as the preparer's work on the plan and counts
                toward it), and totals. The figures are current; `figuresAtSubmission` keeps them as they
                were when the report was submitted.
              parameters:
                - $ref: '#/components/parameters/PlanId'
              responses:
                '200':
                  $ref: '#/components/responses/Report'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
            put:
              tags: [reports]
              operationId: writeReport
              summary: Write the report (Rakstīt atskaiti)
              description: |
                Role `preparer` of the plan's institution. Saves the whole report as a draft (it may be
                rewritten until it is submitted), for a plan that is `approved`, `in_implementation` or
                `suspended` (409 `report.plan_not_reportable` otherwise; 409 `report.not_editable` once
                submitted). Each part names one of the plan's risks (422 `report.risk_unknown`, each once:
                `report.risk_duplicate`) and says what was done (`done`, at least two words, up to 2000
                characters) and how it came out (`outcome`) with a sentence (`comment`, at least two words, up
                to 1000): 422 `report.text_required` / `report.text_too_long`. A draft may leave risks out. No
                text may hold a personal code (422 `text.personal_code`).
              parameters:
                - $ref: '#/components/parameters/PlanId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ReportInput'
              responses:
                '200':
                  $ref: '#/components/responses/Report'
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
          /reports/{planId}/submit:
            post:
              tags: [reports]
              operationId: submitReport
              summary: Submit the report (Iesniegt atskaiti)
              description: |
                Role `preparer` of the plan's institution. The body is empty or `{}`. The draft must exist
                (409 `report.not_written`), still be a draft (409 `report.not_editable`) and report every risk
                of the plan (422 `report.risk_missing`, one error per missing risk, besides the rules of
                writing), and the plan must be `approved`, `in_implementation` or `suspended` (409
                `report.plan_not_reportable`). The figures are kept as they are now, the report becomes
                `submitted` and `report.submitted` is published: approval routing moves the plan to `reported`
                and publishes `plan.reported` (`planStatus` follows shortly).
              parameters:
                - $ref: '#/components/parameters/PlanId'
              responses:
                '200':
                  $ref: '#/components/responses/Report'
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
          /reports/{planId}/confirm:
            post:
              tags: [reports]
              operationId: confirmReport
              summary: Confirm the report (Apstiprināt atskaiti)
              description: |
                Role `institution_head` of the plan's institution. The body is empty or `{}`. Only a
                `submitted` report (409 `report.not_submitted`, `report.already_confirmed`) of a plan that is
                `reported` (409 `report.plan_not_reported` while approval routing's `plan.reported` is still on
                its way: try again shortly), and never one the same person submitted (403 `report.own_report`).
                The report becomes `confirmed` and `report.confirmed` is published: approval routing closes the
                plan and publishes `plan.closed`.
              parameters:
                - $ref: '#/components/parameters/PlanId'
              responses:
                '200':
                  $ref: '#/components/responses/Report'
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

extension IntakeOpenAPI {
    /// The `plans` operations under `paths`: create and list, read, content, ESF declarations,
    /// submission and copy-forward.
    static let planPaths = #"""
          /plans:
            post:
              tags: [plans]
              operationId: createPlan
              summary: Create a plan draft (Izveidot plāna projektu)
              description: |
                Roles `preparer`, `institution_head`, in their own institution only (403
                `urn:pumpurs:problem:out-of-scope` otherwise). Registers the student by personal code
                (never stored in clear, never returned) and creates an empty draft. One plan per student
                per institution per semester (409 `urn:pumpurs:problem:plan-exists`).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/CreatePlanRequest'
              responses:
                '201':
                  $ref: '#/components/responses/PlanCreated'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '409':
                  $ref: '#/components/responses/Conflict'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
            get:
              tags: [plans]
              operationId: listPlans
              summary: List plans in scope (Plānu saraksts)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`, `specialist`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. Plans inside the
                caller's scope, most recently changed first, optionally filtered. The read is audited.
              parameters:
                - name: semester
                  in: query
                  required: false
                  description: Only plans of this semester, as `YYYY/YYYY+1-N` (e.g. `2026/2027-1`).
                  schema:
                    $ref: '#/components/schemas/SemesterInput'
                - name: status
                  in: query
                  required: false
                  description: Only plans in this status.
                  schema:
                    $ref: '#/components/schemas/PlanState'
                - name: institutionId
                  in: query
                  required: false
                  description: Only plans of this institution.
                  schema:
                    type: string
                    format: uuid
                - name: risk
                  in: query
                  required: false
                  description: Only plans that identify this risk.
                  schema:
                    $ref: '#/components/schemas/RiskCode'
                - name: sort
                  in: query
                  required: false
                  description: |
                    The order of the whole list before paging: `updated` (most recently changed first,
                    the default), `student` (pseudonymous code), `semester` (latest first), `status`.
                  schema:
                    type: string
                    enum: [updated, student, semester, status]
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: One page of plan summaries.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlanSummaryPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /plans/{planId}:
            get:
              tags: [plans]
              operationId: getPlan
              summary: Read a plan (Plāns)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`, `specialist`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. Everything about the
                plan except the personal code. The read is audited.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The plan.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlanView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /plans/{planId}/content:
            put:
              tags: [plans]
              operationId: replacePlanContent
              summary: Replace the plan content (Labot plāna saturu)
              description: |
                Roles `preparer`, `institution_head`. Replaces the student card, risks, measures and
                priority risk while the plan is editable (`draft`, `rejected_by_validation`,
                `returned`; 409 otherwise). Measures keep the ids the client sends back; measures
                without an id get a new one. Programme rules are checked on submission, not here.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlanContent'
              responses:
                '200':
                  description: The plan with its new content.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlanView'
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
          /plans/{planId}/esf-declarations:
            put:
              tags: [plans]
              operationId: replaceEsfDeclarations
              summary: Replace the other-ESF declarations (Cita ESF atbalsta deklarācijas)
              description: |
                Roles `preparer`, `institution_head`. Replaces the support the student receives from
                other ESF projects, while the plan is editable (409 otherwise).
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ESFDeclarations'
              responses:
                '200':
                  description: The plan with its new declarations.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlanView'
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
          /plans/{planId}/submit:
            post:
              tags: [plans]
              operationId: submitPlan
              summary: Submit the plan (Iesniegt plānu)
              description: |
                Roles `preparer`, `institution_head`, while the plan is editable (409 otherwise). The
                programme rules check the plan with everything intake knows (institution, birth date,
                documents, consent, declarations, the student's other plans). Any error refuses the
                submission with 422 `urn:pumpurs:problem:plan-rules`, listing every finding (errors
                and warnings, with `severity`) in `errors`, and nothing is written. Otherwise the plan
                becomes `submitted` under a new revision, its warnings are kept as `findings`, and
                `plan.submitted` is published. The request body is not interpreted (send none); it only
                takes part in the idempotency check.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '202':
                  description: Submitted (or the stored response of a repeated idempotent request).
                  headers:
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlanView'
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
          /plans/{planId}/check:
            post:
              tags: [plans]
              operationId: checkPlan
              summary: What submitting would find, changing nothing (Pārbaudīt plānu)
              description: |
                Roles `preparer`, `institution_head`. Runs the programme rules on the plan as it
                stands, with everything intake knows (documents, consent, declarations, the student's
                other plans), and returns the findings; nothing is written but the audit row. The body
                must be empty (`{}`). A plan without content has no findings yet.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
              responses:
                '200':
                  description: The findings, and whether they allow submitting.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [findings, submittable]
                        properties:
                          findings:
                            type: array
                            items:
                              $ref: '#/components/schemas/FindingView'
                          submittable:
                            type: boolean
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /plans/{planId}/copy-forward:
            post:
              tags: [plans]
              operationId: copyPlanForward
              summary: Copy the plan to a later semester (Pārnest plānu uz nākamo semestri)
              description: |
                Roles `preparer`, `institution_head`. A new draft for a later semester with the same
                student, institution and content under new measure ids; evidence, consent and findings
                stay with the old plan. The semester must be later than the plan's (422) and the
                student must not have a plan in it yet (409 `urn:pumpurs:problem:plan-exists`).
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/CopyForwardRequest'
              responses:
                '201':
                  $ref: '#/components/responses/PlanCreated'
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

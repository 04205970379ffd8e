/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `IntakeAPI.register(on:)`: `OpenAPIRouteCoverageTests` fails when a route
/// is missing here, when a path listed here is not routed, or when methods or paths differ.
enum IntakeOpenAPI {
    static let yaml = #"""
        openapi: 3.1.0
        info:
          title: PuMPuRS intake
          version: 1.0.0
          summary: Directory, support-plan drafts, evidence documents, consent and submission.
          description: |
            The intake service of the PuMPuRS support-plan platform (pumpurs-intake).

            Conventions:

            - Every operation except `GET /openapi.yaml` needs `Authorization: Bearer <token>`: a JWT
              signed with ES256 whose `role` and scope claims decide what the caller may do. A missing
              or invalid token is 401, a role that may not use the operation is 403.
            - Every object is loaded through the caller's scope: an object outside it is reported
              exactly like one that does not exist (404). A path id that is not a UUID is also 404.
            - Request bodies are size-limited before anything is decoded (413; by default 256 KiB for
              JSON and 5 MiB for documents) and JSON is decoded strictly: invalid JSON, a missing
              field, a wrong type, a control character in text or an unknown field is 422.
            - POST operations that create or change state honour `Idempotency-Key`: the first request
              with a key runs; a repeat with the same key and body gets the stored response again with
              `Idempotent-Replayed: true`; the same key with another request is 422.
            - Errors are RFC 9457 `application/problem+json` naming the field and the rule, with the
              message in Latvian (`message`) and English (`messageEn`).
            - Ids are UUIDs; dates are `YYYY-MM-DD`; timestamps are UTC ISO 8601 with milliseconds;
              money is an integer number of euro cents. The personal code is accepted only by
              `POST /plans` and never returned; plans carry the pseudonymous `studentCode`.
        tags:
          - name: meta
            description: The API description itself.
          - name: directory
            description: Municipalities, institutions, people and role assignments (Katalogs).
          - name: plans
            description: Individual support plans (IAP, individuālais atbalsta plāns).
          - name: consent
            description: The signed consent on file for a plan (Piekrišana).
          - name: documents
            description: Evidence documents and scanned consent forms (Dokumenti).
        security:
          - bearerAuth: []
        paths:
          /openapi.yaml:
            get:
              tags: [meta]
              operationId: getOpenAPI
              summary: This OpenAPI description (API apraksts)
              description: The document you are reading. Needs no token.
              security: []
              responses:
                '200':
                  description: The OpenAPI 3.1 description.
                  content:
                    application/yaml:
                      schema:
                        type: string
          /directory/municipalities:
            post:
              tags: [directory]
              operationId: registerMunicipality
              summary: Register a municipality (Reģistrēt pašvaldību)
              description: Role `ikvd_admin`. The name must be unique; the region is one of the six planning regions.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewMunicipality'
              responses:
                '201':
                  description: Registered (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MunicipalityView'
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
          /directory/institutions:
            post:
              tags: [directory]
              operationId: registerInstitution
              summary: Register an institution (Reģistrēt izglītības iestādi)
              description: |
                Role `ikvd_admin`. A municipal institution names its registered municipality (its
                region comes from the municipality); a state institution names its region and has no
                municipality. A state vocational institution is a VPII (no municipality approval step).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewInstitution'
              responses:
                '201':
                  description: Registered (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InstitutionView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [directory]
              operationId: listInstitutions
              summary: List institutions in scope (Iestāžu saraksts)
              description: Any authenticated role. The institutions the caller's scope reaches, by name.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: One page of institutions.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InstitutionPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /directory/institutions/{institutionId}:
            get:
              tags: [directory]
              operationId: getInstitution
              summary: Read one institution (Iestāde)
              description: Any authenticated role, for an institution inside the caller's scope.
              parameters:
                - $ref: '#/components/parameters/InstitutionId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The institution.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InstitutionView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
          /directory/people:
            post:
              tags: [directory]
              operationId: registerPerson
              summary: Register a person (Reģistrēt personu)
              description: Roles `ikvd_admin`, `institution_head`. The email address must not be registered yet (case-insensitive).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPerson'
              responses:
                '201':
                  description: Registered, without assignments yet (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PersonView'
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
            get:
              tags: [directory]
              operationId: listPeople
              summary: List people in scope (Personu saraksts)
              description: |
                Roles `ikvd_admin`, `institution_head`, `institution_coordinator`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. An administrator sees
                everyone; others see people with an active institution assignment inside their scope.
                Each person comes with their active assignments. The read is audited.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: One page of people.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PersonPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /directory/assignments:
            post:
              tags: [directory]
              operationId: assignRole
              summary: Assign a role (Piešķirt lomu)
              description: |
                Roles `ikvd_admin`, `institution_head`. The assignment policy decides which roles the
                caller may give in which scope (403 `urn:pumpurs:problem:assignment-refused` otherwise).
                The same active role in the same scope cannot be given twice (409).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewAssignment'
              responses:
                '201':
                  description: Assigned (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AssignmentView'
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
          /directory/assignments/{assignmentId}/revoke:
            post:
              tags: [directory]
              operationId: revokeAssignment
              summary: Revoke a role assignment (Atsaukt lomu)
              description: |
                Roles `ikvd_admin`, `institution_head`. Only someone who could have given the
                assignment may take it back; any other assignment is reported as not found. The
                request body is not interpreted (send none); it only takes part in the idempotency check.
              parameters:
                - $ref: '#/components/parameters/AssignmentId'
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: Revoked (or the stored response of a repeated idempotent request).
                  headers:
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AssignmentView'
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
                  description: The new draft (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
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
                  description: The new draft (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
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
          /plans/{planId}/consent:
            put:
              tags: [consent]
              operationId: recordConsent
              summary: Record the signed consent (Reģistrēt piekrišanu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`. Records who signed and
                when, with the scanned form uploaded before as a document with purpose `consent`. Only
                one active consent per plan (409 until it is revoked); not for a closed or deleted plan
                (409). The signing date cannot be in the future. Publishes `plan.consent_changed`.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ConsentInput'
              responses:
                '200':
                  description: The consent on file.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ConsentView'
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
          /plans/{planId}/consent/revoke:
            post:
              tags: [consent]
              operationId: revokeConsent
              summary: Revoke the consent (Atsaukt piekrišanu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`. Revokes the active
                consent with a reason (409 when none is on file); the record is kept. Publishes
                `plan.consent_changed` (revocation stops payouts and suspends the plan downstream).
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ConsentRevocation'
              responses:
                '200':
                  description: The revoked consent (or the stored response of a repeated idempotent request).
                  headers:
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ConsentView'
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
          /plans/{planId}/documents:
            post:
              tags: [documents]
              operationId: uploadDocument
              summary: Upload a document (Pievienot dokumentu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`. The body is the file
                itself (not multipart). Its type is recognised by content: PDF, JPEG or PNG (415
                otherwise); a `Content-Type` other than `application/octet-stream` must match the
                content (422). An empty body is 422. Documents cannot be added to a closed or deleted
                plan (409). Documents are never deleted.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - name: purpose
                  in: query
                  required: false
                  description: What the document is for.
                  schema:
                    type: string
                    enum: [evidence, consent]
                    default: evidence
                - name: kind
                  in: query
                  required: true
                  description: |
                    The document kind: for purpose `evidence` one of the evidence kinds
                    (`EvidenceKind`), for purpose `consent` exactly `consent_form`.
                  schema:
                    type: string
                    enum: [viis_attendance_extract, staff_report, disability_certificate, medical_statement,
                           needy_certificate, low_income_certificate, no_851_support_statement, other, consent_form]
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                description: The file, at most 5 MiB by default.
                content:
                  application/pdf:
                    schema:
                      type: string
                      format: binary
                  image/jpeg:
                    schema:
                      type: string
                      format: binary
                  image/png:
                    schema:
                      type: string
                      format: binary
                  application/octet-stream:
                    schema:
                      type: string
                      format: binary
              responses:
                '201':
                  description: Stored (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DocumentView'
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
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [documents]
              operationId: listDocuments
              summary: List the plan's documents (Plāna dokumenti)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`, `specialist`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. Metadata only, oldest
                first; not paginated.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The documents' metadata.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/DocumentView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /plans/{planId}/documents/{documentId}:
            get:
              tags: [documents]
              operationId: downloadDocument
              summary: Download a document (Lejupielādēt dokumentu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`, `specialist`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. The stored bytes as an
                attachment, with their SHA-256 in `Repr-Digest`. The read is audited.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/DocumentId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The document, in the media type it was recognised as on upload.
                  headers:
                    Content-Disposition:
                      description: '`attachment; filename="<documentId>.<pdf|jpg|png>"`.'
                      schema:
                        type: string
                    Cache-Control:
                      description: Always `private, no-store`.
                      schema:
                        type: string
                    X-Content-Type-Options:
                      description: Always `nosniff`.
                      schema:
                        type: string
                    Repr-Digest:
                      description: 'RFC 9530 digest of the bytes: `sha-256=:<base64>:`.'
                      schema:
                        type: string
                  content:
                    application/pdf:
                      schema:
                        type: string
                        format: binary
                    image/jpeg:
                      schema:
                        type: string
                        format: binary
                    image/png:
                      schema:
                        type: string
                        format: binary
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
              description: |
                An access token signed with ES256 (the only algorithm accepted), with the configured
                issuer and an audience naming this service, and the `role` and scope claims of the
                caller's assignment.
          parameters:
            PlanId:
              name: planId
              in: path
              required: true
              description: The plan's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            DocumentId:
              name: documentId
              in: path
              required: true
              description: The document's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            InstitutionId:
              name: institutionId
              in: path
              required: true
              description: The institution's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            AssignmentId:
              name: assignmentId
              in: path
              required: true
              description: The role assignment's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            Limit:
              name: limit
              in: query
              required: false
              description: Items per page.
              schema:
                type: integer
                minimum: 1
                maximum: 200
                default: 50
            Offset:
              name: offset
              in: query
              required: false
              description: Items skipped.
              schema:
                type: integer
                minimum: 0
                maximum: 1000000
                default: 0
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              required: false
              description: |
                Makes the POST safe to retry: the first request with the key runs and its response is
                stored with its effects; the same key (per person) with the same request gets the stored
                response again; the same key with another request is 422. A failed request stores
                nothing. 1 to 255 printable ASCII characters without spaces.
              schema:
                type: string
                minLength: 1
                maxLength: 255
                pattern: '^[!-~]+$'
            CorrelationId:
              name: X-Correlation-Id
              in: header
              required: false
              description: |
                The flow the request belongs to, recorded in audit rows and in the events the request
                causes. A value that is not a UUID is ignored and a new id is used.
              schema:
                type: string
                format: uuid
          headers:
            Location:
              description: The path of the created object.
              schema:
                type: string
            IdempotentReplayed:
              description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key.'
              schema:
                type: string
                enum: ['true']
          responses:
            Unauthorized:
              description: No token, or the token is malformed, expired, not yet valid, badly signed, from another issuer or for another audience.
              headers:
                WWW-Authenticate:
                  description: The RFC 6750 Bearer challenge (realm `pumpurs`).
                  schema:
                    type: string
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            Forbidden:
              description: The caller's role may not use the operation, or the request reaches outside the caller's scope.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            NotFound:
              description: The object does not exist or is outside the caller's scope (the two are not told apart).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            Conflict:
              description: The request conflicts with the current state (duplicate, not editable, already on file, already revoked).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContentTooLarge:
              description: The body is larger than the limit (checked before anything is decoded).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnsupportedMediaType:
              description: The uploaded content is not PDF, JPEG or PNG.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnprocessableContent:
              description: The request is invalid; `errors` names each field and rule.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ServiceUnavailable:
              description: The service cannot read the current date; try again later.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
          schemas:
            Problem:
              type: object
              description: An RFC 9457 problem. Texts are Latvian first, then English.
              required: [type, title, status]
              properties:
                type:
                  type: string
                  description: Problem type URI, e.g. `urn:pumpurs:problem:invalid-request`.
                title:
                  type: string
                status:
                  type: integer
                  description: The HTTP status code.
                detail:
                  type: string
                instance:
                  type: string
                  description: The request path, where given.
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
                  description: JSON path of the field, e.g. `risks[0].justification`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `request.schema`.
                message:
                  type: string
                  description: Latvian message.
                messageEn:
                  type: string
                  description: English message.
                severity:
                  type: string
                  enum: [error, warning]
                  description: Present where a rule set reports both (plan validation).
            Uuid:
              type: string
              format: uuid
            CalendarDate:
              type: string
              format: date
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
              description: A calendar date as `YYYY-MM-DD`.
            Timestamp:
              type: string
              format: date-time
              description: UTC, ISO 8601 with milliseconds, e.g. `2026-11-22T19:27:26.123Z`.
            Cents:
              type: integer
              format: int64
              description: An amount of money in euro cents.
            SemesterInput:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4}-[12]$'
              description: A semester as `YYYY/YYYY+1-N` with N 1 (autumn) or 2 (spring), e.g. `2026/2027-1`.
              examples: ['2026/2027-1']
            SemesterText:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4} (I|II)$'
              description: A semester as responses show it, e.g. `2026/2027 I` or `2026/2027 II`.
            StudentCode:
              type: string
              pattern: '^S-[0-9A-HJKMNP-TV-Z]{10}$'
              description: The student's stable pseudonymous code (never the personal code).
            Region:
              type: string
              enum: [Rīga, Rīgas reģions, Latgale, Vidzeme, Kurzeme, Zemgale]
              description: A planning region.
            Role:
              type: string
              enum: [ikvd_admin, ikvd_expert, municipality_coordinator, vpii_coordinator, institution_head,
                     institution_coordinator, preparer, specialist, finance]
            ScopeKind:
              type: string
              enum: [national, region, municipality, institution]
            InstitutionKind:
              type: string
              enum: [general, vocational]
            InstitutionFounder:
              type: string
              enum: [municipal, state]
            PlanState:
              type: string
              enum: [draft, submitted, validated, rejected_by_validation, awaiting_institution_head,
                     awaiting_municipality, awaiting_ikvd, approved, in_implementation, returned, suspended,
                     under_review, reported, closed, deleted]
            RiskCode:
              type: string
              description: A risk code of the catalogue (L learning, S social and health, E economic, F family, O01 other).
              enum: [L01, L02, L03, L04, L05, L06, L07, L08, L09, L10, L11, L12, L13,
                     S01, S02, S03, S04, S05, S06,
                     E01, E02, E03, E04, E05, E06,
                     F01, F02, F03, F04, F05, F06, F07,
                     O01]
            MeasureType:
              type: string
              enum: [consultation, transport_intercity, transport_city, lodging, meals, learning_materials,
                     personal_items, special_transport]
            ConsultationKind:
              type: string
              enum: [consultation, consultative_support]
            ProviderType:
              type: string
              enum: [teacher, psychologist, social_pedagogue, teacher_assistant, special_education_teacher,
                     sign_language_interpreter, assistant, speech_therapist, occupational_therapist]
            EvidenceKind:
              type: string
              enum: [viis_attendance_extract, staff_report, disability_certificate, medical_statement,
                     needy_certificate, low_income_certificate, no_851_support_statement, other]
            ConsentSigner:
              type: string
              enum: [student, parent_or_guardian]
            NewMunicipality:
              type: object
              additionalProperties: false
              required: [name, region]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: One line, unique among municipalities.
                region:
                  $ref: '#/components/schemas/Region'
            MunicipalityView:
              type: object
              required: [id, name, region]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                region:
                  $ref: '#/components/schemas/Region'
            NewInstitution:
              type: object
              additionalProperties: false
              required: [name, kind, founder]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: One line.
                kind:
                  $ref: '#/components/schemas/InstitutionKind'
                founder:
                  $ref: '#/components/schemas/InstitutionFounder'
                municipalityId:
                  type: [string, 'null']
                  format: uuid
                  description: Required for a municipal institution; must be absent for a state one.
                region:
                  oneOf:
                    - $ref: '#/components/schemas/Region'
                    - type: 'null'
                  description: Required for a state institution; a municipal one takes its municipality's region.
            InstitutionView:
              type: object
              required: [id, name, kind, founder, region, isStateVocational]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                kind:
                  $ref: '#/components/schemas/InstitutionKind'
                founder:
                  $ref: '#/components/schemas/InstitutionFounder'
                municipalityId:
                  type: string
                  format: uuid
                  description: Absent for a state institution.
                region:
                  $ref: '#/components/schemas/Region'
                isStateVocational:
                  type: boolean
                  description: A state vocational institution (VPII); its plans skip the municipality step.
            InstitutionPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/InstitutionView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            NewPerson:
              type: object
              additionalProperties: false
              required: [name, email]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: One line.
                email:
                  type: string
                  format: email
                  maxLength: 254
                language:
                  type: [string, 'null']
                  enum: [lv, en, null]
                  default: lv
                  description: The language of the person's emails.
            PersonView:
              type: object
              required: [id, name, email, language, assignments]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                email:
                  type: string
                language:
                  type: string
                  enum: [lv, en]
                assignments:
                  type: array
                  description: The person's active role assignments.
                  items:
                    $ref: '#/components/schemas/AssignmentView'
            PersonPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/PersonView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            Scope:
              type: object
              additionalProperties: false
              required: [kind]
              description: 'Where a role applies, e.g. `{"kind":"institution","id":"…"}` or `{"kind":"region","region":"Latgale"}`.'
              properties:
                kind:
                  $ref: '#/components/schemas/ScopeKind'
                id:
                  type: [string, 'null']
                  format: uuid
                  description: The municipality or institution, for those kinds.
                region:
                  oneOf:
                    - $ref: '#/components/schemas/Region'
                    - type: 'null'
                  description: The planning region, for kind `region`.
            NewAssignment:
              type: object
              additionalProperties: false
              required: [personId, role, scope]
              properties:
                personId:
                  $ref: '#/components/schemas/Uuid'
                role:
                  $ref: '#/components/schemas/Role'
                scope:
                  $ref: '#/components/schemas/Scope'
            AssignmentView:
              type: object
              required: [id, personId, role, scope, assignedBy, revoked]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                personId:
                  $ref: '#/components/schemas/Uuid'
                role:
                  $ref: '#/components/schemas/Role'
                scope:
                  $ref: '#/components/schemas/Scope'
                assignedBy:
                  $ref: '#/components/schemas/Uuid'
                revoked:
                  type: boolean
            CreatePlanRequest:
              type: object
              additionalProperties: false
              required: [institutionId, personalCode, semester]
              properties:
                institutionId:
                  type: string
                  format: uuid
                  description: The caller's own institution.
                personalCode:
                  type: string
                  description: The student's Latvian personal code (personas kods), e.g. `DDMMYY-NNNNN`. Never returned.
                semester:
                  $ref: '#/components/schemas/SemesterInput'
                birthDate:
                  oneOf:
                    - $ref: '#/components/schemas/CalendarDate'
                    - type: 'null'
                  description: The birth date, for a new-format personal code (which carries none); must match an old-format code and not be in the future.
            CopyForwardRequest:
              type: object
              additionalProperties: false
              required: [semester]
              properties:
                semester:
                  $ref: '#/components/schemas/SemesterInput'
            GeneralInformation:
              type: object
              additionalProperties: false
              description: The student card (Vispārējā informācija).
              required: [preparerName, situation, goal]
              properties:
                gradeOrCourse:
                  type: [integer, 'null']
                  description: Grade (general education) or course (vocational) the student is in.
                programmeKind:
                  oneOf:
                    - $ref: '#/components/schemas/InstitutionKind'
                    - type: 'null'
                  description: The student's programme kind; absent means the institution's kind.
                preparerName:
                  type: string
                  maxLength: 200
                  description: The preparer or supervisor responsible for the plan.
                situation:
                  type: string
                  maxLength: 4000
                goal:
                  type: string
                  maxLength: 4000
            IdentifiedRisk:
              type: object
              additionalProperties: false
              required: [code, justification, subjects, howSupportHelps, evidence]
              properties:
                code:
                  $ref: '#/components/schemas/RiskCode'
                otherName:
                  type: [string, 'null']
                  maxLength: 200
                  description: The preparer's name for an "other" risk (required for O01 on submission).
                justification:
                  type: string
                  maxLength: 4000
                  description: Why this is an early-school-leaving risk for this student, concretely.
                subjects:
                  type: array
                  description: Subjects the consultations cover (required for L01–L04 on submission).
                  items:
                    type: string
                howSupportHelps:
                  type: string
                  maxLength: 4000
                  description: How the support reduces the risk (required for L01–L04 on submission).
                evidence:
                  type: array
                  description: Evidence documents attached to this risk.
                  items:
                    $ref: '#/components/schemas/EvidenceKind'
            PlanMeasure:
              type: object
              additionalProperties: false
              description: One support measure with its stable id (the rules library's PlannedMeasure fields plus `id`, flat).
              required: [type, addresses, providers, fundedElsewhere, crisisOrHolidaySupport]
              properties:
                id:
                  type: [string, 'null']
                  format: uuid
                  description: Send it back to keep the measure's id; a measure without one gets a new id.
                type:
                  $ref: '#/components/schemas/MeasureType'
                addresses:
                  type: array
                  description: The identified risks this measure addresses.
                  items:
                    $ref: '#/components/schemas/RiskCode'
                kind:
                  oneOf:
                    - $ref: '#/components/schemas/ConsultationKind'
                    - type: 'null'
                  description: For consultations.
                providers:
                  type: array
                  description: For consultations, the providers involved.
                  items:
                    $ref: '#/components/schemas/ProviderType'
                plannedMinutes:
                  type: [integer, 'null']
                  description: For consultations, planned minutes for the whole semester.
                plannedAmount:
                  oneOf:
                    - $ref: '#/components/schemas/Cents'
                    - type: 'null'
                  description: For money measures, the planned amount per cap period (month or semester), in euro cents.
                fundedElsewhere:
                  type: boolean
                  description: The same need is already funded from the state, municipal or another budget.
                crisisOrHolidaySupport:
                  type: boolean
                  description: The consultation is crisis or holiday support.
            PlanContent:
              type: object
              additionalProperties: false
              description: What the preparer writes into a plan. At most 40 risks and 60 measures.
              required: [card, risks, measures]
              properties:
                card:
                  $ref: '#/components/schemas/GeneralInformation'
                risks:
                  type: array
                  maxItems: 40
                  items:
                    $ref: '#/components/schemas/IdentifiedRisk'
                measures:
                  type: array
                  maxItems: 60
                  items:
                    $ref: '#/components/schemas/PlanMeasure'
                priorityRisk:
                  oneOf:
                    - $ref: '#/components/schemas/RiskCode'
                    - type: 'null'
                  description: The risk the semester's support starts with.
                loadJustification:
                  type: [string, 'null']
                  maxLength: 4000
                  description: Why a weekly load above the threshold is needed, if it is.
            OtherESFSupport:
              type: object
              additionalProperties: false
              required: [project, measures]
              properties:
                project:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: The other ESF project's name or number (one line).
                measures:
                  type: array
                  description: The measures the student receives there (a set).
                  items:
                    $ref: '#/components/schemas/MeasureType'
            ESFDeclarations:
              type: object
              additionalProperties: false
              required: [declarations]
              properties:
                declarations:
                  type: array
                  items:
                    $ref: '#/components/schemas/OtherESFSupport'
            ConsentInput:
              type: object
              additionalProperties: false
              required: [signer, signedOn, documentId]
              properties:
                signer:
                  $ref: '#/components/schemas/ConsentSigner'
                signedOn:
                  $ref: '#/components/schemas/CalendarDate'
                documentId:
                  type: string
                  format: uuid
                  description: The scanned form, uploaded to this plan with purpose `consent`.
            ConsentRevocation:
              type: object
              additionalProperties: false
              required: [reason]
              properties:
                reason:
                  type: string
                  minLength: 1
                  maxLength: 1000
            ConsentView:
              type: object
              required: [id, signer, signedOn, documentId, revoked]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                signer:
                  $ref: '#/components/schemas/ConsentSigner'
                signedOn:
                  $ref: '#/components/schemas/CalendarDate'
                documentId:
                  $ref: '#/components/schemas/Uuid'
                revoked:
                  type: boolean
                revokeReason:
                  type: string
                  description: Present once revoked.
            DocumentView:
              type: object
              required: [id, purpose, kind, mediaType, sizeBytes, sha256, uploadedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                purpose:
                  type: string
                  enum: [evidence, consent]
                kind:
                  type: string
                  description: An evidence kind, or `consent_form`.
                mediaType:
                  type: string
                  enum: [application/pdf, image/jpeg, image/png]
                sizeBytes:
                  type: integer
                sha256:
                  type: string
                  pattern: '^[0-9a-f]{64}$'
                  description: SHA-256 of the bytes, lower-case hex.
                uploadedAt:
                  $ref: '#/components/schemas/Timestamp'
            StatusView:
              type: object
              required: [code, label, labelEn]
              properties:
                code:
                  $ref: '#/components/schemas/PlanState'
                label:
                  type: string
                  description: Latvian label, e.g. `Projekts`.
                labelEn:
                  type: string
            FindingView:
              type: object
              required: [ruleId, severity, field, message, messageEn]
              properties:
                ruleId:
                  type: string
                severity:
                  type: string
                  enum: [error, warning]
                field:
                  type: string
                  description: JSON path, e.g. `risks[0].justification`.
                message:
                  type: string
                messageEn:
                  type: string
            HistoryView:
              type: object
              required: [to, at, actor]
              properties:
                from:
                  $ref: '#/components/schemas/PlanState'
                to:
                  $ref: '#/components/schemas/PlanState'
                at:
                  $ref: '#/components/schemas/Timestamp'
                actor:
                  $ref: '#/components/schemas/Uuid'
                reason:
                  type: string
            PlanView:
              type: object
              description: Everything about a plan except the personal code.
              required: [id, institutionId, studentCode, semester, status, revision, editable, esfDeclarations,
                         findings, implementationMayStart, documents, history]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                semester:
                  $ref: '#/components/schemas/SemesterText'
                status:
                  $ref: '#/components/schemas/StatusView'
                revision:
                  type: integer
                editable:
                  type: boolean
                  description: Whether content and declarations may still be changed.
                content:
                  $ref: '#/components/schemas/PlanContent'
                  description: Absent until the plan is filled in.
                esfDeclarations:
                  type: array
                  items:
                    $ref: '#/components/schemas/OtherESFSupport'
                findings:
                  type: array
                  description: The latest findings (warnings after a successful submission).
                  items:
                    $ref: '#/components/schemas/FindingView'
                statusNote:
                  type: string
                  description: The approver's comment or the suspension reason, when the status has one.
                implementationMayStart:
                  type: boolean
                copiedFrom:
                  type: string
                  format: uuid
                  description: The plan this one was copied forward from.
                consent:
                  $ref: '#/components/schemas/ConsentView'
                  description: The latest consent record, active or revoked; absent when none.
                documents:
                  type: array
                  items:
                    $ref: '#/components/schemas/DocumentView'
                history:
                  type: array
                  items:
                    $ref: '#/components/schemas/HistoryView'
            PlanSummaryView:
              type: object
              required: [id, institutionId, studentCode, semester, status, revision, riskCodes, updatedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                semester:
                  $ref: '#/components/schemas/SemesterText'
                status:
                  $ref: '#/components/schemas/StatusView'
                revision:
                  type: integer
                riskCodes:
                  type: array
                  items:
                    $ref: '#/components/schemas/RiskCode'
                updatedAt:
                  $ref: '#/components/schemas/Timestamp'
            PlanSummaryPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/PlanSummaryView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
        """#
}

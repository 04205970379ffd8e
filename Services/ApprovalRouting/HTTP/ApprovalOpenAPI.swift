import ServiceKit

/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `ApprovalAPI.register(on:)` and `ApprovalAPI.commands`:
/// `ApprovalOpenAPIRouteCoverageTests` fails when a route is missing here, when a path listed here
/// is not routed, or when methods or paths differ.
///
/// The document is one YAML text kept in parts, in files named `ApprovalOpenAPI+….swift`: each
/// part is whole lines at their final indentation, without a newline at its end, and `yaml` joins
/// them in order with one. Responses, parameters, request bodies and schemas that several
/// operations share are defined once under `components` and referred to with `$ref`.
enum ApprovalOpenAPI {
    static let yaml: String = [
        header,
        decisionPaths,
        delegationPaths,
        emergencyPaths,
        AuditLog.openAPIPath,
        components,
        schemas,
        queueCountSchemas,
        emergencySchemas,
    ].joined(separator: "\n")

    /// `openapi`, `info`, `tags`, the global `security`, and `paths` up to the `queue` operations (the
    /// work queue and one plan's summary). Continued by `decisionPaths` (ApprovalOpenAPI+Decisions.swift).
    static let header = #"""
        openapi: 3.1.0
        info:
          title: PuMPuRS approval routing
          version: 1.0.0
          summary: The approvers' work queue, plan summaries, approval decisions, lifecycle commands and delegations.
          description: |
            The approval routing service of the PuMPuRS support-plan platform (pumpurs-approval).

            Conventions:

            - Every operation except `GET /openapi.yaml` needs `Authorization: Bearer <token>`: a JWT
              signed with ES256 whose `role` and scope claims decide what the caller may do. A missing
              or invalid token is 401; a role that may not use the operation is 403.
            - Plans are loaded through the scope of the rights used: a plan outside it is reported
              exactly like one that does not exist (404). A path id that is not a UUID is also 404.
            - Decisions may be made for someone else: with `actingFor` in the body (or the token's
              acting-for claim) the caller decides with the delegator's role and scope, which needs a
              delegation valid today (`POST /approvals/delegations`); without one it is 403
              `delegation.not_valid`. Every decision records who decided, with which role, for whom,
              when and with which comment.
            - Of two people deciding the same step at once exactly one wins; the other gets 409 with
              the plan's current state and version.
            - Request bodies are limited to 64 KiB before anything is decoded (413) and JSON is decoded
              strictly: invalid JSON, a missing field, a wrong type, a control character in text or an
              unknown field is 422.
            - Errors are RFC 9457 `application/problem+json` naming the field and the rule, with the
              message in Latvian (`message`) and English (`messageEn`).
            - Ids are UUIDs; dates are `YYYY-MM-DD`; timestamps are UTC ISO 8601 with milliseconds;
              money is an integer number of euro cents. Students appear only by their pseudonymous
              `studentCode`. Optional members without a value are left out of responses.
        tags:
          - name: meta
            description: The API description itself.
          - name: queue
            description: Plans waiting for the caller's decision, and one plan's summary (Saskaņošana).
          - name: decisions
            description: Approval decisions and lifecycle commands on one plan (Lēmumi).
          - name: delegations
            description: Delegation of approval rights for a date range (Aizvietošana).
          - name: emergencies
            description: Emergency periods that pause the plans in scope, and their end (Ārkārtējās situācijas).
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
          /approvals/queue:
            get:
              tags: [queue]
              operationId: listApprovalQueue
              summary: The caller's work queue (Saskaņošanas rinda)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert`. The plans waiting at the
                level the caller's role decides (`awaiting_institution_head`, `awaiting_municipality` or
                `awaiting_ikvd`), inside the caller's scope, oldest wait first. The queue is the caller's own:
                delegations do not add a delegator's plans to it.
              parameters:
                - name: institutionId
                  in: query
                  required: false
                  description: Only plans of this institution (422 `request.uuid` when not a UUID).
                  schema:
                    type: string
                    format: uuid
                - name: municipalityId
                  in: query
                  required: false
                  description: Only plans of institutions in this municipality (422 `request.uuid` when not a UUID).
                  schema:
                    type: string
                    format: uuid
                - name: semester
                  in: query
                  required: false
                  description: Only plans for this semester (422 `semester.format` otherwise).
                  schema:
                    $ref: '#/components/schemas/Semester'
                - name: warnings
                  in: query
                  required: false
                  description: |
                    `true`: only plans with validation warnings; `false`: only plans without (422
                    `request.boolean` for any other value).
                  schema:
                    type: string
                    enum: ['true', 'false']
                - name: riskCode
                  in: query
                  required: false
                  description: Only plans naming this risk code (422 `request.risk_code` for an unknown code).
                  schema:
                    type: string
                - name: measureType
                  in: query
                  required: false
                  description: Only plans with a measure of this type (422 `request.measure_type` for an unknown type).
                  schema:
                    type: string
                - name: minWaitingDays
                  in: query
                  required: false
                  description: Only plans that have waited at least this many whole days (0–3650; 422 `request.waiting_days` otherwise).
                  schema:
                    type: integer
                    minimum: 0
                    maximum: 3650
                - name: actingFor
                  in: query
                  required: false
                  description: |
                    A delegator's person id: their queue, while a delegation from them to the caller is in
                    force today (403 `delegation.not_valid` otherwise); the caller's own role need not be an
                    approver's.
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: One page of the queue.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/QueuePage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /approvals/queue/counts:
            get:
              tags: [queue]
              operationId: countApprovalQueue
              summary: The caller's scope at a glance (plans per status, waiting times)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert`, and `vpii_coordinator`
                (oversight of their VPII: not an approval level). Every plan in the caller's scope counted
                per state, overall and per institution, with the longest and the average wait (whole days)
                for the awaiting states, and how many of the plans waiting for the caller's level (for the
                VPII coordinator: at any level) have had a reminder or an escalation raised (`approval.overdue`).
                Filters `institutionId`, `municipalityId` and `semester` as for the queue.
              parameters:
                - name: institutionId
                  in: query
                  required: false
                  schema:
                    type: string
                    format: uuid
                - name: municipalityId
                  in: query
                  required: false
                  schema:
                    type: string
                    format: uuid
                - name: semester
                  in: query
                  required: false
                  schema:
                    $ref: '#/components/schemas/Semester'
              responses:
                '200':
                  description: The counts.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/QueueCounts'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /approvals/plans/{planId}:
            get:
              tags: [queue]
              operationId: getApprovalPlan
              summary: A plan's summary for approvers (Plāna kopsavilkums)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert`, `preparer`,
                `institution_coordinator`, for a plan inside the caller's scope: the plan as the queue shows
                it, its planned measures, and every decision made on it so far, oldest first.
              parameters:
                - $ref: '#/components/parameters/PlanId'
              responses:
                '200':
                  description: The plan's summary.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlanSummary'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
        """#
}

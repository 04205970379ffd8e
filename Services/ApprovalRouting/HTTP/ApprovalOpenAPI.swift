/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `ApprovalAPI.register(on:)` and `ApprovalAPI.commands`:
/// `ApprovalOpenAPIRouteCoverageTests` fails when a route is missing here, when a path listed here
/// is not routed, or when methods or paths differ.
enum ApprovalOpenAPI {
    static let yaml = #"""
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
          /approvals/plans/{planId}/approve:
            post:
              tags: [decisions]
              operationId: approvePlan
              summary: Approve at the current level (Saskaņot / apstiprināt)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert` (own or a delegator's). The rights used must be those of
                the approver of the level the plan awaits (`awaiting_institution_head` → `institution_head`, `awaiting_municipality` →
                `municipality_coordinator`, `awaiting_ikvd` → `ikvd_expert`); another level is 409 `lifecycle.wrong_approval_level`.
                Nobody approves a plan they prepared, also not when acting for someone (403 `approval.own_plan`). The plan moves to the
                next level of its route, or to `approved` after the last one. The comment is optional.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/CommentOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/DecisionForbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/DecisionRefused'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /approvals/plans/{planId}/return:
            post:
              tags: [decisions]
              operationId: returnPlan
              summary: Return for revision (Atgriezt labošanai)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert` (own or a delegator's); only the approver of the level the
                plan awaits may return it (otherwise 409 `lifecycle.wrong_actor`). A comment saying what to fix is required (422
                `decision.comment_required` when missing, blank or longer than 4000 characters). The plan moves to `returned`.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/CommentRequired'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/DecisionForbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/DecisionRefused'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /approvals/plans/{planId}/suspend:
            post:
              tags: [decisions]
              operationId: suspendPlan
              summary: Suspend (Apturēt)
              description: |
                Roles `preparer`, `institution_head` (own or a delegator's). The reason is given as `comment` and is required (422
                `decision.comment_required` when missing, blank or longer than 4000 characters). Allowed while the plan is live (submitted,
                validated, awaiting a level, approved, in implementation, under review); the plan moves to `suspended`.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/CommentRequired'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/DecisionForbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/DecisionRefused'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /approvals/plans/{planId}/resume:
            post:
              tags: [decisions]
              operationId: resumePlan
              summary: Resume a suspended plan (Atjaunot)
              description: |
                Roles `preparer`, `institution_head` (own or a delegator's). Only a `suspended` plan, only until its semester ends, and only
                with consent on file; the plan goes back to `submitted` (validation and approval run again). The comment is optional.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/CommentOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/DecisionForbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/DecisionRefused'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /approvals/plans/{planId}/review:
            post:
              tags: [decisions]
              operationId: requestPlanReview
              summary: Request a review of an approved plan (Pārskatīt)
              description: |
                Roles `preparer`, `institution_head` (own or a delegator's). Only an `approved` or `in_implementation` plan; it moves to
                `under_review` so that it can be changed and submitted again. The comment is optional.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/CommentOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/DecisionForbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/DecisionRefused'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /approvals/plans/{planId}/delete:
            post:
              tags: [decisions]
              operationId: deletePlan
              summary: Delete a plan (Dzēst)
              description: |
                Roles `preparer`, `institution_head` (own or a delegator's). Refused once any money has been paid on the plan (409
                `lifecycle.money_paid`) and for a plan already closed or deleted. The plan moves to `deleted` (nothing is erased). The
                reason (`comment`) is optional. This is a POST command, not an HTTP DELETE.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                $ref: '#/components/requestBodies/CommentOptional'
              responses:
                '200':
                  $ref: '#/components/responses/Decided'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/DecisionForbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/DecisionRefused'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /approvals/bulk-approve:
            post:
              tags: [decisions]
              operationId: bulkApprovePlans
              summary: Approve several plans at once (Saskaņot vairākus)
              description: |
                Any authenticated caller; each plan is approved exactly as `POST /approvals/plans/{planId}/approve`
                would approve it, in its own transaction, with the same comment and `actingFor` for all. The
                rights used must be an approver's (`institution_head`, `municipality_coordinator`,
                `ikvd_expert`). One plan's refusal does not stop the others: the answer is 200 with one result
                per plan id, in the order given (`approved`, `not_found` for a plan that does not exist or is
                outside the scope, `refused` with the rule and message otherwise). 1 to 200 plan ids (422
                `bulk.size` otherwise).
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/BulkApproveRequest'
              responses:
                '200':
                  description: One result per plan id.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/BulkApproveResponse'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /approvals/delegations:
            post:
              tags: [delegations]
              operationId: createDelegation
              summary: Delegate approval rights for a date range (Deleģēt)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert`. From `validFrom` to
                `validUntil` (both included, UTC dates) the delegate may decide with the caller's role and
                scope by naming the caller in `actingFor`. 422 `delegation.range` when the end is before the
                start, 422 `delegation.self` when the delegate is the caller.
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewDelegation'
              responses:
                '201':
                  description: The delegation, as recorded.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DelegationView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [delegations]
              operationId: listDelegations
              summary: My delegations, given and received (Mani deleģējumi)
              description: Any role; the caller's own delegations only, newest first, revoked ones marked.
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The delegations.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/DelegationView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /approvals/delegations/{delegationId}/revoke:
            post:
              tags: [delegations]
              operationId: revokeDelegation
              summary: End a delegation early (Atsaukt deleģējumu)
              description: Only its delegator; anyone else gets 404. The record stays, marked revoked. Empty body or `{}`.
              parameters:
                - name: delegationId
                  in: path
                  required: true
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The delegation, now revoked.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DelegationView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
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
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              required: false
              description: |
                The same key (per person) with the same body replays the stored answer (`Idempotent-Replayed: true`);
                with another body it is 422 `idempotency.key_reused`. A retried decision after a lost response
                therefore gets its own answer again instead of 409.
              schema:
                type: string
                minLength: 1
                maxLength: 255
            PlanId:
              name: planId
              in: path
              required: true
              description: The plan's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            Limit:
              name: limit
              in: query
              required: false
              description: Items per page (422 `pagination.limit` outside 1–200).
              schema:
                type: integer
                minimum: 1
                maximum: 200
                default: 50
            Offset:
              name: offset
              in: query
              required: false
              description: Items skipped (422 `pagination.offset` outside 0–1000000).
              schema:
                type: integer
                minimum: 0
                maximum: 1000000
                default: 0
            CorrelationId:
              name: X-Correlation-Id
              in: header
              required: false
              description: |
                The flow the request belongs to, recorded in the envelopes of the events the request
                causes. A value that is not a UUID is ignored and a new id is used.
              schema:
                type: string
                format: uuid
          requestBodies:
            CommentOptional:
              required: false
              description: Optional; an empty body is the same as `{}`.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/CommentBody'
            CommentRequired:
              required: true
              description: |
                `comment` is required here (422 `decision.comment_required` when missing, blank or longer
                than 4000 characters); an empty body is accepted by the decoder and then refused for that.
              content:
                application/json:
                  schema:
                    allOf:
                      - $ref: '#/components/schemas/CommentBody'
                      - required: [comment]
                        properties:
                          comment:
                            type: string
                            minLength: 1
                            maxLength: 4000
          responses:
            Decided:
              description: The decision is recorded; the plan's state now.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/DecisionResult'
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
              description: The token's role may not use the operation (`urn:pumpurs:problem:auth.role_not_allowed`).
              headers:
                WWW-Authenticate:
                  description: The RFC 6750 Bearer challenge with `error="insufficient_scope"`.
                  schema:
                    type: string
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            DecisionForbidden:
              description: |
                The rights used may not issue this command (`urn:pumpurs:problem:role-not-allowed`, rule
                `auth.role_not_allowed`), the caller prepared the plan they try to approve
                (`urn:pumpurs:problem:own-plan`, rule `approval.own_plan`), or `actingFor` names someone the
                caller holds no delegation from today (`urn:pumpurs:problem:no-delegation`, rule
                `delegation.not_valid`).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            NotFound:
              description: The plan does not exist or is outside the scope of the rights used (the two are not told apart).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            DecisionRefused:
              description: |
                The lifecycle refuses the command in the plan's current state
                (`urn:pumpurs:problem:decision-refused`). `errors[0].field` is `state` and `errors[0].rule`
                is `lifecycle.<reason>` (`final_state`, `not_allowed_in_state`, `wrong_actor`,
                `wrong_approval_level`, `no_municipality_step`, `comment_required`, `reason_required`,
                `consent_missing`, `semester_ended`, `money_paid`); `detail` names the current state and
                version, so the loser of a race sees what happened.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContentTooLarge:
              description: The body is larger than 64 KiB (checked before anything is decoded).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnprocessableContent:
              description: The request is invalid; `errors` names the field and rule.
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
                  description: JSON path of the field, e.g. `comment`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `decision.comment_required`.
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
            Semester:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4}-[12]$'
              description: A semester as `YYYY/YYYY+1-N` with N 1 (autumn) or 2 (spring), e.g. `2026/2027-1`.
              examples: ['2026/2027-1']
            StudentCode:
              type: string
              description: The student's stable pseudonymous code, e.g. `S-7K2M9Q4XTB` (never the personal code).
            Role:
              type: string
              enum: [ikvd_admin, ikvd_expert, municipality_coordinator, vpii_coordinator, institution_head,
                     institution_coordinator, preparer, specialist, finance]
            PlanState:
              type: string
              enum: [draft, submitted, validated, rejected_by_validation, awaiting_institution_head, awaiting_municipality,
                     awaiting_ikvd, approved, in_implementation, returned, suspended, under_review, reported, closed, deleted]
            DecisionCommand:
              type: string
              enum: [approve, return, suspend, resume, review, delete]
            CommentBody:
              type: object
              additionalProperties: false
              properties:
                comment:
                  type: string
                  description: The comment or reason, stored with the decision and carried in its events.
                actingFor:
                  type: string
                  format: uuid
                  description: |
                    Decide for this person (the delegator) with their role and scope; needs a delegation
                    from them valid today (403 `delegation.not_valid` otherwise). Naming oneself is the same
                    as leaving it out.
            DecisionResult:
              type: object
              required: [planId, revision, state, version]
              properties:
                planId:
                  type: string
                  format: uuid
                revision:
                  type: integer
                  description: The plan revision decided on.
                state:
                  $ref: '#/components/schemas/PlanState'
                version:
                  type: integer
                  description: The plan's version after the decision.
            BulkApproveRequest:
              type: object
              additionalProperties: false
              required: [planIds]
              properties:
                planIds:
                  type: array
                  minItems: 1
                  maxItems: 200
                  items:
                    type: string
                    format: uuid
                comment:
                  type: string
                  description: Stored with every approval.
                actingFor:
                  type: string
                  format: uuid
                  description: As in `CommentBody`, for every plan.
            BulkApproveResponse:
              type: object
              required: [results]
              properties:
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/BulkResult'
            BulkResult:
              type: object
              required: [planId, outcome]
              properties:
                planId:
                  type: string
                  format: uuid
                outcome:
                  type: string
                  enum: [approved, not_found, refused]
                  description: |
                    `approved`: this level's approval is recorded (`state` says where the plan went);
                    `not_found`: no such plan in the scope; `refused`: see `rule` and the messages.
                state:
                  $ref: '#/components/schemas/PlanState'
                  description: The plan's state after the approval (`approved` only).
                rule:
                  type: string
                  description: The refusing rule, e.g. `lifecycle.wrong_approval_level`, `approval.own_plan`.
                message:
                  type: string
                  description: Latvian message (or the problem's title when it names no rule).
                messageEn:
                  type: string
                  description: English message.
            QueueItem:
              type: object
              required: [planId, revision, institutionId, institutionName, studentCode, semester, state, level, waitingDays,
                         riskCodes, warnings, version]
              properties:
                planId:
                  type: string
                  format: uuid
                revision:
                  type: integer
                institutionId:
                  type: string
                  format: uuid
                institutionName:
                  type: string
                municipalityId:
                  type: string
                  format: uuid
                  description: Absent for state institutions.
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                semester:
                  $ref: '#/components/schemas/Semester'
                state:
                  $ref: '#/components/schemas/PlanState'
                level:
                  type: string
                  enum: [institution_head, municipality, ikvd, '']
                  description: The approval level the plan awaits; empty when it awaits none (plan summaries only).
                waitingSince:
                  $ref: '#/components/schemas/Timestamp'
                  description: Since when the plan waits at its current level; absent when it does not wait.
                waitingDays:
                  type: integer
                  minimum: 0
                  description: Whole days waited at the current level (0 when not waiting).
                riskCodes:
                  type: array
                  items:
                    type: string
                warnings:
                  type: array
                  description: The validation warnings the plan passed with.
                  items:
                    $ref: '#/components/schemas/Finding'
                version:
                  type: integer
                  description: The plan's version (it changes with every decision).
            QueuePage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/QueueItem'
                total:
                  type: integer
                  description: How many match in all.
                limit:
                  type: integer
                offset:
                  type: integer
            Finding:
              type: object
              required: [ruleId, severity, path, messageLv, messageEn]
              properties:
                ruleId:
                  type: string
                  description: Stable rule id, e.g. `risk.justification.vague`.
                severity:
                  type: string
                  enum: [error, warning]
                path:
                  type: string
                  description: Field path, e.g. `risks[1].justification`.
                messageLv:
                  type: string
                messageEn:
                  type: string
            PlannedMeasureSummary:
              type: object
              required: [measureId, type, providers, riskCodes]
              properties:
                measureId:
                  type: string
                  format: uuid
                type:
                  type: string
                  description: Measure type code, e.g. `consultation`, `meals`.
                providers:
                  type: array
                  description: Provider types (consultations).
                  items:
                    type: string
                plannedMinutes:
                  type: integer
                  description: Planned minutes for the semester (consultations).
                monthlyAmountCents:
                  $ref: '#/components/schemas/Cents'
                  description: Planned amount per month (monthly compensations).
                semesterAmountCents:
                  $ref: '#/components/schemas/Cents'
                  description: Planned amount per semester (per-semester compensations).
                riskCodes:
                  type: array
                  description: Risk codes the measure addresses.
                  items:
                    type: string
            DecisionView:
              type: object
              required: [command, from, to, decidedBy, role, at]
              properties:
                command:
                  $ref: '#/components/schemas/DecisionCommand'
                from:
                  $ref: '#/components/schemas/PlanState'
                to:
                  $ref: '#/components/schemas/PlanState'
                decidedBy:
                  type: string
                  format: uuid
                  description: The person who decided.
                role:
                  $ref: '#/components/schemas/Role'
                  description: The role of the rights used (the delegator's when acting for them).
                actingFor:
                  type: string
                  format: uuid
                  description: The delegator, when the decision was made for them.
                comment:
                  type: string
                at:
                  $ref: '#/components/schemas/Timestamp'
            PlanSummary:
              type: object
              required: [plan, measures, decisions]
              properties:
                plan:
                  $ref: '#/components/schemas/QueueItem'
                measures:
                  type: array
                  items:
                    $ref: '#/components/schemas/PlannedMeasureSummary'
                decisions:
                  type: array
                  description: Every decision on the plan, oldest first.
                  items:
                    $ref: '#/components/schemas/DecisionView'
            NewDelegation:
              type: object
              additionalProperties: false
              required: [delegateId, validFrom, validUntil]
              properties:
                delegateId:
                  type: string
                  format: uuid
                  description: The person who may act for the caller (not the caller).
                validFrom:
                  $ref: '#/components/schemas/CalendarDate'
                validUntil:
                  $ref: '#/components/schemas/CalendarDate'
                  description: The last day (included); not before `validFrom`.
            DelegationView:
              type: object
              required: [id, delegator, delegate, role, validFrom, validUntil]
              properties:
                id:
                  type: string
                  format: uuid
                delegator:
                  type: string
                  format: uuid
                delegate:
                  type: string
                  format: uuid
                role:
                  $ref: '#/components/schemas/Role'
                  description: The delegator's role, which the delegate uses.
                validFrom:
                  $ref: '#/components/schemas/CalendarDate'
                validUntil:
                  $ref: '#/components/schemas/CalendarDate'
                revoked:
                  type: boolean
        """#
}

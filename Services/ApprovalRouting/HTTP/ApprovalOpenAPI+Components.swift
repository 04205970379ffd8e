extension ApprovalOpenAPI {
    /// `components` up to the schemas: the security scheme, and the parameters, request bodies and
    /// responses the operations share by `$ref`. The schemas follow in `schemas` (ApprovalOpenAPI+Schemas.swift).
    static let components = #"""
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
            EmergencyId:
              name: emergencyId
              in: path
              required: true
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
                `auth.role_not_allowed`); or the person may not decide this plan (issue #17): they, or someone
                for them, submitted a revision of it and try to approve or return it
                (`urn:pumpurs:problem:own-plan`, rule `approval.own_plan`), or they already approved or
                returned it at another level, in any revision, themselves or acting for someone (or their
                delegator did) (`urn:pumpurs:problem:one-level`, rule `approval.one_level`); or the command is
                suspend, resume, review or delete with `actingFor` (a delegation passes approve and return
                only; `urn:pumpurs:problem:not-delegated`, rule `delegation.command_not_delegated`); or
                `actingFor` names someone the caller holds no delegation from today
                (`urn:pumpurs:problem:no-delegation`, rule `delegation.not_valid`), whose role has ended or
                is not in the directory (same type, rule `delegation.delegator_role_ended`), or the caller
                holds another approval level on plans of the delegation's scope
                (`urn:pumpurs:problem:delegation-conflict`, rule `delegation.conflicting_level`).
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
        """#
}

extension ApprovalOpenAPI {
    /// The `decisions` operations under `paths`: one per `ApprovalAPI.commands` entry, then bulk approval.
    static let decisionPaths = #"""
          /approvals/plans/{planId}/approve:
            post:
              tags: [decisions]
              operationId: approvePlan
              summary: Approve at the current level (Saskaņot / apstiprināt)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert` (own or a delegator's). The rights used must be those of
                the approver of the level the plan awaits (`awaiting_institution_head` → `institution_head`, `awaiting_municipality` →
                `municipality_coordinator`, `awaiting_ikvd` → `ikvd_expert`); another level is 409 `lifecycle.wrong_approval_level`.
                Nobody approves a plan they, or someone for them, submitted in any revision, also not when acting for someone (403
                `approval.own_plan`); nobody decides a plan at a second level, in any revision, as themselves or acting for someone (403
                `approval.one_level`). The plan moves to the next level of its route (a state vocational institution, VPII: head → IKVD;
                every other institution: head → municipality → IKVD), or to `approved` after the last one. The comment is optional.
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
                plan awaits may return it (otherwise 409 `lifecycle.wrong_actor`). The identity rules of approval apply (403
                `approval.own_plan`, `approval.one_level`). A comment saying what to fix is required (422
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
                Roles `preparer`, `institution_head` (own rights only: with `actingFor` 403 `delegation.command_not_delegated`). The reason is given as `comment` and is required (422
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
                Roles `preparer`, `institution_head` (own rights only: with `actingFor` 403 `delegation.command_not_delegated`). Only a `suspended` plan, only until its semester ends, and only
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
                Roles `preparer`, `institution_head` (own rights only: with `actingFor` 403 `delegation.command_not_delegated`). Only an `approved` or `in_implementation` plan; it moves to
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
                Roles `preparer`, `institution_head` (own rights only: with `actingFor` 403 `delegation.command_not_delegated`). Refused once any money has been paid on the plan (409
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
        """#
}

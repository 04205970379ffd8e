extension PayoutsOpenAPI {
    /// The institution staff's operations under `paths` after the receipts: expense claims, staff
    /// bank details and one plan's payouts. Continued by `financePaths` (PayoutsOpenAPI+Finance.swift).
    static let claimPaths = #"""
          /payouts/claims:
            post:
              tags: [claims]
              operationId: submitClaim
              summary: Claim an expense (Pieteikt izdevumus)
              description: |
                Roles `preparer`, `institution_coordinator`, for a plan of the caller's own institution (a plan
                of another institution, or one payouts has not heard of, is 404). Checked in this order:

                - the plan is open for claims: its implementation may start, and it is not suspended, deleted
                  or without consent (409 `claim.plan_not_open`);
                - `measureId` is one of the plan's approved measures (422 `claim.measure_unknown`) and one
                  compensated in money (422 `claim.measure_not_compensated`: consultations are hours);
                - `period` is a month `YYYY-MM` for a measure capped per month (a month overlapping the plan's
                  semester that has begun), or the plan's semester for a measure capped per semester (422
                  `claim.period_format`, `claim.period`, `claim.semester_unknown`);
                - `amountCents` is 1 to 10000000 (422 `claim.amount`) and `description` 3–500 characters
                  after trimming (422 `claim.description`);
                - `payee`: see `PayeeInput` (422 `payee.name`, `payee.iban`, `payee.bic`); an account already
                  known by its IBAN keeps its payee reference, with the name and BIC updated;
                - `receiptId` is a receipt the caller's institution uploaded (422 `claim.receipt_unknown`)
                  that no claim names yet, and its file is not already claimed on this plan's measure under
                  another receipt (409 `claim.duplicate_receipt`);
                - the cap: per student, measure type and period, minus what was already paid (see the
                  description of this API). Nothing left is 422 `compensation.cap`; a cut claim is accepted
                  with the warning in `findings` and `payout.cappedByCents` above 0.

                The payout is recorded with the claim and settled at once: `released` when the plan is fully
                approved, otherwise `held` (`plan_not_approved`) until it is; it is `voided` if the plan is
                suspended, deleted or loses consent first. Without `Idempotency-Key` a retried claim is
                refused as a duplicate receipt (409); with one it gets its first answer again.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewClaim'
              responses:
                '201':
                  description: |
                    The claim with its payout (or the stored answer of a repeated idempotent request);
                    `Location` is the claim's address.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ClaimView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: |
                    The plan is not open for claims (`claim.plan_not_open`, field `planId`), or the receipt or
                    its file is already claimed (`claim.duplicate_receipt`, field `receiptId`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  description: |
                    The body is invalid (strict decoding, or one of the rules above, `errors` naming the field
                    and rule), the `Idempotency-Key` is malformed (`idempotency.key_format`) or was used with
                    another body (`idempotency.key_reused`), or nothing is left under the cap
                    (`urn:pumpurs:problem:claim-rules`, rule `compensation.cap` with `severity` `error`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
            get:
              tags: [claims]
              operationId: listClaims
              summary: A plan's expense claims (Plāna izdevumu pieteikumi)
              description: |
                Roles `preparer`, `institution_coordinator`, `institution_head`, `municipality_coordinator`,
                `vpii_coordinator`, `ikvd_expert`, `ikvd_admin`, `finance`. The claims of the plan that the
                caller's scope reaches, newest first, each with its payout as it stands now; not paginated.
                A plan payouts does not know, or one outside the scope, is 404; one without claims gives an
                empty list. `findings`
                is always empty here: the cap's warning is given only in the answer to the claim.
              parameters:
                - name: planId
                  in: query
                  required: true
                  description: The plan (422 `request.uuid` when missing or not a UUID).
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The plan's claims.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ClaimList'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/claims/{claimId}:
            get:
              tags: [claims]
              operationId: getClaim
              summary: One expense claim (Izdevumu pieteikums)
              description: |
                Roles `preparer`, `institution_coordinator`, `institution_head`, `municipality_coordinator`,
                `vpii_coordinator`, `ikvd_expert`, `ikvd_admin`, `finance`, for a claim on a plan of an
                institution inside the caller's scope. The claim with its payout as it stands now
                (`findings` empty).
              parameters:
                - name: claimId
                  in: path
                  required: true
                  description: The claim's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The claim.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ClaimView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /payouts/payees/staff/{personId}:
            put:
              tags: [payees]
              operationId: registerStaffPayee
              summary: Register a staff member's bank account (Darbinieka bankas konts)
              description: |
                Any role, for the caller themselves only: nobody else sets a person's account (403
                `payee.own_account_only`; finance proposes a change instead and a second finance officer
                confirms it, `/finance/staff-payees/{personId}/changes`). Registers or replaces the person's
                account (every change is kept in the payee history and audited with both IBANs masked; the
                payee reference never changes) and publishes `payout.staff_payee_changed` so the person is
                emailed. Then the plans with staff pay held for the person are settled again. The first
                account the person registers releases pay that waited only for it (`payee_details_missing`)
                at once; after the IBAN changes, held pay waits the configured period (24 hours by default,
                `payee_change_waiting`, see `payReleasedFrom`) and is then released by a periodic sweep.
                The same details again change nothing. Field errors name `name`, `iban` and `bic` (rules
                `payee.name`, `payee.iban`, `payee.bic`, as in a claim).
              parameters:
                - name: personId
                  in: path
                  required: true
                  description: The staff member (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PayeeInput'
              responses:
                '200':
                  description: The account is registered.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/StaffPayeeView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  description: Someone else's account (`payee.own_account_only`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '404':
                  $ref: '#/components/responses/NotFound'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/plans/{planId}:
            get:
              tags: [plans]
              operationId: listPlanPayouts
              summary: A plan's payouts (Plāna izmaksas)
              description: |
                Roles `preparer`, `institution_coordinator`, `institution_head`, `municipality_coordinator`,
                `vpii_coordinator`, `ikvd_expert`, `ikvd_admin`, `finance`, for a plan payouts knows of and
                whose institution the caller's scope reaches (`finance` and `ikvd_admin`: every plan). The
                plan's payouts (claims and staff pay) in every state, oldest first, one page at a time.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  $ref: '#/components/responses/PayoutPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}

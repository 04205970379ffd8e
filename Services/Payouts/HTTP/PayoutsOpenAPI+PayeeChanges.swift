extension PayoutsOpenAPI {
    /// Finance's changes of someone's staff bank account (review #17): proposed by one finance
    /// officer, applied when a second one confirms. Follows `exportPaths`.
    static let payeeChangePaths = #"""
          /finance/staff-payees/{personId}/changes:
            post:
              tags: [payees]
              operationId: proposeStaffPayeeChange
              summary: Propose a change of a staff member's bank account (Ierosināt konta maiņu)
              description: |
                Role `finance`. For a person who cannot set their own account: nothing changes until a
                second, different finance officer confirms the proposal
                (`POST /finance/staff-payee-changes/{changeId}/confirm`). A newer proposal for the same
                person supersedes a pending one. The person must be known to payouts' copy of the directory
                (404 otherwise). Field errors name `name`, `iban`, `bic` (as for the person's own account)
                and `reason` (3–500 characters, `payee_change.reason`).
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
                      $ref: '#/components/schemas/StaffPayeeChangeRequest'
              responses:
                '201':
                  description: The proposal, `pending`.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/StaffPayeeChange'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /finance/staff-payee-changes:
            get:
              tags: [payees]
              operationId: listPendingStaffPayeeChanges
              summary: Proposed account changes awaiting a second officer (Gaidošās konta maiņas)
              description: Role `finance`. The pending proposals, oldest first (at most 500).
              responses:
                '200':
                  description: The pending proposals.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items:
                            type: array
                            items:
                              $ref: '#/components/schemas/StaffPayeeChange'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
          /finance/staff-payee-changes/{changeId}/confirm:
            post:
              tags: [payees]
              operationId: confirmStaffPayeeChange
              summary: Confirm a proposed account change (Apstiprināt konta maiņu)
              description: |
                Role `finance`, and not the officer who proposed it (403 `payee_change.same_person`). Applies
                the change as the person's own would be: audited (who proposed, who confirmed, when, the old
                and new IBAN masked, the reason), announced as `payout.staff_payee_changed` (the person is
                emailed), and held staff pay waits the configured period (`payReleasedFrom`) before it goes
                to the new account. A proposal no longer pending is 409 `payee_change.not_pending`. The body
                is an empty JSON object.
              parameters:
                - name: changeId
                  in: path
                  required: true
                  description: The proposal (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
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
                  description: The proposal, `confirmed`; the account is changed.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/StaffPayeeChange'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  description: Not a finance officer, or the officer who proposed the change (`payee_change.same_person`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The proposal is no longer pending (`payee_change.not_pending`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#

    /// The schemas of `payeeChangePaths`; follows `financeSchemas`.
    static let payeeChangeSchemas = #"""
            StaffPayeeChangeRequest:
              type: object
              additionalProperties: false
              required: [name, iban, reason]
              properties:
                name:
                  type: string
                  description: The account holder's name, 2–70 characters on one line.
                iban:
                  type: string
                  description: The new IBAN (spaces allowed; checked as for the person's own account).
                bic:
                  type: string
                  description: Optional BIC, 8 or 11 characters.
                reason:
                  type: string
                  description: Why finance changes the account (3–500 characters), kept in the audit.
            StaffPayeeChange:
              type: object
              required: [id, personId, state, name, iban, reason, proposedBy, proposedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                personId:
                  $ref: '#/components/schemas/Uuid'
                state:
                  type: string
                  enum: [pending, confirmed, superseded]
                name:
                  type: string
                iban:
                  type: string
                  description: The proposed IBAN in full (finance only; the person's email shows it masked).
                bic:
                  type: string
                currentIbanMasked:
                  type: string
                  description: The account it replaces, masked (`LV** **** **** **** *5001`); absent when none is registered.
                reason:
                  type: string
                proposedBy:
                  $ref: '#/components/schemas/Uuid'
                proposedAt:
                  type: string
                  format: date-time
                decidedBy:
                  $ref: '#/components/schemas/Uuid'
                decidedAt:
                  type: string
                  format: date-time
                payReleasedFrom:
                  type: string
                  format: date-time
                  description: After confirmation, from when held pay may go to the new account (absent — at once).
        """#
}
